import SessionModel

/// Turns text as a therapist types it (or as ASR prints it) into CHAT main-tier notation, so the
/// same rule set counts every source.
///
/// - punctuation becomes CHAT separators and terminators (`…` → `+...`), one utterance per sentence;
/// - spoken hesitations (`euh`, `heu`, `hum`, `mm`…) become `&-` fillers; lexical markers (`ben`,
///   `bah`) stay words;
/// - an immediately repeated word or group ("le le café", "le café le café") is marked as a
///   repetition (`le [/] le`, `<le café> [/] le café`), fillers allowed in between;
/// - a word typed with a final hyphen (`caf-`) is a fragment (`&+caf`);
/// - CHAT codes already present (`&-euh`, `[/]`, `<…>`, `xxx`) pass through unchanged, so the
///   normalisation is idempotent.
public struct PlainTextNormalizer: Sendable {
  public var rules: WordCountRules

  public init(rules: WordCountRules = .chatFrench1) {
    self.rules = rules
  }

  /// Why a text could not be normalised: an unclosed `[`, with its 0-based character offset.
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
      if CHATTokenizer.terminators.contains(item) {
        if current.count > 1 { utterances.append(markRepetitions(current).joined(separator: " ")) }
        current = []
      }
    }
    if current.contains(where: { !isPunctuation($0) }) {
      utterances.append(markRepetitions(current + ["."]).joined(separator: " "))
    }
    return utterances
  }

  /// Normalises one spoken word (from ASR) to its CHAT form: `euh` → `&-euh`, `caf-` → `&+caf`.
  public func chatForm(ofSpokenWord word: String, before next: String?) -> String {
    let lower = word.lowercased()
    if isSpokenFiller(lower, before: next?.lowercased()) { return "&-" + lower }
    if word.count > 1, word.hasSuffix("-"), let first = word.first, first.isLetter {
      return "&+" + word.dropLast()
    }
    return word
  }

  // MARK: - Items

  private func items(in text: String) throws(Failure) -> [String] {
    var raw: [String] = []
    let characters = Array(text)
    var index = 0
    var word = ""
    func flush() {
      if !word.isEmpty { raw.append(word) }
      word = ""
    }
    while index < characters.count {
      let character = characters[index]
      if character == "[" {
        flush()
        guard let close = characters[index...].firstIndex(of: "]") else {
          throw Failure(offset: index, reason: LocalizedText(fr: "crochet « [ » non fermé", en: "unclosed bracket '['"))
        }
        raw.append(String(characters[index...close]))
        index = close + 1
        continue
      }
      if character.isWhitespace || "«»\u{201C}\u{201D}\"".contains(character) {
        flush()
      } else if character == "\u{2019}" || character == "\u{02BC}" || character == "\u{2018}" {
        word.append("'")
      } else {
        word.append(character)
      }
      index += 1
    }
    flush()

    var items: [String] = []
    for (position, token) in raw.enumerated() {
      if token.hasPrefix("[") || CHATTokenizer.terminators.contains(token) {
        items.append(token)
        continue
      }
      var body = Substring(token)
      var trailing: [String] = []
      while let last = body.last, ",;:.?!…".contains(last), !(body.hasPrefix("(") && body.hasSuffix(")")) {
        if body.hasPrefix("+") { break }
        body.removeLast()
        trailing.insert(String(last), at: 0)
      }
      if !body.isEmpty, !["-", "–", "—"].contains(body) {
        // "j' ai" typed with a space is one elided token.
        if let previous = items.last, previous.hasSuffix("'"), previous.count > 1, items.count > 0 {
          items[items.count - 1] = previous + body
        } else {
          let next = raw.dropFirst(position + 1).first
          items.append(chatForm(ofSpokenWord: String(body), before: next))
        }
      }
      if !trailing.isEmpty { items += punctuation(trailing.joined()) }
    }
    return items
  }

  private func punctuation(_ marks: String) -> [String] {
    if marks.contains("…") || marks.contains("..") { return ["+..."] }
    if marks.contains("?") { return ["?"] }
    if marks.contains("!") { return ["!"] }
    if marks.contains(".") { return ["."] }
    return [","]
  }

  private func isPunctuation(_ item: String) -> Bool {
    item == "," || CHATTokenizer.terminators.contains(item)
  }

  private func isSpokenFiller(_ lower: String, before next: String?) -> Bool {
    if lower == "eh" { return !["bien", "ben", "oui", "non"].contains(next ?? "") }
    if rules.spokenFillers.contains(lower) { return true }
    // "eu" is the participle of avoir ("j'ai eu"), never a hesitation.
    if lower == "eu" { return false }
    // Lengthened spellings: "euuuh", "heuu", "hmmm", "mmmh".
    let scalars = Array(lower)
    guard scalars.count >= 2, scalars.allSatisfy({ "ehum".contains($0) }) else { return false }
    let collapsed = scalars.reduce(into: "") { result, next in if result.last != next { result.append(next) } }
    return ["eu", "euh", "heu", "heuh", "hm", "m", "mh", "hum", "um"].contains(collapsed)
  }

  // MARK: - Repetitions

  private func isLexical(_ item: String) -> Bool {
    guard let first = item.first else { return false }
    return !"&[<+0".contains(first) && !isPunctuation(item) && !item.hasSuffix(">")
  }

  /// Positions of `count` lexical words from `start`, with only fillers between them.
  private func lexicalRun(_ items: [String], from start: Int, count: Int) -> [Int]? {
    var positions: [Int] = []
    var index = start
    while positions.count < count, index < items.count {
      let item = items[index]
      if isLexical(item) {
        if index + 1 < items.count, items[index + 1].hasPrefix("[") { return nil }
        positions.append(index)
      } else if !item.hasPrefix("&-") {
        return nil
      }
      index += 1
    }
    return positions.count == count ? positions : nil
  }

  private func markRepetitions(_ items: [String]) -> [String] {
    var output: [String] = []
    var index = 0
    while index < items.count {
      guard isLexical(items[index]) else {
        output.append(items[index])
        index += 1
        continue
      }
      var marked = false
      for length in [3, 2, 1] {
        guard let first = lexicalRun(items, from: index, count: length),
          let second = lexicalRun(items, from: first[length - 1] + 1, count: length),
          zip(first, second).allSatisfy({ items[$0].lowercased() == items[$1].lowercased() })
        else { continue }
        if length == 1, rules.grammaticalDoubles.contains(items[index].lowercased()) { continue }
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
