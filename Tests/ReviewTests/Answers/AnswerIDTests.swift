import Testing

@testable import Review

struct AnswerIDTests {
  @Test(arguments: ["A-0123456789ab", "A-ffffffffffff"])
  func acceptsAnOpaqueID(_ id: String) {
    #expect(AnswerID.isWellFormed(id))
  }

  @Test(arguments: [
    "", "A-", "A-0123456789AB", "A-0123456789abc", "B-0123456789ab", "../../etc/passwd", "A-../../../x",
    "audio/S01/T1-P01-turn1.wav", "A-0123456789a/", "A-%2e%2e%2f%2e%2e", "A-0123456789aé",
  ])
  func refusesAnythingElse(_ id: String) {
    #expect(!AnswerID.isWellFormed(id))
  }
}
