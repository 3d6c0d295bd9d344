import Foundation
import SessionModel

/// Reads CHAT (`.cha`) files: headers, main tiers with media bullets, gems, dependent tiers.
///
/// Every main tier is tokenised when read, so a file that loads is one the counters can count;
/// problems are reported with file, line and column.
public enum CHATReader {
  public static func read(url: URL) throws(TranscriptReadError) -> Transcript {
    try read(TranscriptFile.contents(of: url), file: url.path)
  }

  /// A CHAT file: `@Begin` and `@End` are required, as CLAN requires them.
  public static func read(_ data: Data, file: String = "<entrée>") throws(TranscriptReadError) -> Transcript {
    try read(source: SourceText(data: data, file: file), isWholeFile: true)
  }

  /// CHAT text: a whole file, or main tiers alone (`*PAR:\tle café .`), as in tests and examples.
  public static func read(text: String, file: String = "<entrée>") throws(TranscriptReadError) -> Transcript {
    try read(source: SourceText(text: text, file: file), isWholeFile: false)
  }

  static func read(source: SourceText, isWholeFile: Bool) throws(TranscriptReadError) -> Transcript {
    // Physical lines are joined with their tab-indented continuation lines first.
    var logical: [(line: Int, text: String)] = []
    for (offset, rawLine) in source.lines.enumerated() {
      let number = offset + 1
      if rawLine.first == "\t" {
        guard !logical.isEmpty else {
          throw source.error(
            line: number, column: 1,
            LocalizedText(
              fr: "ligne de continuation (tabulation) sans ligne au-dessus",
              en: "continuation line (tab) with no line above"))
        }
        logical[logical.count - 1].text += " " + rawLine.drop(while: { $0 == "\t" })
      } else if rawLine.allSatisfy(\.isWhitespace) {
        continue
      } else {
        logical.append((number, String(rawLine)))
      }
    }

    var transcript = Transcript(format: .chat, utterances: [])
    var pendingHeaders: [CHATHeader] = []
    var gem: Gem?
    var ended = false
    var began = false
    var declared: Set<String>?

    for (number, text) in logical {
      if ended {
        throw source.error(
          line: number, column: 1,
          LocalizedText(fr: "texte après @End ; supprimez-le", en: "text after @End; remove it"))
      }
      switch text.first {
      case "@":
        let header = parseHeader(text)
        switch header.name {
        case "Begin": began = true
        case "UTF8", "Window", "Font", "ColorWords": continue
        case "End": ended = true
        case "G":
          gem = Gem(label: header.value ?? "", kind: .lazy)
        case "Bg":
          gem = Gem(label: header.value ?? "", kind: .scoped)
        case "Eg":
          gem = nil
        default:
          if transcript.utterances.isEmpty {
            transcript.headers.append(header)
            if header.name == "Participants" { declared = Set(transcript.declaredParticipants) }
          } else {
            pendingHeaders.append(header)
          }
        }
      case "*":
        var utterance = try parseMainTier(text, line: number, source: source)
        if let declared, !declared.contains(utterance.speaker) {
          throw source.error(
            line: number, column: 2,
            LocalizedText(
              fr: "locuteur « \(utterance.speaker) » absent de @Participants ; déclarez-le dans l'en-tête",
              en: "speaker '\(utterance.speaker)' is not in @Participants; declare it in the header"))
        }
        utterance.gem = gem
        utterance.headersBefore = pendingHeaders
        pendingHeaders = []
        transcript.utterances.append(utterance)
      case "%":
        guard !transcript.utterances.isEmpty else {
          throw source.error(
            line: number, column: 1,
            LocalizedText(
              fr: "ligne dépendante (%) avant toute ligne de locuteur (*)",
              en: "dependent tier (%) before any speaker line (*)"))
        }
        let tier = try parseDependentTier(text, line: number, source: source)
        let index = transcript.utterances.count - 1
        transcript.utterances[index].dependentTiers.append(tier)
        if tier.name == "wor" {
          (transcript.utterances[index].words, transcript.utterances[index].untimedWords) = timedWords(
            inWorTier: tier.text)
        }
      default:
        throw source.error(
          line: number, column: 1,
          LocalizedText(
            fr: "ligne inattendue : une ligne CHAT commence par @, * ou %",
            en: "unexpected line: a CHAT line starts with @, * or %"))
      }
    }
    if isWholeFile && !began {
      throw source.error(
        line: 1, column: 1,
        LocalizedText(
          fr: "@Begin manquant : un fichier CHAT commence par @UTF8 puis @Begin",
          en:
            "missing @Begin: a CHAT file starts with @UTF8 then @Begin"))
    }
    if isWholeFile && !ended {
      throw source.error(
        line: (logical.last?.line ?? 0) + 1, column: 1,
        LocalizedText(fr: "@End manquant : terminez le fichier par @End", en: "missing @End: end the file with @End"))
    }
    transcript.trailingHeaders = pendingHeaders
    return transcript
  }

  private static func parseHeader(_ text: String) -> CHATHeader {
    let body = text.dropFirst()
    guard let colon = body.firstIndex(of: ":") else { return CHATHeader(name: String(body).trimmingWhitespace()) }
    let value = body[body.index(after: colon)...].drop(while: { $0 == "\t" || $0 == " " })
    return CHATHeader(name: String(body[..<colon]), value: String(value))
  }

  private static func parseMainTier(_ text: String, line: Int, source: SourceText) throws(TranscriptReadError)
    -> Utterance
  {
    guard let colon = text.firstIndex(of: ":") else {
      throw source.error(
        line: line, column: text.count + 1,
        LocalizedText(fr: "« : » manquant après le code du locuteur", en: "':' missing after the speaker code"))
    }
    let code = String(text[text.index(after: text.startIndex)..<colon])
    let validCode =
      (1...7).contains(code.count)
      && code.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber || "_'-".contains($0)) }
    guard validCode else {
      throw source.error(
        line: line, column: 2,
        LocalizedText(
          fr: "code de locuteur « \(code) » invalide : 1 à 7 majuscules ou chiffres (PAR, INV, PA1)",
          en: "invalid speaker code '\(code)': 1 to 7 capitals or digits (PAR, INV, PA1)"))
    }
    let prefixLength = code.count + 2
    var body = Substring(text[text.index(after: colon)...])
    var skipped = 0
    while let first = body.first, first == "\t" || first == " " {
      body.removeFirst()
      skipped += 1
    }
    let contentColumn = prefixLength + skipped + 1
    let tokens: [PositionedCHATToken]
    do {
      tokens = try CHATTokenizer.tokens(in: String(body))
    } catch {
      let characters = String(String.UnicodeScalarView(body.unicodeScalars.prefix(error.offset))).count
      throw source.error(line: line, column: contentColumn + characters, error.reason)
    }
    guard tokens.contains(where: { if case .terminator = $0.token { true } else { false } }) else {
      throw source.error(
        line: line, column: contentColumn + body.count,
        LocalizedText(
          fr: "terminateur manquant : finissez l'énoncé par . ? ! ou +...",
          en: "missing terminator: end the utterance with . ? ! or +..."))
    }
    var utterance = Utterance(speaker: code, text: String(body), line: line)
    if let last = tokens.last, case .bullet(let start, let end) = last.token {
      utterance.start = Double(start) / 1000
      utterance.end = Double(end) / 1000
      utterance.text = String(String.UnicodeScalarView(body.unicodeScalars.prefix(last.offset))).trimmingWhitespace()
    }
    return utterance
  }

  private static func parseDependentTier(_ text: String, line: Int, source: SourceText) throws(TranscriptReadError)
    -> DependentTier
  {
    guard let colon = text.firstIndex(of: ":"), text.index(after: text.startIndex) < colon else {
      throw source.error(
        line: line, column: 2,
        LocalizedText(
          fr: "ligne dépendante sans nom : écrivez %nom:<tab>texte",
          en: "dependent tier without a name: write %name:<tab>text"))
    }
    let name = String(text[text.index(after: text.startIndex)..<colon])
    let value = text[text.index(after: colon)...].drop(while: { $0 == "\t" || $0 == " " })
    return DependentTier(name: name, text: String(value))
  }

  /// `%wor` pairs each spoken word with its bullet; words without a bullet carry no time and are
  /// kept apart.
  static func timedWords(inWorTier text: String) -> (timed: [TimedWord], untimed: [String]) {
    guard let tokens = try? CHATTokenizer.tokens(in: text) else { return ([], []) }
    var words: [TimedWord] = []
    var untimed: [String] = []
    var pending: String?
    for token in tokens.map(\.token) {
      switch token {
      case .word(let word):
        if let unplaced = pending { untimed.append(unplaced) }
        pending = word
      case .bullet(let start, let end):
        if let word = pending {
          words.append(TimedWord(text: word, start: Double(start) / 1000, end: Double(end) / 1000))
        }
        pending = nil
      default:
        if let unplaced = pending { untimed.append(unplaced) }
        pending = nil
      }
    }
    if let unplaced = pending { untimed.append(unplaced) }
    return (words, untimed)
  }
}
