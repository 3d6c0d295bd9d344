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
