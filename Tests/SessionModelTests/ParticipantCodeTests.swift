import Foundation
import SessionModel
import Testing

struct ParticipantCodeTests {
  @Test(arguments: ["P01", "AVC-M-07", "E10", "X"])
  func acceptsPseudonymousCodes(_ text: String) {
    #expect(ParticipantCode(rawValue: text)?.rawValue == text)
  }

  @Test(arguments: ["", "p01", "Jeanne D", "01P", "P_01", "ABCDEFGHIJKLMNOPQ", "Émile"])
  func refusesAnythingThatCouldBeAName(_ text: String) {
    #expect(ParticipantCode(rawValue: text) == nil)
    #expect(ParticipantCode.problem(with: text) != nil)
  }

  @Test func numberedCodesArePadded() {
    #expect(ParticipantCode.numbered(3).rawValue == "P03")
    #expect(ParticipantCode.numbered(12, prefix: "G").rawValue == "G12")
  }

  @Test func decodingANameFailsWithTheReason() throws {
    let json = Data(#"["Jeanne D"]"#.utf8)
    #expect(throws: DecodingError.self) { try JSONDecoder().decode([ParticipantCode].self, from: json) }
  }
}

struct CartridgeSlotTests {
  @Test func coversExactlyThirtyChannels() {
    #expect(CartridgeSlot.all.map(\.rawValue) == Array(1...30))
    #expect(CartridgeSlot(rawValue: 0) == nil)
    #expect(CartridgeSlot(rawValue: 31) == nil)
  }
}

/// The code shape a study requires: by default at least one digit, so names are refused.
struct ParticipantCodePatternTests {
  @Test(arguments: [
    ("P01", true), ("AVC-M-07", true), ("E10", true), ("1", false),
    ("DURAND", false), ("MARIE", false), ("X", false), ("AVC-M", false), ("Jeanne", false),
  ])
  func theStandardPatternWantsADigit(_ text: String, _ accepted: Bool) {
    #expect((ParticipantCodePattern.standard.problem(with: text) == nil) == accepted)
  }

  @Test func aStudyPatternReplacesTheStandardOneButNotTheShapeOfACode() throws {
    let pattern = try #require(ParticipantCodePattern("AVC-[0-9]{3}"))
    #expect(pattern.problem(with: "AVC-012") == nil)
    #expect(pattern.problem(with: "P01")?.english.contains("AVC-[0-9]{3}") == true)
    #expect(pattern.problem(with: "AVC-0123") != nil, "the whole code must match")
    // A pattern cannot let in what no code may be: lower case, spaces.
    let loose = try #require(ParticipantCodePattern(".*"))
    #expect(loose.problem(with: "Jeanne D") != nil)
    #expect(ParticipantCodePattern("([") == nil)
  }
}
