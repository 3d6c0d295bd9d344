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
      otherwise from the audio. Prints one JSON object: timing, timing_source, transcript measures and \
      missing_reasons. The speech measured is --speaker's, else PAR's, else the only speaker's; a \
      transcript with none of it, with several answers (@G: gems) or with times off the recording \
      is refused (exit 2).
      """)

  @Option(help: ArgumentHelp("The answer's recording (WAV).", valueName: "file"))
  var audio: String

  @Option(help: ArgumentHelp("Its transcript (.cha, .TextGrid, .txt, .json, .vtt, .srt).", valueName: "file"))
  var transcript: String?

  @Option(help: "Speaker code to analyse (default: PAR, else the only speaker who is not INV).")
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
    let measurement: AnswerMeasurement
    do {
      measurement = try AnswerMeasurement.measure(
        audio: URL(fileURLWithPath: audio), transcript: text, transcriptFile: transcript ?? audio, speaker: speaker,
        options: options)
    } catch let error as AudioError {
      throw CommandFailure.badInput(error.message)
    } catch let error as TranscriptReadError {
      throw CommandFailure(message: error.message(in: Terminal.language), exitCode: CommandFailure.badInput)
    }
    // A transcript was given to be measured: one without the answer's speech is a mistake, not 0 words.
    if let transcript, measurement.missing.contains(.noSpeechOfSpeaker) {
      throw CommandFailure.badInput(
        LocalizedText(
          fr:
            "\(transcript) : \(MissingMeasureReason.noSpeechOfSpeaker.explanation.french) ; vérifiez le fichier (énoncés, nom du locuteur) ou --speaker.",
          en:
            "\(transcript): \(MissingMeasureReason.noSpeechOfSpeaker.explanation.english); check the file (utterances, speaker name) or --speaker."
        ))
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    Terminal.print(String(decoding: try encoder.encode(measurement), as: UTF8.self))
  }
}
