import ArgumentParser
import Foundation
import SessionModel
import SpeechKit

/// `connectage export-textgrid`: a Praat TextGrid of an answer, to check every figure by eye.
struct ExportTextGridCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export-textgrid",
    abstract: "Write a Praat TextGrid of a recording: speech segments, pauses, and the transcript's words.",
    discussion: "Open it in Praat beside the WAV: the tiers are the segments and pauses the measures come from.")

  @Option(help: ArgumentHelp("The recording (WAV).", valueName: "file"))
  var audio: String

  @Option(help: ArgumentHelp("Its transcript, if any (.cha, .TextGrid, .txt, .json, .vtt, .srt).", valueName: "file"))
  var transcript: String?

  @Option(help: ArgumentHelp("Where to write the TextGrid (default: beside the WAV).", valueName: "file"))
  var output: String?

  @Option(help: "Shortest silence counted as a pause, in milliseconds.")
  var minPause = 250

  func run() async throws {
    let audioURL = URL(fileURLWithPath: audio)
    let text: Transcript
    do {
      text =
        try transcript.map { try TranscriptReader.read(url: URL(fileURLWithPath: $0), named: $0) }
        ?? Transcript(format: .plainText, headers: [], utterances: [], trailingHeaders: [])
    } catch let error as TranscriptReadError {
      throw CommandFailure(message: error.message(in: Terminal.language), exitCode: CommandFailure.badInput)
    }
    let timing: SpeechTiming
    do {
      timing = try SpeechTimingAnalyzer().analyze(
        url: audioURL, options: SpeechTimingOptions(minimumPause: Double(minPause) / 1000))
    } catch {
      throw CommandFailure.badInput(error.message)
    }
    let segments = timing.segments.map { (start: $0.start, end: $0.end) }
    let pauses = zip(timing.segments, timing.segments.dropFirst())
      .filter { $1.start - $0.end >= Double(minPause) / 1000 - 1e-9 }
      .map { (start: $0.end, end: $1.start) }
    let grid = TextGridWriter.textGrid(
      for: text, speechSegments: segments, pauses: pauses, duration: timing.recordingDuration)
    let destination =
      output.map { URL(fileURLWithPath: $0) }
      ?? audioURL.deletingPathExtension().appendingPathExtension("TextGrid")
    do {
      try TextGridWriter.data(of: grid).write(to: destination, options: .atomic)
    } catch {
      throw CommandFailure.runtime(
        LocalizedText(
          fr: "Impossible d'écrire \(destination.path) : vérifiez le dossier et ses droits.",
          en: "Could not write \(destination.path): check the folder and its permissions."))
    }
    Terminal.say(
      LocalizedText(
        fr:
          "TextGrid écrit : \(destination.path) (\(timing.segments.count) segment(s) de parole, \(pauses.count) pause(s)).",
        en:
          "TextGrid written: \(destination.path) (\(timing.segments.count) speech segment(s), \(pauses.count) pause(s))."
      ))
  }
}
