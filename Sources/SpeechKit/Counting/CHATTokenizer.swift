import SessionModel

/// Splits CHAT main-tier text into tokens, refusing unbalanced brackets and malformed bullets.
public enum CHATTokenizer {
  /// Why a tier could not be tokenised, with the 0-based offset of the problem in Unicode scalars.
  public struct Failure: Error, Hashable, Sendable {
    public var offset: Int
    public var reason: LocalizedText
  }

  static let terminators: Set<String> = [
    ".", "?", "!", "+...", "+..?", "+/.", "+//.", "+/?", "+//?", "+!?", "+\"/.", "+\".", "+.", "+/??", "+...?",
  ]

  /// Tokens with their offsets counted in Unicode scalars (equal to characters for precomposed
  /// text; `CHATReader` converts them to character columns for messages).
  public static func tokens(in text: String) throws(Failure) -> [PositionedCHATToken] {
    let characters = Array(text.unicodeScalars)
    var result: [PositionedCHATToken] = []
    var openScopes: [Int] = []
    var index = 0
    func add(_ token: CHATToken, _ offset: Int) { result.append(PositionedCHATToken(token: token, offset: offset)) }

    while index < characters.count {
      let character = characters[index]
      if isWhitespace(character) || character == "\u{201C}" || character == "\u{201D}" {
        index += 1
        continue
      }
      switch character {
      case "\u{15}":
        guard let close = characters[(index + 1)...].firstIndex(of: "\u{15}") else {
          throw Failure(
            offset: index,
            reason: LocalizedText(
              fr: "repère média (U+0015) non fermé ; écrivez ·début_fin· en millisecondes",
              en: "unclosed media bullet (U+0015); write ·start_end· in milliseconds"))
        }
        guard let bullet = parseBullet(string(characters[(index + 1)..<close])) else {
          throw Failure(
            offset: index,
            reason: LocalizedText(
              fr: "repère média invalide ; attendu ·début_fin· en millisecondes, début ≤ fin",
              en: "invalid media bullet; expected ·start_end· in milliseconds, start ≤ end"))
        }
        add(.bullet(start: bullet.0, end: bullet.1), index)
        index = close + 1
      case "[":
        guard let close = characters[(index + 1)...].firstIndex(of: "]") else {
          throw Failure(
            offset: index,
            reason: LocalizedText(fr: "crochet « [ » non fermé", en: "unclosed bracket '['"))
        }
        if characters[(index + 1)..<close].contains("[") {
          throw Failure(
            offset: index,
            reason: LocalizedText(fr: "crochet « [ » non fermé", en: "unclosed bracket '['"))
        }
        let content = string(characters[(index + 1)..<close]).trimmingWhitespace()
        add(.annotation(content), index)
        index = close + 1
      case "]":
        throw Failure(
          offset: index, reason: LocalizedText(fr: "crochet « ] » sans « [ »", en: "']' without '['"))
      case "<":
        openScopes.append(index)
        add(.scopeStart, index)
        index += 1
      case ">":
        guard openScopes.popLast() != nil else {
          throw Failure(
            offset: index, reason: LocalizedText(fr: "chevron « > » sans « < »", en: "'>' without '<'"))
        }
        add(.scopeEnd, index)
        index += 1
      case ",", ";", "„", "‡":
        add(.separator, index)
        index += 1
      default:
        let start = index
        while index < characters.count {
          let next = characters[index]
          if isWhitespace(next) || next == "[" || next == "]" || next == "<" || next == ">" || next == "\u{15}" {
            break
          }
          index += 1
        }
        var raw = string(characters[start..<index])
        var trailing: [(CHATToken, Int)] = []
        // A comma or terminator glued to the word ("café," or "café.") is split off, as CLAN does.
        while raw.count > 1, let last = raw.last, last == "," || last == ";" {
          trailing.insert((.separator, start + raw.unicodeScalars.count - 1), at: 0)
          raw.removeLast()
        }
        if let token = classify(raw) {
          add(token, start)
        } else if let split = splitGluedTerminator(raw) {
          add(.word(split.word), start)
          add(.terminator(split.terminator), start + split.word.unicodeScalars.count)
        } else {
          add(.word(raw), start)
        }
        for (token, offset) in trailing { add(token, offset) }
      }
    }
    if let open = openScopes.first {
      throw Failure(
        offset: open, reason: LocalizedText(fr: "chevron « < » non fermé", en: "unclosed '<'"))
    }
    return result
  }

  private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII
      ? scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" : scalar.properties.isWhitespace
  }

  private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return String(view)
  }

  /// Tokens that are not words: terminators, linkers and pauses.
  private static func classify(_ raw: String) -> CHATToken? {
    // Terminators, linkers and pauses start with . ? ! + … or (: words are rejected before hashing.
    switch raw.unicodeScalars.first {
    case ".", "?", "!", "+", "…", "(": break
    default: return nil
    }
    if terminators.contains(raw) { return .terminator(raw) }
    if raw.hasPrefix("+"), raw.count > 1 {
      if raw.allSatisfy({ "+./?!\"".contains($0) }), let last = raw.last, ".?!".contains(last) {
        return .terminator(raw)
      }
      return .linker(raw)
    }
    if raw == "…" { return .terminator("+...") }
    if raw.first == "(", raw.last == ")", raw.count >= 3 {
      let inner = raw.dropFirst().dropLast()
      if inner.allSatisfy({ $0 == "." || $0 == ":" || $0.isASCII && $0.isNumber }) { return .pause }
    }
    return nil
  }

  private static func splitGluedTerminator(_ raw: String) -> (word: String, terminator: String)? {
    guard let lastByte = raw.utf8.last,
      lastByte == UInt8(ascii: ".") || lastByte == UInt8(ascii: "?") || lastByte == UInt8(ascii: "!"),
      raw.utf8.count > 1, let last = raw.last
    else { return nil }
    let word = String(raw.dropLast())
    // "p(e)tit." splits, but a lone pause "(.)" or a dotted token like "etc." stays whole when the
    // rest is not word-like.
    guard let first = word.first, first.isLetter || first == "&" || first == "0" || first == "(" else {
      return nil
    }
    guard !word.hasSuffix(".") else { return nil }
    return (word, String(last))
  }

  private static func parseBullet(_ content: String) -> (Int, Int)? {
    let parts = content.split(separator: "_", omittingEmptySubsequences: false)
    guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      let start = Int(parts[0]), let end = Int(parts[1]), start <= end
    else { return nil }
    return (start, end)
  }
}

extension String {
  func trimmingWhitespace() -> String {
    var slice = Substring(self)
    while let first = slice.first, first.isWhitespace { slice.removeFirst() }
    while let last = slice.last, last.isWhitespace { slice.removeLast() }
    return String(slice)
  }
}
