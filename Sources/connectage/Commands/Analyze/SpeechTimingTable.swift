import Foundation
import SessionModel
import SpeechKit

/// The readable table `analyze audio` prints without `--jsonl`.
struct SpeechTimingTable {
  let timings: [SpeechTiming]

  func render(in language: Language) -> String {
    let header = [
      LocalizedText(fr: "fichier", en: "file"), LocalizedText(fr: "début (s)", en: "onset (s)"),
      LocalizedText(fr: "fin (s)", en: "offset (s)"), LocalizedText(fr: "durée (s)", en: "duration (s)"),
      LocalizedText(fr: "parole (s)", en: "speaking (s)"), LocalizedText(fr: "pauses", en: "pauses"),
      LocalizedText(fr: "segments", en: "segments"),
    ].map { $0.text(in: language) }
    let rows = timings.map { timing -> [String] in
      [
        timing.file, seconds(timing.firstWordOnset), seconds(timing.lastWordOffset), seconds(timing.speechDuration),
        seconds(timing.speakingTime), "\(timing.pauses.count)", "\(timing.segments.count)",
      ]
    }
    let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max()! }
    let lines = ([header] + rows).map { row in
      row.indices.map { column in
        column == 0
          ? row[column].padding(toLength: widths[column], withPad: " ", startingAt: 0)
          : String(repeating: " ", count: widths[column] - row[column].count) + row[column]
      }.joined(separator: "  ")
    }
    let pause = timings.first.map { "\($0.pauses.thresholdMilliseconds) ms" } ?? ""
    let footer = LocalizedText(
      fr: "algorithme : \(VoiceActivityDetector.algorithm), pauses ≥ \(pause)",
      en: "algorithm: \(VoiceActivityDetector.algorithm), pauses ≥ \(pause)")
    return (lines + [footer.text(in: language)]).joined(separator: "\n")
  }

  private func seconds(_ value: Double?) -> String {
    value.map { String(format: "%.3f", $0) } ?? "NA"
  }
}
