import Foundation

/// Writes a `Transcript` as a CHAT file that CLAN reads: headers, gems, main tiers with media
/// bullets, dependent tiers, and a `%wor` tier when word times are known.
///
/// Numbers typed or recognised as digits are written out in French words on the main tier and
/// `%wor` (``FrenchNumberSpeller``), since CHAT forbids digits in words; ``FrenchWordCounter``
/// counts digits the same way, so the file counts as its source did. Apart from that, reading what
/// this writer wrote gives back an equal `Transcript` (tested), so every figure can be checked in
/// CLAN on the file we export.
public enum CHATWriter {
  public static func text(of transcript: Transcript) -> String {
    var lines = ["@UTF8", "@Begin"]
    let headers = transcript.headers.isEmpty ? defaultHeaders(for: transcript) : transcript.headers
    lines += headers.map(\.line)
    var gem: Gem?
    for utterance in transcript.utterances {
      if utterance.gem != gem {
        if let open = gem, open.kind == .scoped { lines.append(gemLine("Eg", open.label)) }
        if let next = utterance.gem { lines.append(gemLine(next.kind == .lazy ? "G" : "Bg", next.label)) }
        gem = utterance.gem
      }
      lines += utterance.headersBefore.map(\.line)
      var main = "*\(utterance.speaker):\t\(FrenchNumberSpeller.spellingOutDigits(inCHAT: utterance.text))"
      if let start = utterance.start, let end = utterance.end {
        main += " \(bullet(start, end))"
      }
      lines.append(main)
      for tier in utterance.dependentTiers { lines.append("%\(tier.name):\t\(tier.text)") }
      if !utterance.words.isEmpty, !utterance.dependentTiers.contains(where: { $0.name == "wor" }) {
        lines.append("%wor:\t" + worTier(utterance.words))
      }
    }
    lines += transcript.trailingHeaders.map(\.line)
    if let open = gem, open.kind == .scoped { lines.append(gemLine("Eg", open.label)) }
    lines.append("@End")
    return lines.joined(separator: "\n") + "\n"
  }

  public static func data(of transcript: Transcript) -> Data {
    Data(text(of: transcript).utf8)
  }

  /// `·start_end·` in milliseconds, between two U+0015 characters.
  static func bullet(_ start: Double, _ end: Double) -> String {
    "\u{15}\(milliseconds(start))_\(milliseconds(end))\u{15}"
  }

  /// Whole milliseconds; times from other formats may be absurd (a TextGrid can say 1e300), and
  /// they are clamped rather than allowed to trap.
  private static func milliseconds(_ seconds: Double) -> Int {
    let value = (seconds * 1000).rounded()
    guard value.isFinite else { return 0 }
    return Int(min(max(value, 0), 9_000_000_000_000_000))
  }

  private static func gemLine(_ name: String, _ label: String) -> String {
    label.isEmpty ? "@\(name)" : "@\(name):\t\(label)"
  }

  private static func worTier(_ words: [TimedWord]) -> String {
    words.map { "\(FrenchNumberSpeller.spellingOutDigits(inWord: $0.text)) \(bullet($0.start, $0.end))" }
      .joined(separator: " ") + " ."
  }

  /// Headers for transcripts that did not come from CHAT: French, one `@ID` per speaker.
  private static func defaultHeaders(for transcript: Transcript) -> [CHATHeader] {
    let speakers = transcript.speakers
    let participants = speakers.map { "\($0) \(role(of: $0))" }.joined(separator: ", ")
    return [CHATHeader(name: "Languages", value: "fra"), CHATHeader(name: "Participants", value: participants)]
      + speakers.map { CHATHeader(name: "ID", value: "fra|connectage|\($0)|||||\(role(of: $0))|||") }
  }

  private static func role(of code: String) -> String {
    code == "INV" ? "Investigator" : "Participant"
  }
}
