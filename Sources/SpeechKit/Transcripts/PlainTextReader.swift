import Foundation
import SessionModel

/// Reads text as a therapist types it: one or more lines, optionally prefixed by a speaker code
/// (`INV: qu'est-ce que ça vous évoque ?`); lines without a prefix continue the previous
/// speaker, `PAR` at first. Text is normalised to CHAT notation by `PlainTextNormalizer` under the
/// literal rule set `wc-fr-plain-1.0`: a typed repetition stays a counted word.
public enum PlainTextReader {
  public static func read(url: URL, speaker: String = "PAR") throws(TranscriptReadError) -> Transcript {
    try read(TranscriptFile.contents(of: url), file: url.path, speaker: speaker)
  }

  public static func read(_ data: Data, file: String = "<entrée>", speaker: String = "PAR")
    throws(TranscriptReadError) -> Transcript
  {
    try read(source: SourceText(data: data, file: file), speaker: speaker)
  }

  public static func read(text: String, file: String = "<entrée>", speaker: String = "PAR")
    throws(TranscriptReadError) -> Transcript
  {
    try read(source: SourceText(text: text, file: file), speaker: speaker)
  }

  static func read(source: SourceText, speaker defaultSpeaker: String) throws(TranscriptReadError) -> Transcript {
    let normalizer = PlainTextNormalizer(rules: .plainFrench1)
    var speaker = defaultSpeaker
    var utterances: [Utterance] = []
    for (offset, line) in source.lines.enumerated() {
      var content = Substring(line)
      var column = 1
      if let (code, rest) = speakerPrefix(of: content) {
        speaker = code
        column += content.count - rest.count
        content = rest
      }
      do {
        for text in try normalizer.utterances(in: String(content)) {
          utterances.append(Utterance(speaker: speaker, text: text, line: offset + 1))
        }
      } catch {
        let characters = String(String.UnicodeScalarView(content.unicodeScalars.prefix(error.offset))).count
        throw source.error(line: offset + 1, column: column + characters, error.reason)
      }
    }
    return Transcript(format: .plainText, utterances: utterances)
  }

  /// `PAR:` or `*PAR:` at the start of a line: 1 to 7 capitals or digits, then a colon.
  static func speakerPrefix(of line: Substring) -> (String, Substring)? {
    var rest = line.drop(while: { $0 == " " || $0 == "\t" })
    if rest.first == "*" { rest = rest.dropFirst() }
    let code = rest.prefix(while: { $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "_") })
    guard (1...7).contains(code.count), code.first?.isLetter == true else { return nil }
    let afterCode = rest.dropFirst(code.count)
    guard afterCode.first == ":" else { return nil }
    return (String(code), afterCode.dropFirst().drop(while: { $0 == " " || $0 == "\t" }))
  }
}
