import Foundation
import SessionModel

/// Reads Praat TextGrid text files (long, short or mixed layout; UTF-8, or UTF-16 with BOM).
///
/// Following Praat's own reader, only free-standing numbers, quoted strings and `<exists>` are
/// data; labels such as `xmin =` or `[1]:` are comments, and `!` comments out the rest of a line.
public enum TextGridReader {
  public static func read(url: URL) throws(TranscriptReadError) -> Transcript {
    try read(TranscriptFile.contents(of: url), file: url.path)
  }

  /// The transcript in a TextGrid: one utterance per labelled interval of each speaker tier.
  public static func read(_ data: Data, file: String = "<entrée>") throws(TranscriptReadError) -> Transcript {
    let source = try SourceText(data: data, file: file)
    let (grid, labelPositions) = try parse(source: source)
    return try transcript(from: grid, file: file, labelPositions: labelPositions)
  }

  public static func readTextGrid(url: URL) throws(TranscriptReadError) -> TextGrid {
    try readTextGrid(TranscriptFile.contents(of: url), file: url.path)
  }

  public static func readTextGrid(_ data: Data, file: String = "<entrée>") throws(TranscriptReadError) -> TextGrid {
    try textGrid(source: SourceText(data: data, file: file))
  }

  public static func readTextGrid(text: String, file: String = "<entrée>") throws(TranscriptReadError) -> TextGrid {
    try textGrid(source: SourceText(text: text, file: file))
  }

  // MARK: - Tokens

  private enum Value {
    case number(Double)
    case string(String)
    case flag(Bool)
  }

  private struct Token {
    var value: Value
    var line: Int
    var column: Int
  }

  private struct Cursor {
    let tokens: [Token]
    let source: SourceText
    var index = 0
    var endLine: Int
    var endColumn: Int

    mutating func next(_ expected: LocalizedText) throws(TranscriptReadError) -> Token {
      guard index < tokens.count else {
        throw source.error(
          line: endLine, column: endColumn,
          LocalizedText(
            fr: "fin de fichier inattendue : \(expected.french) attendu(e)",
            en: "unexpected end of file: expected \(expected.english)"))
      }
      defer { index += 1 }
      return tokens[index]
    }

    mutating func number(_ what: LocalizedText) throws(TranscriptReadError) -> Double {
      let token = try next(what)
      guard case .number(let value) = token.value else {
        throw source.error(
          line: token.line, column: token.column,
          LocalizedText(fr: "nombre attendu (\(what.french))", en: "number expected (\(what.english))"))
      }
      return value
    }

    mutating func count(_ what: LocalizedText) throws(TranscriptReadError) -> Int {
      let token = tokens.indices.contains(index) ? tokens[index] : nil
      let value = try number(what)
      guard value >= 0, value == value.rounded(), value <= Double(tokens.count) else {
        throw source.error(
          line: token?.line ?? endLine, column: token?.column ?? endColumn,
          LocalizedText(
            fr:
              "nombre d'éléments invalide (\(what.french)) : entier positif attendu, au plus le nombre de données du fichier",
            en: "invalid count (\(what.english)): expected a non-negative integer no larger than the file's data"))
      }
      return Int(value)
    }

    mutating func string(_ what: LocalizedText) throws(TranscriptReadError) -> (String, Token) {
      let token = try next(what)
      guard case .string(let value) = token.value else {
        throw source.error(
          line: token.line, column: token.column,
          LocalizedText(
            fr: "texte entre guillemets attendu (\(what.french))", en: "quoted text expected (\(what.english))"))
      }
      return (value, token)
    }
  }

  private static func tokens(in source: SourceText) throws(TranscriptReadError) -> (
    tokens: [Token], line: Int, column: Int
  ) {
    let scalars = Array(source.text.unicodeScalars)
    var tokens: [Token] = []
    var index = 0
    var line = 1
    var lineStart = 0
    func isNewline(_ scalar: Unicode.Scalar) -> Bool { scalar == "\n" || scalar == "\r" }
    func advanceLine(at position: Int) {
      // CRLF counts as one line break.
      if scalars[position] == "\r", position + 1 < scalars.count, scalars[position + 1] == "\n" { return }
      line += 1
      lineStart = position + 1
    }
    while index < scalars.count {
      let scalar = scalars[index]
      if isNewline(scalar) {
        advanceLine(at: index)
        index += 1
      } else if scalar.properties.isWhitespace {
        index += 1
      } else if scalar == "!" {
        while index < scalars.count, !isNewline(scalars[index]) { index += 1 }
      } else if scalar == "\"" {
        let startLine = line
        let startColumn = index - lineStart + 1
        var text = String.UnicodeScalarView()
        index += 1
        var closed = false
        while index < scalars.count {
          let next = scalars[index]
          if next == "\"" {
            if index + 1 < scalars.count, scalars[index + 1] == "\"" {
              text.append("\"")
              index += 2
              continue
            }
            index += 1
            closed = true
            break
          }
          if isNewline(next) { advanceLine(at: index) }
          text.append(next)
          index += 1
        }
        guard closed else {
          throw source.error(
            line: startLine, column: startColumn,
            LocalizedText(fr: "guillemet « \" » non fermé", en: "unclosed quote '\"'"))
        }
        tokens.append(Token(value: .string(String(text)), line: startLine, column: startColumn))
      } else {
        let start = index
        while index < scalars.count, !scalars[index].properties.isWhitespace, scalars[index] != "\"",
          scalars[index] != "!"
        {
          index += 1
        }
        var word = String.UnicodeScalarView()
        word.append(contentsOf: scalars[start..<index])
        let text = String(word)
        let column = start - lineStart + 1
        if text == "<exists>" {
          tokens.append(Token(value: .flag(true), line: line, column: column))
        } else if text == "<absent>" {
          tokens.append(Token(value: .flag(false), line: line, column: column))
        } else if let first = text.unicodeScalars.first, "0123456789+-.".unicodeScalars.contains(first),
          let number = Double(text), number.isFinite
        {
          tokens.append(Token(value: .number(number), line: line, column: column))
        }
      }
    }
    return (tokens, line, index - lineStart + 1)
  }

  // MARK: - Structure

  static func textGrid(source: SourceText) throws(TranscriptReadError) -> TextGrid {
    try parse(source: source).grid
  }

  /// Where each interval label starts in the file, by tier and interval, for error messages.
  typealias LabelPositions = [[(line: Int, column: Int)]]

  static func parse(source: SourceText) throws(TranscriptReadError) -> (grid: TextGrid, labels: LabelPositions) {
    var labelPositions: LabelPositions = []
    if source.text.hasPrefix("ooBinaryFile") {
      throw source.error(
        line: 1, column: 1,
        LocalizedText(
          fr: "TextGrid binaire non pris en charge : dans Praat, enregistrez-le « as text file »",
          en: "binary TextGrid not supported: in Praat, save it as a text file"))
    }
    let scanned = try tokens(in: source)
    var cursor = Cursor(tokens: scanned.tokens, source: source, endLine: scanned.line, endColumn: scanned.column)
    let (fileType, fileTypeToken) = try cursor.string(LocalizedText(fr: "\"ooTextFile\"", en: "\"ooTextFile\""))
    guard fileType == "ooTextFile" else {
      throw source.error(
        line: fileTypeToken.line, column: fileTypeToken.column,
        LocalizedText(
          fr: "ce n'est pas un fichier texte Praat (\"ooTextFile\" attendu)",
          en: "not a Praat text file (expected \"ooTextFile\")"))
    }
    let (objectClass, classToken) = try cursor.string(LocalizedText(fr: "\"TextGrid\"", en: "\"TextGrid\""))
    guard objectClass == "TextGrid" else {
      throw source.error(
        line: classToken.line, column: classToken.column,
        LocalizedText(
          fr: "objet Praat « \(objectClass) » : un TextGrid est attendu",
          en: "Praat object '\(objectClass)': a TextGrid is expected"))
    }
    let xmin = try cursor.number(LocalizedText(fr: "xmin", en: "xmin"))
    let xmax = try cursor.number(LocalizedText(fr: "xmax", en: "xmax"))
    let flag = try cursor.next(LocalizedText(fr: "<exists>", en: "<exists>"))
    guard case .flag(let hasTiers) = flag.value else {
      throw source.error(
        line: flag.line, column: flag.column,
        LocalizedText(fr: "<exists> ou <absent> attendu", en: "<exists> or <absent> expected"))
    }
    var tiers: [TextGridTier] = []
    if hasTiers {
      let size = try cursor.count(LocalizedText(fr: "nombre de tiers", en: "number of tiers"))
      for _ in 0..<size {
        let (kind, kindToken) = try cursor.string(LocalizedText(fr: "classe de tier", en: "tier class"))
        let (name, _) = try cursor.string(LocalizedText(fr: "nom de tier", en: "tier name"))
        let tierMin = try cursor.number(LocalizedText(fr: "xmin du tier", en: "tier xmin"))
        let tierMax = try cursor.number(LocalizedText(fr: "xmax du tier", en: "tier xmax"))
        switch kind {
        case "IntervalTier":
          let count = try cursor.count(LocalizedText(fr: "nombre d'intervalles", en: "number of intervals"))
          var intervals: [TextGridInterval] = []
          var positions: [(line: Int, column: Int)] = []
          for index in 0..<count {
            let startToken = cursor.tokens.indices.contains(cursor.index) ? cursor.tokens[cursor.index] : nil
            let start = try cursor.number(LocalizedText(fr: "début d'intervalle", en: "interval start"))
            let end = try cursor.number(LocalizedText(fr: "fin d'intervalle", en: "interval end"))
            try checkOrder(
              of: index + 1, in: name, start: start, end: end, previousEnd: intervals.last?.xmax,
              at: startToken, source: source)
            let (text, token) = try cursor.string(LocalizedText(fr: "texte d'intervalle", en: "interval text"))
            intervals.append(TextGridInterval(xmin: start, xmax: end, text: text))
            positions.append((token.line, token.column))
          }
          labelPositions.append(positions)
          tiers.append(TextGridTier(name: name, xmin: tierMin, xmax: tierMax, content: .intervals(intervals)))
        case "TextTier":
          let count = try cursor.count(LocalizedText(fr: "nombre de points", en: "number of points"))
          labelPositions.append([])
          var points: [TextGridPoint] = []
          for _ in 0..<count {
            let time = try cursor.number(LocalizedText(fr: "temps du point", en: "point time"))
            let (mark, _) = try cursor.string(LocalizedText(fr: "texte du point", en: "point mark"))
            points.append(TextGridPoint(time: time, mark: mark))
          }
          tiers.append(TextGridTier(name: name, xmin: tierMin, xmax: tierMax, content: .points(points)))
        default:
          throw source.error(
            line: kindToken.line, column: kindToken.column,
            LocalizedText(
              fr: "classe de tier « \(kind) » inconnue : IntervalTier ou TextTier attendu",
              en: "unknown tier class '\(kind)': expected IntervalTier or TextTier"))
        }
      }
    }
    return (TextGrid(xmin: xmin, xmax: xmax, tiers: tiers), labelPositions)
  }

  /// Praat's intervals tile their tier in time order; an inverted or overlapping one is a broken
  /// file whose times would be measured as nonsense.
  private static func checkOrder(
    of number: Int, in tier: String, start: Double, end: Double, previousEnd: Double?, at token: Token?,
    source: SourceText
  ) throws(TranscriptReadError) {
    let (line, column) = (token?.line ?? 1, token?.column ?? 1)
    if end < start {
      throw source.error(
        line: line, column: column,
        LocalizedText(
          fr:
            "tier « \(tier) », intervalle \(number) : fin \(end) s avant le début \(start) s ; corrigez-le dans Praat",
          en: "tier '\(tier)', interval \(number): end \(end) s before start \(start) s; fix it in Praat"))
    }
    // A millionth of a second absorbs the rounding of times printed as decimals.
    if let previousEnd, start < previousEnd - 1e-6 {
      throw source.error(
        line: line, column: column,
        LocalizedText(
          fr:
            "tier « \(tier) », intervalle \(number) : commence à \(start) s, avant la fin du précédent (\(previousEnd) s) ; les intervalles ne se chevauchent pas",
          en:
            "tier '\(tier)', interval \(number): starts at \(start) s, before the previous one ends (\(previousEnd) s); intervals must not overlap"
        ))
    }
  }

  // MARK: - Transcript

  /// Tiers that hold speech activity rather than words: never read as speakers.
  static let activityTierNames: Set<String> = ["speech", "pauses", "silences", "events", "sounding"]

  /// One utterance per labelled interval of each speaker tier (any interval tier not named
  /// `*-words` or an activity tier); words from `<speaker>-words` attach to the utterance that
  /// contains them. Labels are normalised as plain text (idempotent on CHAT notation).
  public static func transcript(from grid: TextGrid, file: String = "<entrée>") throws(TranscriptReadError)
    -> Transcript
  {
    try transcript(from: grid, file: file, labelPositions: [])
  }

  static func transcript(from grid: TextGrid, file: String, labelPositions: LabelPositions) throws(TranscriptReadError)
    -> Transcript
  {
    let normalizer = PlainTextNormalizer()
    var utterances: [Utterance] = []
    func isSpeakerTier(_ tier: TextGridTier) -> Bool {
      guard case .intervals = tier.content else { return false }
      return !tier.name.hasSuffix("-words") && !activityTierNames.contains(tier.name.lowercased())
    }
    for (tierIndex, tier) in grid.tiers.enumerated() where isSpeakerTier(tier) {
      let words = (grid.tier(named: tier.name + "-words")?.intervals ?? []).filter { !$0.text.isEmpty }
      for (intervalIndex, interval) in tier.intervals.enumerated() where !interval.text.allSatisfy(\.isWhitespace) {
        let sentences: [String]
        do {
          sentences = try normalizer.utterances(in: interval.text)
        } catch {
          let position =
            labelPositions.indices.contains(tierIndex) && labelPositions[tierIndex].indices.contains(intervalIndex)
            ? labelPositions[tierIndex][intervalIndex] : (line: 1, column: 1)
          throw TranscriptReadError(
            file: file, line: position.line, column: position.column,
            reason: LocalizedText(
              fr:
                "tier « \(tier.name) », intervalle à \(TextGridWriter.number(interval.xmin)) s : \(error.reason.french)",
              en: "tier '\(tier.name)', interval at \(TextGridWriter.number(interval.xmin)) s: \(error.reason.english)")
          )
        }
        let inside = words.filter { $0.xmin >= interval.xmin && $0.xmax <= interval.xmax }
          .compactMap { TimedWord(text: $0.text, start: $0.xmin, end: $0.xmax).inCHAT }
        // The label's line, when read from a file: where a time that does not fit the recording is reported.
        let line =
          labelPositions.indices.contains(tierIndex) && labelPositions[tierIndex].indices.contains(intervalIndex)
          ? labelPositions[tierIndex][intervalIndex].line : nil
        for (index, text) in sentences.enumerated() {
          utterances.append(
            Utterance(
              speaker: tier.name, text: text, start: interval.xmin, end: interval.xmax,
              words: index == 0 ? inside : [], line: line))
        }
      }
    }
    utterances.sort { ($0.start ?? 0) < ($1.start ?? 0) }
    return Transcript(format: .textGrid, utterances: utterances)
  }
}
