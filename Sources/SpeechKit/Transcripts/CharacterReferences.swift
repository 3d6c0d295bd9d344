/// HTML character references in subtitle text (`&amp;`, `&egrave;`, `&#39;`, `&#x2019;`), replaced
/// by the characters they stand for, as a browser shows a WebVTT cue. Left undecoded, `cr&egrave;me`
/// would be counted as the word `cregraveme`.
///
/// Numeric references are decoded in full. Named ones cover WebVTT's own (`amp`, `lt`, `gt`,
/// `nbsp`, `lrm`, `rlm`) and the letters and punctuation of French text; a name outside the table
/// stays as written, as a browser leaves a name it does not know.
enum CharacterReferences {
  static func decoded(_ text: String) -> String {
    guard text.contains("&") else { return text }
    var result = ""
    var rest = Substring(text)
    while let ampersand = rest.firstIndex(of: "&") {
      result += rest[..<ampersand]
      let afterAmpersand = rest.index(after: ampersand)
      guard let semicolon = rest[afterAmpersand...].prefix(32).firstIndex(of: ";"),
        let character = character(named: rest[afterAmpersand..<semicolon])
      else {
        result.append("&")
        rest = rest[afterAmpersand...]
        continue
      }
      result.append(character)
      rest = rest[rest.index(after: semicolon)...]
    }
    return result + rest
  }

  private static func character(named name: Substring) -> Character? {
    if name.first == "#" {
      let digits = name.dropFirst()
      let value =
        digits.first == "x" || digits.first == "X"
        ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
      guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
      return Character(scalar)
    }
    return named[String(name)].map { Character(Unicode.Scalar($0)!) }
  }

  private static let named: [String: UInt32] = [
    "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "nbsp": 0xA0, "lrm": 0x200E, "rlm": 0x200F,
    "agrave": 0xE0, "acirc": 0xE2, "auml": 0xE4, "aelig": 0xE6, "ccedil": 0xE7, "egrave": 0xE8, "eacute": 0xE9,
    "ecirc": 0xEA, "euml": 0xEB, "icirc": 0xEE, "iuml": 0xEF, "ocirc": 0xF4, "ouml": 0xF6, "ugrave": 0xF9,
    "ucirc": 0xFB, "uuml": 0xFC, "yuml": 0xFF, "oelig": 0x153,
    "Agrave": 0xC0, "Acirc": 0xC2, "Auml": 0xC4, "AElig": 0xC6, "Ccedil": 0xC7, "Egrave": 0xC8, "Eacute": 0xC9,
    "Ecirc": 0xCA, "Euml": 0xCB, "Icirc": 0xCE, "Iuml": 0xCF, "Ocirc": 0xD4, "Ouml": 0xD6, "Ugrave": 0xD9,
    "Ucirc": 0xDB, "Uuml": 0xDC, "Yuml": 0x178, "OElig": 0x152,
    "laquo": 0xAB, "raquo": 0xBB, "lsquo": 0x2018, "rsquo": 0x2019, "ldquo": 0x201C, "rdquo": 0x201D,
    "hellip": 0x2026, "ndash": 0x2013, "mdash": 0x2014, "deg": 0xB0, "euro": 0x20AC, "thinsp": 0x2009,
  ]
}
