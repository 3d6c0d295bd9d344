/// Writes numbers out in French words, because CHAT forbids digits inside words (CLAN `check`
/// errors 38 and 47; CHAT manual E220) and counts a number by its words (`mille neuf cent
/// cinquante` = 4).
///
/// Traditional spelling (before the 1990 reform, as CHAT corpora and AphasiaBank transcribers
/// write it): hyphens only between tens and units below a hundred, `et` before `un` and `onze`
/// after the tens from twenty to seventy (`vingt et un`, `soixante et onze`, but `quatre-vingt-un`),
/// `vingt` and `cent` take an `s` when multiplied and nothing follows (`quatre-vingts`, `deux cents`,
/// but `quatre-vingt-deux`, `deux cent un`, `deux cent mille`), `mille` never does, `million` and
/// `milliard` are nouns (`deux millions`). Years are read as cardinals (`1958` → `mille neuf cent
/// cinquante-huit`).
public enum FrenchNumberSpeller {
  /// `n` in words: `1958` → `mille neuf cent cinquante-huit`, `-3` → `moins trois`.
  public static func cardinal(_ n: Int) -> String {
    if n < 0 { return "moins " + cardinal(n == Int.min ? Int.max : -n) }
    return n == 0 ? "zéro" : spell(UInt64(n), pluralEnd: true)
  }

  /// The ordinal: `1` → `premier` (`première` when `feminine`), `2` → `deuxième`,
  /// `21` → `vingt et unième`, `80` → `quatre-vingtième`.
  public static func ordinal(_ n: Int, feminine: Bool = false) -> String {
    guard n > 1 else { return n == 1 ? (feminine ? "première" : "premier") : cardinal(n) + "ième" }
    var words = spell(UInt64(n), pluralEnd: false).split(separator: " ").map(String.init)
    var last = words.removeLast()
    if last == "millions" || last == "milliards" {
      last.removeLast()
    }
    if last.hasSuffix("cinq") {
      last += "u"
    } else if last.hasSuffix("neuf") {
      last = String(last.dropLast()) + "v"
    } else if last.hasSuffix("e") {
      last.removeLast()
    }
    return (words + [last + "ième"]).joined(separator: " ")
  }

  private static let units = [
    "", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "treize",
    "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf",
  ]
  private static let tens = ["", "dix", "vingt", "trente", "quarante", "cinquante", "soixante"]

  /// `pluralEnd`: nothing but a noun (`millions`) or the end of the number follows, so `vingt` and
  /// `cent` may take their plural `s`.
  private static func spell(_ n: UInt64, pluralEnd: Bool) -> String {
    var parts: [String] = []
    let billions = n / 1_000_000_000
    let millions = n / 1_000_000 % 1000
    let thousands = n / 1000 % 1000
    let rest = n % 1000
    if billions > 0 {
      parts.append(spell(billions, pluralEnd: true) + (billions > 1 ? " milliards" : " milliard"))
    }
    if millions > 0 {
      parts.append(belowThousand(millions, pluralEnd: true) + (millions > 1 ? " millions" : " million"))
    }
    if thousands > 0 {
      parts.append(thousands == 1 ? "mille" : belowThousand(thousands, pluralEnd: false) + " mille")
    }
    if rest > 0 { parts.append(belowThousand(rest, pluralEnd: pluralEnd)) }
    return parts.joined(separator: " ")
  }

  private static func belowThousand(_ n: UInt64, pluralEnd: Bool) -> String {
    let hundreds = Int(n / 100)
    let rest = Int(n % 100)
    var parts: [String] = []
    if hundreds == 1 {
      parts.append("cent")
    } else if hundreds > 1 {
      parts.append(units[hundreds] + (rest == 0 && pluralEnd ? " cents" : " cent"))
    }
    if rest > 0 { parts.append(belowHundred(rest, pluralEnd: pluralEnd)) }
    return parts.joined(separator: " ")
  }

  private static func belowHundred(_ n: Int, pluralEnd: Bool) -> String {
    if n < 20 { return units[n] }
    let ten = n / 10
    let unit = n % 10
    switch ten {
    case 7: return unit == 1 ? "soixante et onze" : "soixante-" + units[10 + unit]
    case 8: return unit == 0 ? (pluralEnd ? "quatre-vingts" : "quatre-vingt") : "quatre-vingt-" + units[unit]
    case 9: return "quatre-vingt-" + units[10 + unit]
    default:
      switch unit {
      case 0: return tens[ten]
      case 1: return tens[ten] + " et un"
      default: return tens[ten] + "-" + units[unit]
      }
    }
  }
}

extension FrenchNumberSpeller {
  /// CHAT main-tier text with every number inside a word written out: `En 1958 , je` →
  /// `En mille neuf cent cinquante-huit , je`; `le 2e` → `le deuxième`; `1,5` → `un virgule cinq`.
  ///
  /// Digits that CHAT allows are left alone: media bullets (`·1200_4600·`), timed pauses (`(1.5)`),
  /// and annotations in brackets other than a replacement (`[: …]`, which holds words).
  public static func spellingOutDigits(inCHAT text: String) -> String {
    guard text.contains(where: { $0.isASCIIDigit || $0 == "%" }) else { return text }
    let text = joiningThousands(text.split(separator: " ", omittingEmptySubsequences: false).map(String.init))
      .joined(separator: " ")
    var output = ""
    var word = ""
    var inBullet = false
    var bracket: String?
    func flush() {
      output += spellingOutDigits(inWord: word)
      word = ""
    }
    for character in text {
      if inBullet {
        output.append(character)
        if character == "\u{15}" { inBullet = false }
        continue
      }
      if var open = bracket {
        open.append(character)
        if character == "]" {
          // A replacement's target is words: spelled like the main tier. Other annotations are not words.
          output +=
            open.hasPrefix("[: ") ? "[: " + spellingOutDigits(inCHAT: String(open.dropFirst(3).dropLast())) + "]" : open
          bracket = nil
        } else {
          bracket = open
        }
        continue
      }
      switch character {
      case "\u{15}":
        flush()
        output.append(character)
        inBullet = true
      case "[":
        flush()
        bracket = "["
      case " ", "\t", "\n":
        flush()
        output.append(character)
      default:
        word.append(character)
      }
    }
    if let open = bracket { output += open }
    flush()
    return output
  }

  /// One whitespace-free token with its digits written out; several words when it held a number
  /// (`1958` → `mille neuf cent cinquante-huit`), letters around a number kept as their own words
  /// (`14h30` → `quatorze h trente`).
  public static func spellingOutDigits(inWord token: String) -> String {
    if token == "%" { return "pour cent" }
    guard token.contains(where: \.isASCIIDigit) else { return token }
    // `10 000` typed with a no-break space is one number.
    let token = String(token.filter { $0 != "\u{A0}" && $0 != "\u{202F}" })
    // A timed pause `(1.5)` or `(1:02.5)` is not a word.
    if token.hasPrefix("("), token.hasSuffix(")"),
      token.dropFirst().dropLast().allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == ":" })
    {
      return token
    }
    // `0word`: CHAT's omitted-word prefix, not the number zero.
    if token.hasPrefix("0"), let next = token.dropFirst().first, next.isLetter { return token }
    // Scope marks and punctuation stay glued to the words they enclose: `<en` … `1944>`.
    let core = token.drop { !$0.isLetter && !$0.isNumber }
    let lead = token[..<core.startIndex]
    let body = core.reversed().drop { !$0.isLetter && !$0.isNumber }.reversed()
    var trail = String(core.dropFirst(body.count))
    var spelled = spellingOutDigits(inCore: String(body))
    if trail.hasPrefix("%") {
      spelled += " pour cent"
      trail.removeFirst()
    } else if trail.hasPrefix("°") {
      spelled += " " + degrees(after: String(body))
      trail.removeFirst()
    }
    return lead + spelled + trail
  }

  /// Counted words with their numbers written out, one word per element: `["en", "1958"]` →
  /// `["en", "mille", "neuf", "cent", "cinquante-huit"]`, `["10", "000"]` → `["dix", "mille"]`.
  public static func spellingOutDigits(inWords words: [String]) -> [String] {
    guard words.contains(where: { $0.contains(where: \.isASCIIDigit) || $0 == "%" }) else { return words }
    return joiningThousands(words).flatMap { spellingOutDigits(inWord: $0).split(separator: " ").map(String.init) }
  }

  /// French groups thousands with a space: `10 000`, `1 200 000` are one number each. A group of
  /// one to three digits followed by groups of exactly three is joined; anything else is left.
  static func joiningThousands(_ tokens: [String]) -> [String] {
    func isDigits(_ token: String, _ counts: ClosedRange<Int>) -> Bool {
      counts.contains(token.count) && token.allSatisfy(\.isASCIIDigit)
    }
    var joined: [String] = []
    var index = 0
    while index < tokens.count {
      var token = tokens[index]
      index += 1
      guard isDigits(token, 1...3) else {
        joined.append(token)
        continue
      }
      while index < tokens.count, isDigits(tokens[index], 3...3) {
        token += tokens[index]
        index += 1
      }
      joined.append(token)
    }
    return joined
  }

  private static func spellingOutDigits(inCore token: String) -> String {
    if let time = clockTime(token) { return time }
    let characters = Array(token)
    var pieces: [String] = []
    var letters = ""
    var index = 0
    while index < characters.count {
      guard characters[index].isASCIIDigit else {
        letters.append(characters[index])
        index += 1
        continue
      }
      var digits = ""
      while index < characters.count, characters[index].isASCIIDigit {
        digits.append(characters[index])
        index += 1
      }
      // A French decimal comma between digits: `1,5`.
      var decimals = ""
      if index + 1 < characters.count, characters[index] == ",", characters[index + 1].isASCIIDigit {
        index += 1
        while index < characters.count, characters[index].isASCIIDigit {
          decimals.append(characters[index])
          index += 1
        }
      }
      var suffix = ""
      var end = index
      while end < characters.count, characters[end].isLetter {
        suffix.append(characters[end])
        end += 1
      }
      if !letters.isEmpty {
        // `n°12`: CLAN reads `°` as a paired prosodic mark (error 117), so the sign becomes its word.
        pieces.append(["n°", "N°"].contains(letters) ? "numéro" : letters)
        letters = ""
      }
      if decimals.isEmpty, let ordinal = ordinal(digits: digits, suffix: suffix.lowercased()) {
        pieces.append(ordinal)
        index = end
        continue
      }
      var spelled = number(digits)
      if !decimals.isEmpty { spelled += " virgule " + number(decimals) }
      if index < characters.count, characters[index] == "°" {
        spelled += " " + degrees(after: digits)
        index += 1
      }
      pieces.append(spelled)
    }
    if !letters.isEmpty { pieces.append(letters) }
    return pieces.joined(separator: " ")
  }

  /// `14h30`, `14:30`, `9h`, `12h00` as said: `quatorze heures trente`, `neuf heures`, `douze
  /// heures`; hours 0 to 24 and minutes 00 to 59, else nil (`0h…` stays CHAT's omitted word).
  /// Hours and minutes are feminine (`une heure`, `vingt et une heures trente et une`).
  private static func clockTime(_ token: String) -> String? {
    guard let match = token.wholeMatch(of: /([0-9]{1,2})(?:[hH]([0-9]{2})?|:([0-9]{2}))/),
      let hours = Int(match.1), hours <= 24
    else { return nil }
    let minutes = (match.2 ?? match.3).flatMap { Int($0) } ?? 0
    guard minutes < 60 else { return nil }
    func feminine(_ n: Int) -> String {
      let spelled = cardinal(n)
      return spelled.hasSuffix("un") ? spelled + "e" : spelled
    }
    let hour = "\(feminine(hours)) \(hours >= 2 ? "heures" : "heure")"
    return minutes == 0 ? hour : "\(hour) \(feminine(minutes))"
  }

  /// The word for `°` after `number` (its digits, maybe a decimal comma): `degrés`, singular below
  /// two (`1,5 degré`, `zéro degré`).
  private static func degrees(after number: String) -> String {
    let whole = number.reversed().prefix { $0.isASCIIDigit || $0 == "," }.reversed().prefix { $0 != "," }
    return (Int(String(whole)) ?? 2) >= 2 ? "degrés" : "degré"
  }

  /// `1er`, `1re`, `2e`, `2ème`, `3è`: the ordinal in words; `nil` for any other suffix.
  private static func ordinal(digits: String, suffix: String) -> String? {
    guard let n = Int(digits), n <= 1_000_000_000 else { return nil }
    if n == 1 {
      if suffix == "er" { return ordinal(1) }
      return ["re", "ère"].contains(suffix) ? ordinal(1, feminine: true) : nil
    }
    return ["e", "è", "ème", "eme", "ième", "ieme"].contains(suffix) ? ordinal(n) : nil
  }

  /// Digits as a cardinal; a run too long for a number is read digit by digit.
  private static func number(_ digits: String) -> String {
    if digits.count <= 18, let n = Int(digits) { return cardinal(n) }
    return digits.map { cardinal(Int(String($0))!) }.joined(separator: " ")
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
