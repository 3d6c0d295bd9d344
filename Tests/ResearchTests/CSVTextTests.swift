import Foundation
import Testing

@testable import Research
@testable import Store

@Suite struct CSVTextTests {
  struct FixedCase: Sendable, CustomTestStringConvertible {
    let testDescription: String
    let value: Double?
    let places: Int
    let text: String
  }

  @Test(arguments: [
    FixedCase(testDescription: "pads to three decimals", value: 1.25, places: 3, text: "1.250"),
    FixedCase(testDescription: "drops less than half a millisecond", value: 0.0004999, places: 3, text: "0.000"),
    FixedCase(testDescription: "rounds to the nearest millisecond", value: 2.0006, places: 3, text: "2.001"),
    FixedCase(testDescription: "negative below one", value: -0.125, places: 3, text: "-0.125"),
    FixedCase(testDescription: "whole number", value: 12, places: 0, text: "12"),
    FixedCase(testDescription: "missing is empty", value: nil, places: 3, text: ""),
    FixedCase(testDescription: "not a number is empty", value: .nan, places: 3, text: ""),
    FixedCase(testDescription: "infinity is empty", value: .infinity, places: 3, text: ""),
    FixedCase(testDescription: "minus infinity is empty", value: -.infinity, places: 3, text: ""),
    FixedCase(
      testDescription: "beyond Int64 once scaled, written in full", value: 1e16, places: 3,
      text: "10000000000000000.000"),
    FixedCase(
      testDescription: "Int64.max as a double", value: Double(Int64.max), places: 4, text: "9223372036854775808.0000"),
    FixedCase(testDescription: "1e308 has 309 digits", value: 1e308, places: 3, text: String(format: "%.3f", 1e308)),
    FixedCase(testDescription: "-1e308", value: -1e308, places: 0, text: String(format: "%.0f", -1e308)),
  ])
  func fixedWritesAPointWhateverTheLocale(_ example: FixedCase) {
    #expect(CSVText.fixed(example.value, places: example.places) == example.text)
  }

  @Test func hugeValuesAreWholeDecimalsWithoutExponent() {
    let text = CSVText.fixed(1e308)
    #expect(text.count == 309 + 4)
    #expect(text.hasPrefix("1000000000000000010979"))
    #expect(text.allSatisfy { $0.isNumber || $0 == "." })
  }

  /// A very small p keeps three significant digits instead of reading as 0.000000.
  @Test(arguments: [
    (0.049, "0.049000"), (0.0001, "0.000100"), (6e-8, "0.0000000600"), (0.00001234, "0.0000123"), (0, "0.000000"),
    (1, "1.000000"),
  ])
  func pValuesKeepTheirSignificantDigits(_ p: Double, _ text: String) {
    #expect(CSVText.probability(p) == text)
  }

  @Test func theSmallestPIsAPlainDecimal() {
    let text = CSVText.probability(5e-324)
    #expect(text.hasPrefix("0.") && text.hasSuffix("494") && Double(text) == 5e-324)
  }

  @Test(arguments: [
    ("plain", "plain"), ("a,b", "\"a,b\""), ("dit \"oui\"", "\"dit \"\"oui\"\"\""),
    ("deux\nlignes", "\"deux\nlignes\""),
  ])
  func quotesOnlyWhenNeeded(_ field: String, _ quoted: String) {
    #expect(CSVText.quoted(field) == quoted)
  }

  /// What a spreadsheet would run as a formula is shown as text; anything else is left alone.
  @Test(arguments: [
    ("= c'est pareil .", "'= c'est pareil ."), ("+\" il a dit .", "'+\" il a dit ."), ("-1", "'-1"),
    ("@SUM(A1)", "'@SUM(A1)"), ("oui .", "oui ."), ("", ""), ("le 1 = 2", "le 1 = 2"),
  ])
  func textThatASpreadsheetWouldRunIsShownAsText(_ text: String, _ shown: String) {
    #expect(CSVText.spreadsheetText(text) == shown)
  }
}
