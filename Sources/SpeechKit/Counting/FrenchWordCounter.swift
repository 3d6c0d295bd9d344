/// Counts words, fillers, markers, disfluencies, utterances and MLU of one speaker under a
/// CHAT-compatible French rule set (`wc-fr-chat-1.0` by default).
public struct FrenchWordCounter: Sendable {
  public var rules: WordCountRules

  public init(rules: WordCountRules = .chatFrench1) {
    self.rules = rules
  }

  /// Counts of one speaker's main tier in `transcript`; other speakers are never pooled in.
  public func count(_ transcript: Transcript, speaker: String) -> WordCounts {
    totals(of: transcript.utterances(of: speaker).map { count(utterance: $0.text) }, speaker: speaker)
  }

  /// Adds up counted utterances (`[+ exc]` ones are left out) into the export figures.
  public func totals(of utterances: [CountedUtterance], speaker: String) -> WordCounts {
    var counts = WordCounts(ruleset: rules.identifier, speaker: speaker)
    var types = Set<String>()
    var mluWordTotal = 0
    for utterance in utterances {
      if utterance.isExcluded {
        counts.excludedUtterances += 1
        continue
      }
      counts.utterances += 1
      // Under the CHAT rule set a number counts as the words CHAT writes it with (`1958` = `mille neuf cent cinquante-huit`
      // = 4), so a typed or ASR answer and its CHAT export count the same.
      let words =
        rules.countsDigitsAsWords ? FrenchNumberSpeller.spellingOutDigits(inWords: utterance.words) : utterance.words
      counts.words += words.count
      let numberWords = words.count - utterance.words.count
      counts.wordsSplit += utterance.wordsSplit + numberWords
      counts.wordsAsSpoken += utterance.wordsAsSpoken + numberWords
      counts.filledPauses += utterance.filledPauses
      counts.fragments += utterance.fragments
      counts.nonwords += utterance.nonwords
      counts.events += utterance.events
      counts.unintelligibleTokens += utterance.unintelligibleTokens
      counts.untranscribedTokens += utterance.untranscribedTokens
      counts.omittedWords += utterance.omittedWords
      counts.repetitions += utterance.repetitions
      counts.retracings += utterance.retracings
      counts.retracedWords += utterance.retracedWords
      counts.wordErrors += utterance.wordErrors
      counts.paraphasicWords += utterance.paraphasicWords
      counts.discourseMarkers += discourseMarkerCount(in: words)
      for word in words { types.insert(word.lowercased()) }
      if utterance.countsForMLU {
        counts.utterancesMLU += 1
        mluWordTotal += words.count
      }
    }
    let errorBase = utterances.filter { !$0.isExcluded }.reduce(0) { $0 + $1.wordErrorBase }
    counts.types = types.count
    counts.ttr = counts.words > 0 ? Double(counts.types) / Double(counts.words) : nil
    counts.mluWords = counts.utterancesMLU > 0 ? Double(mluWordTotal) / Double(counts.utterancesMLU) : nil
    counts.filledPausesPer100Words =
      counts.words > 0 ? Double(counts.filledPauses) * 100 / Double(counts.words) : nil
    counts.pctWordErrors = errorBase > 0 ? Double(counts.wordErrors) * 100 / Double(errorBase) : nil
    return counts
  }

  /// Applies the rule set to one main-tier text (CHAT notation, bullets allowed).
  public func count(utterance text: String) -> CountedUtterance {
    let tokens: [PositionedCHATToken]
    do {
      tokens = try CHATTokenizer.tokens(in: text)
    } catch {
      // Readers validate tiers; text built in code gets a lenient reading rather than nothing.
      let lenient = String(text.map { "[]<>\u{15}".contains($0) ? " " : $0 })
      tokens = (try? CHATTokenizer.tokens(in: lenient)) ?? []
    }
    return count(tokens: tokens.map(\.token))
  }

  /// Discourse markers among counted words: single words and two-word markers.
  public func discourseMarkerCount(in words: [String]) -> Int {
    let folded = words.map { $0.lowercased() }
    var total = folded.filter { rules.discourseMarkers.contains($0) }.count
    for marker in rules.multiwordDiscourseMarkers where marker.count <= folded.count && !marker.isEmpty {
      for start in 0...(folded.count - marker.count) where Array(folded[start..<start + marker.count]) == marker {
        total += 1
      }
    }
    return total
  }

  /// How many words a counted word makes once elided clitics are split (`j'ai` → 2, `qu'l'on` → 3,
  /// `aujourd'hui` → 1).
  public func splitWordCount(_ word: String) -> Int {
    splitElisions(word).count
  }

  /// The parts of a counted word with elided clitics split off: `j'ai` → `j'`, `ai`;
  /// `d'aujourd'hui` → `d'`, `aujourd'hui`. Lexicalised apostrophe words stay whole.
  public func splitElisions(_ word: String) -> [String] {
    let apostrophe = UInt8(ascii: "'")
    guard word.utf8.contains(apostrophe) else { return [word] }
    var rest = Substring(word)
    var parts: [String] = []
    while rest.utf8.contains(apostrophe) {
      let folded = rest.lowercased()
      if isLexicalised(Substring(folded)) { break }
      guard let clitic = rules.elidableClitics.first(where: { folded.hasPrefix($0) }), folded.count > clitic.count
      else { break }
      parts.append(String(rest.prefix(clitic.count)))
      rest = rest.dropFirst(clitic.count)
    }
    if !rest.isEmpty { parts.append(String(rest)) }
    return parts
  }

  private func isLexicalised(_ word: Substring) -> Bool {
    rules.lexicalisedApostropheWords.contains { entry in
      entry.hasSuffix("'") ? word.hasPrefix(entry) : word == entry
    }
  }

  // MARK: - Token walk

  private enum Kind {
    case countable, filler, fragment, nonword, event, interposed, omitted, unintelligible, untranscribed, other
  }

  private struct Entry {
    var raw: String
    var kind: Kind
    var retraced = false
    var replacement: [String]?
    var flaggedParaphasic = false
    var followsBoundary = false
  }

  private static let retraceMarkers: Set<String> = ["/", "//", "///", "/-", "/?"]

  func count(tokens: [CHATToken]) -> CountedUtterance {
    var result = CountedUtterance()
    var entries: [Entry] = []
    var scopeStarts: [Int] = []
    var lastScope: Range<Int>?
    var lastWasScopeEnd = false
    var pendingBoundary = true

    for token in tokens {
      switch token {
      case .word(let raw):
        entries.append(Entry(raw: raw, kind: Self.kind(of: raw), followsBoundary: pendingBoundary))
        pendingBoundary = false
        lastWasScopeEnd = false
      case .scopeStart:
        scopeStarts.append(entries.count)
      case .scopeEnd:
        let start = scopeStarts.popLast() ?? entries.count
        lastScope = start..<entries.count
        lastWasScopeEnd = true
      case .annotation(let content):
        if Self.retraceMarkers.contains(content) {
          let scope = lastWasScopeEnd ? lastScope : (entries.isEmpty ? nil : (entries.count - 1)..<entries.count)
          for index in scope ?? 0..<0 { entries[index].retraced = true }
          if content == "/" { result.repetitions += 1 }
          if content == "//" || content == "///" || content == "/-" { result.retracings += 1 }
          lastWasScopeEnd = false
        } else if content.hasPrefix(":"), !content.hasPrefix("::"), !entries.isEmpty {
          let target = content.dropFirst().split(whereSeparator: \.isWhitespace).map(String.init)
          entries[entries.count - 1].replacement = target
        } else if content.hasPrefix("*") {
          result.wordErrors += 1
          let code = content.dropFirst().trimmingPrefixWhitespace()
          if (code.hasPrefix("p") || code.hasPrefix("n")), !entries.isEmpty {
            entries[entries.count - 1].flaggedParaphasic = true
          }
        } else if content.hasPrefix("+") {
          result.postcodes.append(String(content.dropFirst().trimmingPrefixWhitespace()))
        }
      case .pause, .separator:
        pendingBoundary = true
      case .terminator:
        result.isTerminated = true
        pendingBoundary = true
      case .bullet, .linker:
        break
      }
    }

    for entry in entries {
      switch entry.kind {
      case .countable, .unintelligible, .untranscribed: result.wordErrorBase += 1
      default: break
      }
      switch entry.kind {
      case .countable:
        if entry.retraced {
          result.retracedWords += 1
          continue
        }
        let (spoken, paraphasicMarker) = Self.normalized(entry.raw)
        let counted = entry.replacement.map { $0.map { Self.normalized($0).word } } ?? [spoken]
        if entry.followsBoundary { result.clauseStarts.insert(result.words.count) }
        for word in counted where !word.isEmpty {
          result.words.append(word)
          result.wordsSplit += splitWordCount(word)
        }
        result.wordsAsSpoken += 1
        if paraphasicMarker || entry.flaggedParaphasic { result.paraphasicWords += 1 }
      case .filler: result.filledPauses += 1
      case .fragment: result.fragments += 1
      case .nonword: result.nonwords += 1
      case .event: result.events += 1
      case .interposed: result.interposedWords += 1
      case .omitted: result.omittedWords += 1
      case .unintelligible: result.unintelligibleTokens += 1
      case .untranscribed: result.untranscribedTokens += 1
      case .other: break
      }
    }
    return result
  }

  /// Whether a raw token is a countable word by this rule set's prefixes and codes (not `&-euh`,
  /// `&+fr`, `0det`, `xxx`…); a hesitation spelled out (`euh`) still needs the filler list.
  static func isCountable(_ raw: String) -> Bool { kind(of: raw) == .countable }

  private static func kind(of raw: String) -> Kind {
    if raw.hasPrefix("&-") { return .filler }
    if raw.hasPrefix("&+") { return .fragment }
    if raw.hasPrefix("&~") { return .nonword }
    if raw.hasPrefix("&=") { return .event }
    if raw.hasPrefix("&*") { return .interposed }
    // Older CHAT wrote fragments as a bare "&word".
    if raw.hasPrefix("&") { return raw.count > 1 ? .fragment : .other }
    // `0est` is an omitted word; `0`, `000` (as in `10 000`) are typed numbers, written out in CHAT.
    if raw.hasPrefix("0"), !raw.allSatisfy({ $0.isASCII && $0.isNumber }) { return .omitted }
    if raw.hasPrefix("#") || raw.hasPrefix("-") { return .other }
    let base = raw.utf8.prefix(while: { $0 != UInt8(ascii: "@") })
    if base.count == 3 {
      switch String(decoding: base, as: UTF8.self).lowercased() {
      case "xxx": return .unintelligible
      case "yyy", "www": return .untranscribed
      default: break
      }
    }
    let hasContent = raw.unicodeScalars.prefix(while: { $0 != "@" }).contains {
      $0.properties.isAlphabetic || $0.properties.numericType != nil
    }
    return hasContent ? .countable : .other
  }

  /// Scalars that `normalized` removes or rewrites; words without any are returned as they are.
  private static func needsNormalising(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "@", "(", ")", ":", "^", "\"", "↑", "↓", "≠", "ˈ", "ˌ", "\u{201C}", "\u{201D}", "\u{2019}", "\u{02BC}",
      "\u{2018}":
      true
    default: false
    }
  }

  /// The counted form of a word (shortenings completed, prosodic marks and form markers removed)
  /// and whether its form marker flags a neologism (`@n`) or unknown word (`@u`).
  static func normalized(_ raw: String) -> (word: String, paraphasic: Bool) {
    if !raw.unicodeScalars.contains(where: needsNormalising) { return (raw, false) }
    var base = Substring(raw)
    var paraphasic = false
    if let at = raw.firstIndex(of: "@") {
      base = raw[..<at]
      let marker = raw[raw.index(after: at)...]
      paraphasic = marker.hasPrefix("n") || marker.hasPrefix("u")
    }
    // A clock time (`14:30`) is not a lengthened number: it is said `quatorze heures trente`,
    // as `14h30` is, so it keeps its separator as the `h` the speller reads.
    if base.wholeMatch(of: /[0-9]{1,2}:[0-9]{2}/) != nil { return (String(base.replacing(":", with: "h")), paraphasic) }
    var word = ""
    word.reserveCapacity(base.utf8.count)
    for character in base {
      switch character {
      case "(", ")", ":", "^", "↑", "↓", "≠", "ˈ", "ˌ", "\u{201C}", "\u{201D}", "\"": continue
      case "\u{2019}", "\u{02BC}", "\u{2018}": word.append("'")
      default: word.append(character)
      }
    }
    return (word, paraphasic)
  }
}

extension Substring {
  func trimmingPrefixWhitespace() -> Substring {
    var slice = self
    while let first = slice.first, first.isWhitespace { slice.removeFirst() }
    return slice
  }
}
