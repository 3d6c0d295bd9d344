import Testing

@testable import Research
@testable import Store

/// Reading CSV back as spreadsheets save it, with the line each record starts on.
@Suite struct CSVRecordsTests {
  struct ParseCase: Sendable, CustomTestStringConvertible {
    let id: String
    let text: String
    let records: [[String]]
    let lines: [Int]
    var testDescription: String { id }
  }

  static let cases: [ParseCase] = [
    ParseCase(id: "plain", text: "a,b\n1,2\n", records: [["a", "b"], ["1", "2"]], lines: [1, 2]),
    ParseCase(id: "no final line end", text: "a,b\n1,", records: [["a", "b"], ["1", ""]], lines: [1, 2]),
    ParseCase(
      id: "CRLF and a BOM", text: "\u{FEFF}a,b\r\n1,2\r\n", records: [["a", "b"], ["1", "2"]], lines: [1, 2]),
    ParseCase(
      id: "quoted comma, doubled quote, line break", text: "a,b\n\"x, \"\"y\"\"\nz\",2\n3,4\n",
      records: [["a", "b"], ["x, \"y\"\nz", "2"], ["3", "4"]], lines: [1, 2, 4]),
    ParseCase(id: "blank lines skipped", text: "a\n\n\nb\n", records: [["a"], ["b"]], lines: [1, 4]),
  ]

  @Test(arguments: cases) func recordsAndTheirLines(_ parse: ParseCase) throws {
    let records = try CSVRecords.parse(parse.text)
    #expect(records.map(\.fields) == parse.records)
    #expect(records.map(\.line) == parse.lines)
  }

  @Test(
    arguments: [
      ("session_id,trial_id\nS01,T1\n", ","), ("session_id;trial_id\r\nS01;T1\r\n", ";"),
      ("transcript;memories_n,coder\n", ","),
    ] as [(String, String)])
  func theSeparatorIsTheOneOfTheHeaderLine(_ text: String, _ separator: String) {
    #expect(String(CSVRecords.separator(of: text)) == separator)
  }

  @Test func aQuoteLeftOpenNamesTheLineItOpensOn() {
    #expect(throws: CSVRecords.UnclosedQuote(line: 2)) { try CSVRecords.parse("a,b\n\"x,1\n2,3\n") }
  }
}
