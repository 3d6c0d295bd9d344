import Testing

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
  ])
  func fixedWritesAPointWhateverTheLocale(_ example: FixedCase) {
    #expect(CSVText.fixed(example.value, places: example.places) == example.text)
  }

  @Test(arguments: [
    ("plain", "plain"), ("a,b", "\"a,b\""), ("dit \"oui\"", "\"dit \"\"oui\"\"\""),
    ("deux\nlignes", "\"deux\nlignes\""),
  ])
  func quotesOnlyWhenNeeded(_ field: String, _ quoted: String) {
    #expect(CSVText.quoted(field) == quoted)
  }
}
