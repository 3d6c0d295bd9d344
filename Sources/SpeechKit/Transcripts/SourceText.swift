import Foundation
import SessionModel

/// Decodes transcript bytes to text and reports positions as 1-based line and column.
///
/// Accepts UTF-8 (with or without BOM) and UTF-16 with BOM, as Praat writes; anything else is
/// refused with the position of the first bad byte rather than guessed.
struct SourceText {
  let file: String
  let text: String

  init(text: String, file: String) {
    self.file = file
    self.text = text
  }

  init(data: Data, file: String) throws(TranscriptReadError) {
    self.file = file
    let bytes = [UInt8](data)
    if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) {
      guard bytes.count % 2 == 0 else {
        throw TranscriptReadError(
          file: file, line: 1, column: 1,
          reason: LocalizedText(
            fr: "fichier UTF-16 tronqué (nombre d'octets impair) ; réenregistrez-le en UTF-8",
            en: "truncated UTF-16 file (odd number of bytes); save it again as UTF-8"))
      }
      let bigEndian = bytes[0] == 0xFE
      var units: [UInt16] = []
      units.reserveCapacity(bytes.count / 2 - 1)
      var index = 2
      while index + 1 < bytes.count {
        let high = bigEndian ? bytes[index] : bytes[index + 1]
        let low = bigEndian ? bytes[index + 1] : bytes[index]
        units.append(UInt16(high) << 8 | UInt16(low))
        index += 2
      }
      var decoded = String.UnicodeScalarView()
      var iterator = units.makeIterator()
      var decoder = UTF16()
      loop: while true {
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar): decoded.append(scalar)
        case .emptyInput: break loop
        case .error:
          throw TranscriptReadError(
            file: file, line: 1, column: 1,
            reason: LocalizedText(
              fr: "texte UTF-16 invalide ; réenregistrez le fichier en UTF-8",
              en: "invalid UTF-16 text; save the file again as UTF-8"))
        }
      }
      text = String(decoded)
      return
    }
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    if let decoded = String(validating: body, as: UTF8.self) {
      text = decoded
      return
    }
    let (line, column) = Self.position(ofFirstInvalidByteIn: body)
    throw TranscriptReadError(
      file: file, line: line, column: column,
      reason: LocalizedText(
        fr: "octets non UTF-8 ; réenregistrez le fichier en UTF-8",
        en: "bytes that are not UTF-8; save the file again as UTF-8"))
  }

  /// Lines split on LF, CRLF or CR, without their terminators.
  var lines: [Substring] {
    var result: [Substring] = []
    var start = text.startIndex
    var index = start
    while index < text.endIndex {
      let character = text[index]
      if character == "\n" || character == "\r" || character == "\r\n" {
        result.append(text[start..<index])
        index = text.index(after: index)
        start = index
      } else {
        index = text.index(after: index)
      }
    }
    if start < text.endIndex { result.append(text[start..<text.endIndex]) }
    return result
  }

  func error(line: Int, column: Int, _ reason: LocalizedText) -> TranscriptReadError {
    TranscriptReadError(file: file, line: line, column: column, reason: reason)
  }

  private static func position(ofFirstInvalidByteIn bytes: [UInt8]) -> (Int, Int) {
    var line = 1
    var lineStart = 0
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      let length: Int
      switch byte {
      case 0..<0x80: length = 1
      case 0xC2...0xDF: length = 2
      case 0xE0...0xEF: length = 3
      case 0xF0...0xF4: length = 4
      default: length = 0
      }
      let valid =
        length > 0 && index + length <= bytes.count
        && String(validating: bytes[index..<index + length], as: UTF8.self) != nil
      if !valid {
        let column = (String(validating: bytes[lineStart..<index], as: UTF8.self)?.count ?? 0) + 1
        return (line, column)
      }
      if byte == 0x0A {
        line += 1
        lineStart = index + 1
      }
      index += length
    }
    return (line, 1)
  }
}
