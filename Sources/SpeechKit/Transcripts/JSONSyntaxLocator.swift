/// Finds where JSON text stops being valid, as 1-based line and column, because Foundation's
/// decoder only says that the data "was not valid JSON".
struct JSONSyntaxLocator {
  private let bytes: [UInt8]
  private var index = 0
  private static let maximumDepth = 512

  /// The position of the first syntax error, or nil when the text is valid JSON.
  static func firstError(in bytes: [UInt8]) -> (line: Int, column: Int)? {
    var locator = JSONSyntaxLocator(bytes: bytes)
    let valid =
      locator.value(depth: 0)
      && {
        locator.skipWhitespace(); return locator.index == bytes.count
      }()
    return valid ? nil : locator.position()
  }

  private init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  private func position() -> (line: Int, column: Int) {
    var line = 1
    var lineStart = 0
    for offset in 0..<min(index, bytes.count) where bytes[offset] == 0x0A {
      line += 1
      lineStart = offset + 1
    }
    // Columns count characters, not bytes: UTF-8 continuation bytes are skipped.
    let column = bytes[lineStart..<min(index, bytes.count)].filter { $0 & 0xC0 != 0x80 }.count + 1
    return (line, column)
  }

  private mutating func skipWhitespace() {
    while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
  }

  private mutating func consume(_ byte: UInt8) -> Bool {
    guard index < bytes.count, bytes[index] == byte else { return false }
    index += 1
    return true
  }

  private mutating func value(depth: Int) -> Bool {
    skipWhitespace()
    guard index < bytes.count, depth < Self.maximumDepth else { return false }
    switch bytes[index] {
    case UInt8(ascii: "{"):
      index += 1
      skipWhitespace()
      if consume(UInt8(ascii: "}")) { return true }
      while true {
        skipWhitespace()
        guard string() else { return false }
        skipWhitespace()
        guard consume(UInt8(ascii: ":")), value(depth: depth + 1) else { return false }
        skipWhitespace()
        if consume(UInt8(ascii: "}")) { return true }
        guard consume(UInt8(ascii: ",")) else { return false }
      }
    case UInt8(ascii: "["):
      index += 1
      skipWhitespace()
      if consume(UInt8(ascii: "]")) { return true }
      while true {
        guard value(depth: depth + 1) else { return false }
        skipWhitespace()
        if consume(UInt8(ascii: "]")) { return true }
        guard consume(UInt8(ascii: ",")) else { return false }
      }
    case UInt8(ascii: "\""):
      return string()
    case UInt8(ascii: "t"): return literal("true")
    case UInt8(ascii: "f"): return literal("false")
    case UInt8(ascii: "n"): return literal("null")
    default:
      return number()
    }
  }

  private mutating func string() -> Bool {
    guard consume(UInt8(ascii: "\"")) else { return false }
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        index += 1
        return true
      }
      if byte < 0x20 { return false }
      index += byte == UInt8(ascii: "\\") ? 2 : 1
    }
    index = bytes.count
    return false
  }

  private mutating func literal(_ word: String) -> Bool {
    for byte in word.utf8 {
      guard consume(byte) else { return false }
    }
    return true
  }

  private mutating func number() -> Bool {
    let start = index
    while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) { index += 1 }
    return index > start
  }
}
