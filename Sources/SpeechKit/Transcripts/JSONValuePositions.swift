/// Where each value of a JSON document starts, by its path (`segments[2].words[0].start`), because
/// Foundation's decoder keeps no positions and a bad time must be reported with its line.
///
/// Meant for text that has already decoded: on anything malformed it stops and returns what it found.
struct JSONValuePositions {
  private let bytes: [UInt8]
  private var index = 0
  private var line = 1
  private var lineStart = 0
  private(set) var positions: [String: (line: Int, column: Int)] = [:]

  static func positions(in bytes: [UInt8]) -> [String: (line: Int, column: Int)] {
    var scanner = JSONValuePositions(bytes: bytes)
    _ = scanner.value(path: "", depth: 0)
    return scanner.positions
  }

  private init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  private mutating func skipWhitespace() {
    while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) {
      if bytes[index] == 0x0A {
        line += 1
        lineStart = index + 1
      }
      index += 1
    }
  }

  private var column: Int {
    bytes[lineStart..<min(index, bytes.count)].filter { $0 & 0xC0 != 0x80 }.count + 1
  }

  private mutating func value(path: String, depth: Int) -> Bool {
    skipWhitespace()
    guard index < bytes.count, depth < 512 else { return false }
    positions[path] = (line, column)
    switch bytes[index] {
    case UInt8(ascii: "{"):
      index += 1
      skipWhitespace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
        index += 1
        return true
      }
      while true {
        skipWhitespace()
        guard let key = string() else { return false }
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
        index += 1
        guard value(path: path.isEmpty ? key : path + "." + key, depth: depth + 1) else { return false }
        skipWhitespace()
        guard index < bytes.count else { return false }
        index += 1
        if bytes[index - 1] == UInt8(ascii: "}") { return true }
        guard bytes[index - 1] == UInt8(ascii: ",") else { return false }
      }
    case UInt8(ascii: "["):
      index += 1
      skipWhitespace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
        index += 1
        return true
      }
      var element = 0
      while true {
        guard value(path: path + "[\(element)]", depth: depth + 1) else { return false }
        element += 1
        skipWhitespace()
        guard index < bytes.count else { return false }
        index += 1
        if bytes[index - 1] == UInt8(ascii: "]") { return true }
        guard bytes[index - 1] == UInt8(ascii: ",") else { return false }
      }
    case UInt8(ascii: "\""):
      return string() != nil
    default:
      // Numbers and literals: everything up to the next delimiter.
      while index < bytes.count, !",]} \t\r\n".utf8.contains(bytes[index]) { index += 1 }
      return true
    }
  }

  /// A string's text (escapes kept as written: keys in ASR output have none).
  private mutating func string() -> String? {
    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
    index += 1
    let start = index
    while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
      index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
    }
    guard index < bytes.count else { return nil }
    defer { index += 1 }
    return String(decoding: bytes[start..<index], as: UTF8.self)
  }
}
