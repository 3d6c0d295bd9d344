import Foundation

/// The CSV dialect of every export: comma-separated, UTF-8 without BOM, `\n` line ends, fields
/// quoted only when they must be (RFC 4180), `.` as decimal separator whatever the locale, and an
/// empty field for a missing value.
///
/// Formatting is total: any finite number is written out in full as a plain decimal, however large
/// (1e308 has 309 digits), and a value that is not a number (NaN, ±infinity) is an empty field, as
/// missing. Such values can only come from outside ConnectAge; `db check` reports them.
enum CSVText {
  static func line(_ fields: [String]) -> String {
    fields.map(quoted).joined(separator: ",") + "\n"
  }

  static func quoted(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// `text` as a spreadsheet shows it and never runs it: a cell starting with `=`, `+`, `-` or `@`
  /// is a formula to Excel and LibreOffice (a transcript may start with CHAT's `+"` linker, a
  /// typed `= c'est pareil`), so such text gets a leading apostrophe, which they hide. For text
  /// meant to be read in a spreadsheet, not analysed: the apostrophe is part of the field.
  static func spreadsheetText(_ text: String) -> String {
    guard let first = text.first, "=+-@\t\r".contains(first) else { return text }
    return "'" + text
  }

  /// `value` rounded to `places` decimals, written with a point: `fixed(1.25, places: 3)` is `1.250`.
  static func fixed(_ value: Double?, places: Int = 3) -> String {
    guard let value, value.isFinite else { return "" }
    var scale: Int64 = 1
    for _ in 0..<places { scale *= 10 }
    let product = (value * Double(scale)).rounded()
    // Beyond Int64's range the integer path would trap; C's formatting is exact there.
    guard let scaled = Int64(exactly: product) else {
      return String(format: "%.\(places)f", value)
    }
    let magnitude = scaled.magnitude
    let whole = magnitude / UInt64(scale)
    let fraction = String(magnitude % UInt64(scale))
    let sign = scaled < 0 ? "-" : ""
    guard places > 0 else { return sign + String(whole) }
    return sign + String(whole) + "." + String(repeating: "0", count: places - fraction.count) + fraction
  }

  /// A p-value: six decimals, or below 0.0001 as many as keep three significant digits, so a very
  /// small p (6e-8) is not written `0.000000`, which reads as an exact zero.
  static func probability(_ p: Double?) -> String {
    guard let p, p.isFinite, p > 0, p < 0.0001 else { return fixed(p, places: 6) }
    let places = Int((-log10(p)).rounded(.up)) + 2
    return String(format: "%.\(places)f", p)
  }

  static func integer(_ value: Int?) -> String {
    value.map(String.init) ?? ""
  }
}
