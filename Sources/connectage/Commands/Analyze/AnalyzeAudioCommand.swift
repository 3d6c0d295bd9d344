import ArgumentParser
import Foundation
import SessionModel
import SpeechKit

/// `connectage analyze audio`: speech timing of recorded answers, one result per file.
struct AnalyzeAudioCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audio",
    abstract: "Measure first-word onset, last-word offset, speech duration and pauses in WAV recordings.")

  @Argument(help: "WAV files to analyse.")
  var files: [String]

  @Flag(help: "Write one JSON object per file per line instead of a table.")
  var jsonl = false

  // Optional rather than defaulting to the core count, so the help does not print this machine's count.
  @Option(help: "Files analysed at the same time (default: all cores).")
  var jobs: Int?

  @Option(name: .customLong("min-pause"), help: "Shortest silence counted as a pause, in milliseconds.")
  var minimumPause: Int = 250

  @Option(
    name: .customLong("stimulus-onset"),
    help: "Stimulus onset in seconds from the start of each recording, for the latency.")
  var stimulusOnset: Double?

  @Option(
    name: .customLong("prompt-end"),
    help:
      "End of the therapist's prompt in seconds from the start of each recording: only what follows it is analysed as the answer."
  )
  var promptEnd: Double?

  func validate() throws {
    guard (jobs ?? 1) >= 1 else {
      throw ValidationError(
        LocalizedText(fr: "--jobs doit valoir au moins 1.", en: "--jobs must be at least 1.").text(
          in: Terminal.language))
    }
    guard minimumPause > 0 else {
      throw ValidationError(
        LocalizedText(
          fr: "--min-pause doit être positif (en millisecondes).", en: "--min-pause must be positive (milliseconds)."
        )
        .text(in: Terminal.language))
    }
  }

  func run() async throws {
    let options = SpeechTimingOptions(
      minimumPause: Double(minimumPause) / 1000, stimulusOnset: stimulusOnset, promptEnd: promptEnd)
    let analyzer = SpeechTimingAnalyzer()
    let progress = ProgressBar(total: files.count, label: "analyse")
    let results = files.parallelMap(
      jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, progress: { progress.update(done: $0) }
    ) {
      file -> Result<SpeechTiming, AudioError> in
      // Results and messages name each file as the user typed it.
      do throws(AudioError) {
        var timing = try analyzer.analyze(url: URL(fileURLWithPath: file), options: options)
        timing.file = file
        return .success(timing)
      } catch {
        return .failure(AudioError(file: file, reason: error.reason))
      }
    }
    progress.finish()

    let timings = results.compactMap { try? $0.get() }
    if jsonl {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
      for timing in timings { Terminal.print(String(decoding: try encoder.encode(timing), as: UTF8.self)) }
    } else if !timings.isEmpty {
      Terminal.print(SpeechTimingTable(timings: timings).render(in: Terminal.language))
    }
    var failed = 0
    for case .failure(let error) in results {
      Terminal.printError(error.message.text(in: Terminal.language))
      failed += 1
    }
    if failed > 0 {
      throw CommandFailure.badInput(
        LocalizedText(
          fr: "\(failed) fichier(s) sur \(files.count) n'ont pas pu être analysés.",
          en: "\(failed) of \(files.count) file(s) could not be analysed."))
    }
  }
}
