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

  /// Stops, writes the last samples and closes the file; returns the finished answer.
  func end() throws(AudioError) -> AnswerFile? {
    guard let writer, let file = current else { return nil }
    capture.stop()
    let samples = capture.readAvailable()
    if !samples.isEmpty { try writer.append(samples) }
    try writer.close()
    self.writer = nil
    current = nil
    return file
  }
}
