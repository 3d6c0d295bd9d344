import Crypto
import Foundation
import Store

/// How replicated rows travel: a batch is one JSON array of rows, each an array of texts (or
/// `null`) in the catalogue's column order, which the server casts back to each column's type. One
/// parameter per batch, however many rows, and no value is ever spliced into SQL.
enum RowEncoding {
  /// `[["G01-S01","T1",null,"1.5"],…]`, with each row's hash appended when `hashes` is given.
  static func json(_ rows: [ReplicaRow], hashes: [String]? = nil) -> String {
    var text = "["
    text.reserveCapacity(rows.count * 128)
    for (index, row) in rows.enumerated() {
      if index > 0 { text += "," }
      text += "["
      for (position, value) in row.values.enumerated() {
        if position > 0 { text += "," }
        append(value.sqlText, to: &text)
      }
      if let hashes { text += ",\"" + hashes[index] + "\"" }
      text += "]"
    }
    return text + "]"
  }

  /// A JSON array of plain strings, for lists of keys.
  static func json(_ strings: [String]) -> String {
    var text = "["
    for (index, string) in strings.enumerated() {
      if index > 0 { text += "," }
      append(string, to: &text)
    }
    return text + "]"
  }

  /// The SHA-256 of a row's values, each tagged with its type so that `NULL`, `''` and `0` differ.
  static func hash(_ row: ReplicaRow) -> String {
    var hasher = Store.SHA256()
    for value in row.values {
      let tagged: String
      switch value {
      case .null: tagged = "n"
      case .integer(let number): tagged = "i\(number)"
      case .real(let number): tagged = "r\(number)"
      case .text(let text): tagged = "t\(text)"
      }
      hasher.update(Array(tagged.utf8) + [0x1F])
    }
    return Store.SHA256.hex(hasher.finalize())
  }

  /// The MD5 of a table's row hashes sorted and joined, as the server computes it with
  /// `md5(string_agg(row_hash, '' ORDER BY row_hash COLLATE "C"))`: equal digests, equal tables.
  static func digest(of hashes: [String]) -> String {
    Store.SHA256.hex(Array(Insecure.MD5.hash(data: Array(hashes.sorted().joined().utf8))))
  }

  /// A value the server printed as text (`::text`), typed again as the catalogue's column is; a
  /// text that does not parse as the column's kind stays text, so it compares unequal.
  static func value(ofServerText text: String?, kind: ReplicatedColumn.Kind) -> ReplicaValue {
    guard let text else { return .null }
    switch kind {
    case .text: return .text(text)
    case .integer: return Int64(text).map(ReplicaValue.integer) ?? .text(text)
    case .real: return Double(text).map(ReplicaValue.real) ?? .text(text)
    }
  }

  /// The same text of a key read back from the server, its columns already text.
  static func key(ofServerRow columns: ArraySlice<String?>) -> String {
    columns.map { $0 ?? "" }.joined(separator: "\u{1F}")
  }

  /// The text of a row's key columns, the way the server prints them back (`::text`).
  static func key(of row: ReplicaRow, at positions: [Int]) -> String {
    positions.map { row.values[$0].sqlText ?? "" }.joined(separator: "\u{1F}")
  }

  private static func append(_ value: String?, to text: inout String) {
    guard let value else {
      text += "null"
      return
    }
    text += "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": text += "\\\""
      case "\\": text += "\\\\"
      case "\n": text += "\\n"
      case "\r": text += "\\r"
      case "\t": text += "\\t"
      case _ where scalar.value < 0x20:
        text += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
      default: text.unicodeScalars.append(scalar)
      }
    }
    text += "\""
  }
}
