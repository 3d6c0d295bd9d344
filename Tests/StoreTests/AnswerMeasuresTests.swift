import SessionModel
import Store
import Testing

@Suite struct AnswerMeasuresTests {
  struct DerivedCase: Sendable, CustomTestStringConvertible {
    let testDescription: String
    let measures: AnswerMeasures
    let speechDuration: Double?
    let ideaDensity: Double?
  }

  static let answer = AnswerKey(session: "S01", trial: "T1", participant: code("P01"))

  @Test(arguments: [
    DerivedCase(
      testDescription: "both times and counts",
      measures: AnswerMeasures(
        answer: answer, firstWordOnsetSeconds: 0.5, lastWordOffsetSeconds: 3, words: 8, ideas: 2,
        ruleSetVersion: "wc-fr-chat-1.0"),
      speechDuration: 2.5, ideaDensity: 2.5),
    DerivedCase(
      testDescription: "no word spoken",
      measures: AnswerMeasures(answer: answer, words: 0, ideas: 0, ruleSetVersion: "wc-fr-chat-1.0"),
      speechDuration: nil, ideaDensity: nil),
    DerivedCase(
      testDescription: "ideas not coded",
      measures: AnswerMeasures(
        answer: answer, firstWordOnsetSeconds: 1, lastWordOffsetSeconds: 1.5, words: 3,
        ruleSetVersion: "wc-fr-chat-1.0"),
      speechDuration: 0.5, ideaDensity: nil),
  ])
  func derivedMeasuresFollowTheirDefinitions(_ example: DerivedCase) {
    #expect(example.measures.speechDurationSeconds == example.speechDuration)
    #expect(example.measures.ideaDensity == example.ideaDensity)
  }
}
