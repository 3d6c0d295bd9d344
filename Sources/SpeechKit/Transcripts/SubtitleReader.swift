import Foundation
import SessionModel

/// Reads WebVTT (`.vtt`) and SubRip (`.srt`) subtitles: one utterance per sentence of each cue,
/// with the cue's times, in the order the cues start.
///
/// The speaker comes from a WebVTT voice tag (`<v PAR>`) or a `PAR:` prefix, `PAR` otherwise;
/// other tags are dropped and the text is normalised as plain text.
public enum SubtitleReader {
  public static func read(url: URL) throws(TranscriptReadError) -> Transcript {
    try read(TranscriptFile.contents(of: url), file: url.path)
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
    let lines = source.lines
    let isWebVTT = lines.first.map { $0.hasPrefix("WEBVTT") } ?? false
    let normalizer = PlainTextNormalizer()
    var utterances: [Utterance] = []
    var index = 0
    if isWebVTT {
      // The header runs to the first blank line: YouTube writes `Kind:` and `Language:` there.
      index = 1
      while index < lines.count, !lines[index].allSatisfy(\.isWhitespace), !lines[index].contains("-->") {
        index += 1
      }
    }
    while index < lines.count {
      // A block: optional identifier or NOTE/STYLE/REGION, a timing line, text lines, blank line.
      while index < lines.count, lines[index].allSatisfy(\.isWhitespace) { index += 1 }
      guard index < lines.count else { break }
      if isWebVTT, ["NOTE", "STYLE", "REGION"].contains(where: { lines[index].hasPrefix($0) }) {
        while index < lines.count, !lines[index].allSatisfy(\.isWhitespace) { index += 1 }
        continue
      }
      // A cue identifier (SRT's counter, WebVTT's optional id) precedes the timing line.
      if !lines[index].contains("-->") { index += 1 }
      guard index < lines.count, lines[index].contains("-->") else {
        throw source.error(
          line: min(index, lines.count - 1) + 1, column: 1,
          LocalizedText(
            fr: "ligne de temps « début --> fin » attendue",
            en: "timing line 'start --> end' expected"))
      }
      let timing = lines[index]
      let (start, end) = try times(in: timing, line: index + 1, source: source)
      index += 1
      var textLines: [Substring] = []
      while index < lines.count, !lines[index].allSatisfy(\.isWhitespace) {
        textLines.append(lines[index])
        index += 1
      }
      var speaker = defaultSpeaker
      var text = textLines.joined(separator: " ")
      if let voice = voiceTag(in: text) { speaker = voice }
      text = withoutTags(text)
      // After the tags: `&lt;` is text, not the start of one.
      if isWebVTT { text = CharacterReferences.decoded(text) }
      if let (code, rest) = PlainTextReader.speakerPrefix(of: Substring(text)) {
        speaker = code
        text = String(rest)
      }
      do {
        let sentences = try normalizer.utterances(in: text)
        // One utterance per sentence, as typed text is read: CHAT ends an utterance at its terminator.
        for sentence in sentences {
          utterances.append(
            Utterance(speaker: speaker, text: sentence, start: start, end: end, line: index - textLines.count + 1))
        }
      } catch {
        throw source.error(
          line: index - textLines.count + 1, column: 1 + error.offset, error.reason)
      }
    }
    // Cues in the order they are said; cues that start together keep the file's order.
    let ordered = utterances.enumerated().sorted {
      ($0.element.start ?? 0, $0.offset) < ($1.element.start ?? 0, $1.offset)
    }
    return Transcript(format: isWebVTT ? .webVTT : .srt, utterances: ordered.map(\.element))
  }

  private static func times(in line: Substring, line number: Int, source: SourceText) throws(TranscriptReadError)
    -> (Double, Double)
  {
    let parts = line.components(separatedBy: "-->")
    let startText = parts[0].trimmingWhitespace()
    let endText =
      (parts.count > 1 ? parts[1] : "").trimmingWhitespace().split(separator: " ").first.map(String.init) ?? ""
    guard let start = seconds(startText) else {
      throw source.error(
        line: number, column: 1,
        LocalizedText(
          fr: "temps de début « \(startText) » invalide : attendu hh:mm:ss,mmm ou mm:ss.mmm",
          en: "invalid start time '\(startText)': expected hh:mm:ss,mmm or mm:ss.mmm"))
    }
    guard let end = seconds(endText), end >= start else {
      let column = (line.range(of: "-->").map { line.distance(from: line.startIndex, to: $0.upperBound) } ?? 0) + 2
      throw source.error(
        line: number, column: column,
        LocalizedText(
          fr: "temps de fin « \(endText) » invalide : attendu hh:mm:ss,mmm ou mm:ss.mmm, après le début",
          en: "invalid end time '\(endText)': expected hh:mm:ss,mmm or mm:ss.mmm, after the start"))
    }
    return (start, end)
  }

  /// `01:02:03,456`, `01:02:03.456` or `02:03.456` in seconds.
  static func seconds(_ text: String) -> Double? {
    let fields = text.replacingOccurrences(of: ",", with: ".").split(separator: ":", omittingEmptySubsequences: false)
    guard (2...3).contains(fields.count) else { return nil }
    var total = 0.0
    for (index, field) in fields.enumerated() {
      let isLast = index == fields.count - 1
      guard !field.isEmpty, field.allSatisfy({ $0.isASCII && ($0.isNumber || (isLast && $0 == ".")) }),
        let value = Double(field)
      else { return nil }
      total = total * 60 + value
    }
    return total
  }

  private static func voiceTag(in text: String) -> String? {
    guard let range = text.range(of: "<v ") ?? text.range(of: "<v.") else { return nil }
    let rest = text[range.upperBound...]
    guard let close = rest.firstIndex(of: ">") else { return nil }
    let name = rest[..<close].split(separator: " ").last.map(String.init) ?? ""
    return name.isEmpty ? nil : name
  }

  private static func withoutTags(_ text: String) -> String {
    var result = ""
    var inTag = false
    for character in text {
      if character == "<" {
        inTag = true
      } else if character == ">" && inTag {
        inTag = false
      } else if !inTag {
        result.append(character)
      }
    }
    return result
  }
}
