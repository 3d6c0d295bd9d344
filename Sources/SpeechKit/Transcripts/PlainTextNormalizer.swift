import SessionModel

/// Turns text as a therapist types it (or as ASR prints it) into CHAT main-tier notation, so the
/// same rule set counts every source.
///
/// - punctuation becomes CHAT separators and terminators (`…` → `+...`), one utterance per sentence;
/// - spoken hesitations (`euh`, `heu`, `hum`, `mm`…) become `&-` fillers; lexical markers (`ben`,
///   `bah`) stay words;
/// - under `wc-fr-chat-1.0`, an immediately repeated word or group ("le le café", "le café le
///   café") is marked as a repetition (`le [/] le`, `<le café> [/] le café`), fillers allowed in
///   between; under `wc-fr-plain-1.0` nothing is marked and `( )`/`[ ]` notes are dropped;
/// - a word typed with a final hyphen (`caf-`) is a fragment (`&+caf`);
/// - characters CHAT reserves or CLAN refuses in a word are dropped, or read as said (`&` → `et`,
///   ``CHATWordForm``);
/// - CHAT codes already present (`&-euh`, `[/]`, `<…>`, `xxx`) pass through unchanged, so the
///   normalisation is idempotent.
public struct PlainTextNormalizer: Sendable {
  public var rules: WordCountRules

  public init(rules: WordCountRules = .chatFrench1) {
    self.rules = rules
  }

  /// Why a text could not be normalised: an unclosed `[`, with its 0-based offset in Unicode scalars.
  public struct Failure: Error, Hashable, Sendable {
    public var offset: Int
    public var reason: LocalizedText
  }

  /// The utterances of `text` in CHAT notation, each ending with a terminator.
  public func utterances(in text: String) throws(Failure) -> [String] {
    var utterances: [String] = []
    var current: [String] = []
    for item in try items(in: text) {
      current.append(item)
      if item != ",", isPunctuation(item) {
        if current.count > 1 { utterances.append(marked(current).joined(separator: " ")) }
        current = []
      }
    }
    if current.contains(where: { !isPunctuation($0) }) {
      utterances.append(marked(current + ["."]).joined(separator: " "))
    }
    return utterances
  }

  /// Normalises one spoken word (from ASR) to its CHAT form: `euh` → `&-euh`, `caf-` → `&+caf`.
  public func chatForm(ofSpokenWord word: String, before next: String?) -> String {
    let lower = word.lowercased()
    if isSpokenFiller(lower, before: next) { return "&-" + lower }
    if word.count > 1, word.hasSuffix("-"), let first = word.first, first.isLetter {
      return "&+" + word.dropLast()
    }
    return word
  }

  // MARK: - Items

  private func items(in text: String) throws(Failure) -> [String] {
    var raw: [String] = []
    let characters = Array(text.unicodeScalars)
    var index = 0
    var word = String.UnicodeScalarView()
    func flush() {
      if !word.isEmpty { raw.append(String(word)) }
      word = String.UnicodeScalarView()
    }
    while index < characters.count {
      let character = characters[index]
      // A note typed in brackets, or in parentheses opening a word ("(rires)", "(montre l'image)");
      // parentheses inside a word stay (`p(e)tit`).
      if rules.bracketsAreNotes, character == "[" || (character == "(" && word.isEmpty),
        let close = characters[index...].firstIndex(of: character == "[" ? "]" : ")")
      {
        flush()
        index = close + 1
        continue
      }
      if character == "[" {
        flush()
        guard let close = characters[index...].firstIndex(of: "]") else {
          throw Failure(offset: index, reason: LocalizedText(fr: "crochet « [ » non fermé", en: "unclosed bracket '['"))
        }
        var bracket = String.UnicodeScalarView()
        bracket.append(contentsOf: characters[index...close])
        raw.append(String(bracket))
        index = close + 1
        continue
      }
      switch character {
      case "«", "»", "\u{201C}", "\u{201D}", "\"": flush()
      case "\u{2019}", "\u{02BC}", "\u{2018}": word.append("'")
      case _ where character.properties.isWhitespace: flush()
      default: word.append(character)
      }
      index += 1
    }
    flush()

    var items: [String] = []
    for (position, token) in raw.enumerated() {
      if token.hasPrefix("[") || isPunctuation(token) && token != "," {
        items.append(token)
        continue
      }
      var body = Substring(token)
      var trailing: [String] = []
      while let last = body.last, Self.trailingPunctuation.contains(last), !(body.hasPrefix("(") && body.hasSuffix(")"))
      {
        if body.hasPrefix("+") { break }
        body.removeLast()
        trailing.insert(String(last), at: 0)
      }
      for word in CHATWordForm.words(for: body) {
        // "j' ai" typed with a space is one elided token.
        if let previous = items.last, previous.hasSuffix("'"), previous.count > 1 {
          items[items.count - 1] = previous + word
        } else {
          let next = raw.dropFirst(position + 1).first
          items.append(chatForm(ofSpokenWord: word, before: next))
        }
      }
      if !trailing.isEmpty { items += punctuation(trailing.joined()) }
    }
    return items
  }

  private static let trailingPunctuation: Set<Character> = [",", ";", ":", ".", "?", "!", "…"]
  private static let nonLexicalStarts: Set<Character> = ["&", "[", "<", "+", "0"]

  private func punctuation(_ marks: String) -> [String] {
    let dots = marks.filter { $0 == "." }.count
    if dots > 1 || marks.contains(where: { $0 == "…" }) { return ["+..."] }
    if marks.contains(where: { $0 == "?" }) { return ["?"] }
    if marks.contains(where: { $0 == "!" }) { return ["!"] }
    if dots == 1 { return ["."] }
    return [","]
  }

  private func isPunctuation(_ item: String) -> Bool {
    guard let first = item.utf8.first else { return false }
    // Every separator and terminator starts with one of , . ? ! + — checked before hashing.
    switch first {
    case UInt8(ascii: ","): return item == ","
    case UInt8(ascii: "."), UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: "+"):
      return CHATTokenizer.terminators.contains(item)
    default: return false
    }
  }

  private func isSpokenFiller(_ lower: String, before next: String?) -> Bool {
    // Every filler spelling starts with e, h, m or u: most words are rejected before any hashing.
    switch lower.utf8.first {
    case UInt8(ascii: "e"), UInt8(ascii: "h"), UInt8(ascii: "m"), UInt8(ascii: "u"): break
    default: return false
    }
    if lower == "eh", rules.spokenFillers.contains("eh") {
      return !["bien", "ben", "oui", "non"].contains(next?.lowercased() ?? "")
    }
    if rules.spokenFillers.contains(lower) { return true }
    // "eu" is the participle of avoir ("j'ai eu"), never a hesitation.
    if lower == "eu" { return false }
    // Lengthened spellings: "euuuh", "heuu", "hmmm", "mmmh".
    let scalars = Array(lower)
    guard scalars.count >= 2, scalars.allSatisfy({ $0 == "e" || $0 == "h" || $0 == "u" || $0 == "m" }) else {
      return false
    }
    let collapsed = scalars.reduce(into: "") { result, next in if result.last != next { result.append(next) } }
    return ["eu", "euh", "heu", "heuh", "hm", "m", "mh", "hum", "um"].contains(collapsed)
  }

  // MARK: - Repetitions

  private func isLexical(_ item: String) -> Bool {
    guard let first = item.first else { return false }
    return !Self.nonLexicalStarts.contains(first) && !isPunctuation(item) && !item.hasSuffix(">")
  }

  /// What repetition marking needs to know of each item, computed once per utterance.
  private struct ItemFacts {
    var folded: [String]
    var lexical: [Bool]
    var filler: [Bool]
    var annotated: [Bool]
  }

  /// Positions of `count` lexical words from `start`, with only fillers between them.
  private func lexicalRun(_ facts: ItemFacts, from start: Int, count: Int) -> [Int]? {
    var positions: [Int] = []
    var index = start
    while positions.count < count, index < facts.lexical.count {
      if facts.lexical[index] {
        if facts.annotated[index] { return nil }
        positions.append(index)
      } else if !facts.filler[index] {
        return nil
      }
      index += 1
    }
    return positions.count == count ? positions : nil
  }

  private func marked(_ items: [String]) -> [String] {
    rules.marksTypedRepetitions ? markRepetitions(items) : items
  }

  private func markRepetitions(_ items: [String]) -> [String] {
    let facts = ItemFacts(
      folded: items.map { $0.lowercased() }, lexical: items.map(isLexical), filler: items.map { $0.hasPrefix("&-") },
      annotated: items.indices.map { $0 + 1 < items.count && items[$0 + 1].hasPrefix("[") })
    var output: [String] = []
    var index = 0
    while index < items.count {
      guard facts.lexical[index] else {
        output.append(items[index])
        index += 1
        continue
      }
      var marked = false
      for length in [3, 2, 1] {
        guard let first = lexicalRun(facts, from: index, count: length),
          let second = lexicalRun(facts, from: first[length - 1] + 1, count: length),
          zip(first, second).allSatisfy({ facts.folded[$0] == facts.folded[$1] })
        else { continue }
        if length == 1, rules.grammaticalDoubles.contains(facts.folded[index]) { continue }
        let scope = Array(items[index...first[length - 1]])
        if length == 1 {
          output += scope + ["[/]"]
        } else {
          output += ["<" + scope.joined(separator: " ") + ">", "[/]"]
        }
        index = first[length - 1] + 1
        marked = true
        break
      }
      if !marked {
        output.append(items[index])
        index += 1
      }
    }
    return output
  }
}
