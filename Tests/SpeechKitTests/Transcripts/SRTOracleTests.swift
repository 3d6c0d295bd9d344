import Foundation
import TestSupport
import Testing

@testable import SpeechKit

/// SubRip files read as a subtitle library reads them. The reference is pysubs2
/// (`scripts/subtitle-oracle.py`, in the pinned environment scripts/install-deps makes): its cues'
/// times and text without formatting tags. The cases are what subtitle editors and speech
/// recognisers write: counters out of order, several blank lines, position coordinates after the
/// times, a full stop before the milliseconds, italics, Windows line ends, a byte-order mark, no
/// final line end.
///
/// Both sides' text goes through the same ``PlainTextNormalizer``: what is compared is the reading
/// of the file, not the word rules.
@Suite struct SRTOracleTests {
  static let cases: [String] = [
    "1\n00:00:01,000 --> 00:00:02,500\nle café de ma mère\n\n2\n00:00:03,000 --> 00:00:04,250\nle matin\n",
    "7\n00:00:05,000 --> 00:00:06,000\nla deuxième\n\n\n\n3\n00:00:01,000 --> 00:00:02,000\nla première\nsur deux lignes\n",
    "1\n00:00:01,000 --> 00:00:02,000 X1:40 X2:600 Y1:20 Y2:50\noui\n\n2\n00:00:02.500 --> 00:00:03.000\nbien sûr\n",
    "1\n00:00:01,000 --> 00:00:02,000\nle <i>jardin</i> de <b>ma</b> <font color=\"#ffff00\">grand-mère</font>\n",
    "\u{FEFF}1\r\n00:00:01,000 --> 00:00:02,000\r\noui\r\n\r\n2\r\n00:01:02,003 --> 01:00:00,000\r\nla fin",
  ]

  @Test func readsEachFileAsPysubs2Does() throws {
    let references = try SubtitleOracle.cues(of: Self.cases)
    let normalizer = PlainTextNormalizer()
    for (text, cues) in zip(Self.cases, references) {
      let transcript: Transcript
      do {
        transcript = try SubtitleReader.read(Data(text.utf8), file: "case.srt")
      } catch {
        Issue.record("\(error): \(text.debugDescription)")
        continue
      }
      // The reader puts cues in the order they start, as pysubs2 may not.
      let ordered = cues.enumerated().sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }
      let expected = try ordered.flatMap { _, cue in
        try normalizer.utterances(in: cue.text).map { Reading(text: $0, start: cue.start, end: cue.end) }
      }
      let read = transcript.utterances.map { Reading(text: $0.text, start: $0.start ?? -1, end: $0.end ?? -1) }
      #expect(read == expected, "\(text.debugDescription)")
      #expect(transcript.utterances.allSatisfy { $0.speaker == "PAR" })
    }
  }

  struct Reading: Equatable, CustomStringConvertible {
    var text: String
    var start: Double
    var end: Double
    var description: String { "\(start)–\(end) \(text)" }
  }
}

/// Runs `scripts/subtitle-oracle.py` with the oracles' virtual environment.
enum SubtitleOracle {
  struct Cue: Decodable {
    var start: Double
    var end: Double
    var text: String
  }

  static func cues(of files: [String]) throws -> [[Cue]] {
    let data = try OracleScript.run("scripts/subtitle-oracle.py", input: JSONEncoder().encode(files))
    return try JSONDecoder().decode([[Cue]].self, from: data)
  }
}
