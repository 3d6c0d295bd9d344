import SessionModel

/// Columns padded to their widest cell, for lists read in a terminal.
struct TextTable {
  var header: [LocalizedText]
  var rows: [[LocalizedText]]

  func text(in language: Language) -> String {
    let lines = [header.map { $0.text(in: language) }] + rows.map { $0.map { $0.text(in: language) } }
    var widths = [Int](repeating: 0, count: header.count)
    for line in lines {
      for (index, cell) in line.enumerated() {
        widths[index] = max(widths[index], cell.count)
      }
    }
    return lines.map { line in
      var text = ""
      for (index, cell) in line.enumerated() {
        text += index == line.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count + 2)
      }
      return text
    }.joined(separator: "\n")
  }
}
