import Foundation
import SessionEngine
import SessionModel
import SpeechKit
import Stage

/// Records one answer at a time from the Stage's microphone into a WAV file that survives a crash.
///
/// Samples go to disk every frame (``pump()``), and the WAV header is kept current, so a crash
/// leaves a readable file up to the last block; `WAVFile.recover(at:)` repairs a stale header.
@MainActor
final class AnswerRecorder {
  private let capture: AudioCapture
  private var writer: WAVStreamWriter?
  private(set) var current: AnswerFile?

  init(capture: AudioCapture) {
    self.capture = capture
  }

  func begin(_ file: AnswerFile) throws {
    try FileManager.default.createDirectory(
      at: file.url.deletingLastPathComponent(), withIntermediateDirectories: true)
    writer = try WAVStreamWriter(url: file.url, sampleRate: AudioCapture.sampleRate, channels: 1)
    current = file
    _ = capture.readAvailable()  // what the microphone heard before the floor was given is not the answer
    capture.start()
  }

  /// Moves what the microphone captured since the last frame into the file.
  func pump() throws(AudioError) {
    guard let writer else { return }
    let samples = capture.readAvailable()
    if !samples.isEmpty { try writer.append(samples) }
  }

  /// Stops, writes the last samples and closes the file; returns the finished answer, and what
  /// went wrong at the end if anything did.
  ///
  /// The file is closed and the recorder cleared whatever happens: the header is kept current at
  /// every append, so when the last samples cannot be written the file still holds the take up to
  /// the previous frame, and is worth measuring.
  func end() -> (file: AnswerFile, problem: AudioError?)? {
    guard let writer, let file = current else { return nil }
    defer {
      self.writer = nil
      current = nil
    }
    capture.stop()
    var problem: AudioError?
    do {
      let samples = capture.readAvailable()
      if !samples.isEmpty { try writer.append(samples) }
    } catch {
      problem = error
    }
    do {
      try writer.close()
    } catch {
      problem = problem ?? error
    }
    // After a failed write the header may stop short of samples that did reach the disk.
    if problem != nil { _ = try? WAVFile.recover(at: file.url) }
    return (file, problem)
  }
}
