import Foundation
import SessionModel
import SpeechKit

/// Reads the editor's text as the exports will read the saved file, and measures it.
///
/// A reader stops at the first problem; the editor needs all of them, and counts that stay live
/// while one line is wrong. So a line with a problem is set aside (emptied, keeping the line
/// numbers) and the text read again, until it reads or the same line fails twice.
public enum TranscriptCheck {
  /// The name problems are reported under: never the recording's file name, which names the trial.
  public static let fileName = "transcription"

  /// At most this many problems are collected, so a pasted binary file cannot stall a keystroke.
  static let problemLimit = 20

  /// Reads `text` in `mode` and measures the words of the answering speaker: `participant`'s own
  /// code, else `PAR`, else the only speaker who is not an investigator.
  public static func analyze(_ text: String, mode: TranscriptMode, participant: String?) -> TranscriptAnalysis {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var problems: [TranscriptProblem] = []
    var setAside: Set<Int> = []
    while true {
      let attempt = lines.joined(separator: "\n")
      do {
        let transcript = try TranscriptReader.read(Data(attempt.utf8), file: fileName, format: mode.format)
        return measured(transcript, participant: participant, problems: problems)
      } catch {
        problems.append(TranscriptProblem(line: error.line, column: error.column, message: error.reason))
        let index = error.line - 1
        guard lines.indices.contains(index), !setAside.contains(index), problems.count < problemLimit else {
          return TranscriptAnalysis(problems: problems, speaker: nil, measures: nil)
        }
        setAside.insert(index)
        lines[index] = ""
      }
    }
  }

  private static func measured(_ transcript: Transcript, participant: String?, problems: [TranscriptProblem])
    -> TranscriptAnalysis
  {
    var problems = problems.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    let speaker: String?
    do {
      speaker = try AnswerSpeaker.choose(in: transcript, participant: participant, file: fileName)
    } catch {
      problems.append(TranscriptProblem(line: error.line, column: error.column, message: error.reason))
      return TranscriptAnalysis(problems: problems, speaker: nil, measures: nil)
    }
    guard let speaker else {
      return TranscriptAnalysis(problems: problems, speaker: nil, measures: nil)
    }
    return TranscriptAnalysis(
      problems: problems, speaker: speaker, measures: TranscriptMeasures.measure(transcript, speaker: speaker))
  }
}
