import Foundation

/// Reads the figures back out of a report's HTML, as a reader's eye would: the rows a table marks
/// with `data-` attributes and the numbers in their cells.
struct ReportHTML {
  let text: String

  /// The rows whose opening tag carries every `data-key="value"` of `attributes`.
  func rows(_ attributes: [String: String]) -> [String] {
    text.components(separatedBy: "<tr").dropFirst().compactMap { chunk in
      guard let close = chunk.range(of: ">") else { return nil }
      let head = String(chunk[..<close.lowerBound])
      guard attributes.allSatisfy({ head.contains("data-\($0.key)=\"\($0.value)\"") }) else { return nil }
      return chunk.components(separatedBy: "</tr>")[0]
    }
  }

  /// The number in the row's cell marked `data-measure="measure"` (French decimal comma read),
  /// nil for a dash.
  static func number(_ measure: String, in row: String) -> Double? {
    guard let start = row.range(of: "data-measure=\"\(measure)\">") else { return nil }
    let digits = row[start.upperBound...].prefix { "0123456789,.-".contains($0) }
    return Double(digits.replacingOccurrences(of: ",", with: "."))
  }

  /// The `data-source` of the mark in the row's `measure` cell.
  static func source(_ measure: String, in row: String) -> String? {
    guard let start = row.range(of: "data-measure=\"\(measure)\">") else { return nil }
    let cell = row[start.upperBound...].components(separatedBy: "</td>")[0]
    guard let mark = cell.range(of: "data-source=\"") else { return nil }
    return String(cell[mark.upperBound...].prefix { $0 != "\"" })
  }

  /// The section `id`'s HTML.
  func section(_ id: String) -> String {
    guard let start = text.range(of: "<section id=\"\(id)\">") else { return "" }
    return String(text[start.lowerBound...].components(separatedBy: "</section>")[0])
  }

  func count(of fragment: String) -> Int { text.components(separatedBy: fragment).count - 1 }
}
