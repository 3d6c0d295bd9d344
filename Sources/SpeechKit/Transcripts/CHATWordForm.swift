/// A word typed by a therapist, recognised by ASR or labelled in Praat, as a CHAT main-tier word
/// that CLAN `check` accepts.
///
/// CHAT reserves characters that plain text uses freely: `&`, `#`, `=`, `%`, `*`, `|`, `;`, `°` and
/// `§` have meanings of their own or are refused in words (errors 48, 66, 117), a terminator inside
/// a word ends the utterance there (36), unmatched `( ) < > ]` are errors (23–25, 55, 56), and
/// characters outside Unicode's basic plane (emoji) are refused (86). Each of these was checked
/// with CLAN `check` (`CHATExportSourcesTests`). What is not speech is dropped; `&` and a `%`
/// standing alone, which are read aloud, become the words said (`et`, `pour cent`); `50%` is left
/// to the writer, which spells out numbers. CHAT notation (`&-euh`, `<le`, `café>`, `bon@o`,
/// `p(e)tit`, `(.)`) is kept as it is.
enum CHATWordForm {
  /// The CHAT words for `token`: usually one, none when nothing in it is speech.
  static func words(for token: Substring) -> [String] {
    if token == "&" { return ["et"] }
    if token == "%" { return ["pour", "cent"] }
    if token.count > 2, token.hasPrefix("&"), let marker = token.dropFirst().first, "-+~=*".contains(marker) {
      return [String(token)]
    }
    if isPause(token) { return [String(token)] }
    return cleaned(token).map { [$0] } ?? []
  }

  /// A timed word (`%wor`, a TextGrid word tier) as CHAT accepts it: ASR prints words with their
  /// punctuation (`Bonjour,`, `café?`), which `%wor` must not hold (CLAN error 50). Nil when nothing
  /// in it is speech.
  static func spokenWord(_ text: String) -> String? {
    let surrounding: Set<Character> = [".", ",", ";", ":", "!", "?", "…", "«", "»", "\"", "“", "”", "(", ")"]
    var body = Substring(text.trimmingWhitespace())
    while let first = body.first, surrounding.contains(first) { body.removeFirst() }
    while let last = body.last, surrounding.contains(last) { body.removeLast() }
    return cleaned(body)
  }

  /// `body` without what CHAT refuses in a word; nil when no letter or digit is left.
  private static func cleaned(_ body: Substring) -> String? {
    var body = body
    var marker = ""
    if let at = body.firstIndex(of: "@") {
      let form = body[at...]
      if isSpecialFormMarker(form.dropFirst()) { marker = String(form) }
      body = body[..<at]
    }
    var kept = String.UnicodeScalarView()
    let scalars = Array(body.unicodeScalars)
    for (index, scalar) in scalars.enumerated() {
      // `50%` stays: the writer spells it out (`cinquante pour cent`), as it does every number.
      let isPercent =
        scalar == "%" && index == scalars.count - 1 && index > 0 && scalars[index - 1].properties.numericType != nil
      // `1,5` stays too, spelled `un virgule cinq`: without its comma it would be read `quinze`.
      let isDecimalComma =
        scalar == "," && index > 0 && index < scalars.count - 1
        && scalars[index - 1].isASCII && scalars[index - 1].properties.numericType != nil
        && scalars[index + 1].isASCII && scalars[index + 1].properties.numericType != nil
      if scalar.value > 0xFFFF || refused.contains(scalar) && !isPercent && !isDecimalComma { continue }
      if scalar == "<", index > 0 { continue }
      if scalar == ">", index < scalars.count - 1 { continue }
      // One hyphen between two parts: CLAN refuses `--` inside a word (error 67).
      if scalar == "-", kept.last == "-" { continue }
      kept.append(scalar)
    }
    var word = String(kept)
    if !parenthesesMatch(word) { word.removeAll { $0 == "(" || $0 == ")" } }
    return word.contains { $0.isLetter || $0.isNumber } ? word + marker : nil
  }

  /// Characters CHAT refuses in a word, or gives a meaning plain text does not mean: a terminator
  /// or separator inside a word, its reserved symbols, and the invisible joiners emoji are built with.
  private static let refused: Set<Unicode.Scalar> = [
    "&", "#", "=", "%", "*", "|", "\\", ";", "`", "\"", "°", "§", "[", "]", "{", "}",
    ".", ",", "!", "?", "\u{2026}", "\u{200D}", "\u{FE0E}", "\u{FE0F}", "\t",
  ]

  /// CHAT's special form markers (`bon@o`, `café@s:eng`, `blabla@z:xyz`).
  private static func isSpecialFormMarker(_ text: Substring) -> Bool {
    let code = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
    let known: Set<Substring> = [
      "a", "b", "c", "d", "f", "fp", "g", "i", "k", "l", "n", "o", "p", "q", "s", "sas", "si", "sl", "t", "u", "wp",
      "x", "z",
    ]
    guard let first = code.first, known.contains(first) else { return false }
    guard code.count == 2 else { return first != "z" }
    return (first == "s" || first == "z") && !code[1].isEmpty && code[1].allSatisfy { $0.isASCII && $0.isLetter }
  }

  /// CHAT's pauses: `(.)`, `(..)`, `(...)` and timed ones such as `(1.5)` or `(1:02.5)`.
  private static func isPause(_ token: Substring) -> Bool {
    guard token.count > 2, token.hasPrefix("("), token.hasSuffix(")") else { return false }
    let inside = token.dropFirst().dropLast()
    return inside.allSatisfy { $0 == "." } && inside.count <= 3
      || inside.contains(".") && inside.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "." || $0 == ":") }
  }

  /// Whether every `(` in `word` is closed by a later `)`, as in `p(e)tit`.
  private static func parenthesesMatch(_ word: String) -> Bool {
    var depth = 0
    for character in word {
      if character == "(" { depth += 1 }
      if character == ")" {
        depth -= 1
        if depth < 0 { return false }
      }
    }
    return depth == 0
  }
}
