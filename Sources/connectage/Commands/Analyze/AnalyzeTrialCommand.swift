import ArgumentParser
import Foundation
import SessionModel
import SpeechKit

/// `connectage analyze trial --audio A --transcript T`: one answer, timing and words together.
struct AnalyzeTrialCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trial",
    abstract: "Measure one answer from its recording and its transcript.",
    discussion: """
      Timing comes from the transcript's word times when it has them (TextGrid words tier, ASR JSON), \
      otherwise from the audio. Prints one JSON object: timing, timing_source and transcript measures.
      """)

  @Option(help: ArgumentHelp("The answer's recording (WAV).", valueName: "file"))
  var audio: String

  @Option(help: ArgumentHelp("Its transcript (.cha, .TextGrid, .txt, .json, .vtt, .srt).", valueName: "file"))
  var transcript: String?

  @Option(help: "Speaker code to analyse (default: PAR, or the first speaker who is not INV).")
  var speaker: String?

  @Option(help: "Shortest silence counted as a pause, in milliseconds.")
  var minPause = 250

  @Option(help: "Seconds from the start of the recording to the stimulus, for the latency.")
  var stimulusOnset: Double?

  func run() async throws {
    let text: Transcript?
    do {
      text = try transcript.map { try TranscriptReader.read(url: URL(fileURLWithPath: $0), named: $0) }
    } catch let error as TranscriptReadError {
      throw CommandFailure(message: error.message(in: Terminal.language), exitCode: CommandFailure.badInput)
    }
    let options = SpeechTimingOptions(minimumPause: Double(minPause) / 1000, stimulusOnset: stimulusOnset)
    do {
      let measurement = try AnswerMeasurement.measure(
        audio: URL(fileURLWithPath: audio), transcript: text, speaker: speaker, options: options)
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      Terminal.print(String(decoding: try encoder.encode(measurement), as: UTF8.self))
    } catch let error as AudioError {
      throw CommandFailure.badInput(error.message)
    }
  }
}
