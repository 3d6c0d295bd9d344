import Testing

@testable import Stage

struct ColourTests {
  struct RatioCase: CustomTestStringConvertible, Sendable {
    var name: String
    var first: String
    var second: String
    var ratio: Double
    var testDescription: String { name }
  }

  /// Ratios from the WCAG 2 definition; the grey is the classic 4.5:1 threshold colour.
  @Test(arguments: [
    RatioCase(name: "black on white", first: "#000000", second: "#FFFFFF", ratio: 21),
    RatioCase(name: "a colour on itself", first: "#56B4E9", second: "#56B4E9", ratio: 1),
    RatioCase(name: "grey #767676 on white", first: "#767676", second: "#FFFFFF", ratio: 4.54),
    RatioCase(name: "order does not matter", first: "#FFFFFF", second: "#767676", ratio: 4.54),
  ])
  func contrastRatioFollowsWCAG(_ ratioCase: RatioCase) throws {
    let first = try #require(Colour(hex: ratioCase.first))
    let second = try #require(Colour(hex: ratioCase.second))
    #expect(abs(first.contrastRatio(with: second) - ratioCase.ratio) < 0.01)
  }

  @Test(arguments: Palette.textPairs.map(\.name))
  func everyTextColourPairReachesSevenToOne(_ name: String) throws {
    let pair = try #require(Palette.textPairs.first { $0.name == name })
    #expect(pair.foreground.contrastRatio(with: pair.background) >= 7)
  }

  @Test(arguments: ["", "#12345", "#GG0000", "123"])
  func malformedHexIsRejected(_ hex: String) {
    #expect(Colour(hex: hex) == nil)
  }
}
