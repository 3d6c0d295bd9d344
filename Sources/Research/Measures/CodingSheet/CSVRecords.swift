/// Reads RFC 4180 CSV (the dialect of every export, and what spreadsheets save back) into records,
/// each with the line it starts on, so a problem can be reported where the user will look for it.
enum CSVRecords {
  struct Record: Equatable {
    var line: Int
    var fields: [String]
  }

  /// A quoted field still open at the end of the file, opened on `line`.
  struct UnclosedQuote: Error, Equatable {
    var line: Int
  }

  /// Every non-blank record; `\r\n` and `\n` both end a record, a BOM is skipped.
  ///
  /// - Parameter separator: `,`, or `;` as spreadsheets set up for French save CSV.
  static func parse(_ text: String, separator: Unicode.Scalar = ",") throws(UnclosedQuote) -> [Record] {
    var records: [Record] = []
    var fields: [String] = []
    var field = ""
    var line = 1
    var recordLine = 1
    var quoted = false
    var quoteLine = 1
    var characters = text.unicodeScalars.drop(while: { $0 == "\u{FEFF}" }).makeIterator()
    var pending = characters.next()

    func endRecord() {
      fields.append(field)
      if fields != [""] { records.append(Record(line: recordLine, fields: fields)) }
      fields = []
      field = ""
    }

    while let scalar = pending {
      pending = characters.next()
      if quoted {
        if scalar == "\"" {
          if pending == "\"" {
            field.unicodeScalars.append("\"")
            pending = characters.next()
          } else {
            quoted = false
          }
        } else {
          if scalar == "\n" { line += 1 }
          field.unicodeScalars.append(scalar)
        }
        continue
      }
      switch scalar {
      case "\"" where field.isEmpty:
        quoted = true
        quoteLine = line
      case separator:
        fields.append(field)
        field = ""
      case "\r" where pending == "\n":
        break
      case "\n", "\r":
        endRecord()
        line += 1
        recordLine = line
      default:
        field.unicodeScalars.append(scalar)
      }
    }
    if quoted { throw UnclosedQuote(line: quoteLine) }
    if !field.isEmpty || !fields.isEmpty { endRecord() }
    return records
  }

  /// `;` when the first line has semicolons and no comma (a French spreadsheet's CSV), else `,`.
  static func separator(of text: String) -> Unicode.Scalar {
    let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
    return firstLine.contains(";") && !firstLine.contains(",") ? ";" : ","
  }
}
