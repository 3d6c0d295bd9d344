internal import GRDB

extension RowValue {
  /// The number in `column`, whatever SQLite stored (integer or real, non-finite included); nil
  /// for NULL or for text and blobs, which no ConnectAge version writes there.
  static func number(_ row: Row, _ column: String) -> Double? {
    switch (row[column] as DatabaseValue).storage {
    case .int64(let value): Double(value)
    case .double(let value): value
    case .null, .string, .blob: nil
    }
  }

  /// The whole number in `column`, or nil when it holds none that fits an `Int` (1e308, 2.5, NaN):
  /// reading never traps on a value written behind ConnectAge's back; `db check` reports it.
  static func count(_ row: Row, _ column: String) -> Int? {
    switch (row[column] as DatabaseValue).storage {
    case .int64(let value): Int(exactly: value)
    case .double(let value): Int(exactly: value)
    case .null, .string, .blob: nil
    }
  }
}
