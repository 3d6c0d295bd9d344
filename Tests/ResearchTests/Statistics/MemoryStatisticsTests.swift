import SessionModel
import SpeechKit
import Store
import Testing

@testable import Research

/// What statistics make of a memory coding kept beside the automatic count.
@Suite struct MemoryStatisticsTests {
  let answer = AnswerKey(session: "S01", trial: "T1", participant: code("P01"))

  @Test func statisticsCountTheConfirmedEpisodesNotTheAutomaticOnes() throws {
    let measures = AnswerMeasures(answer: answer, automaticMemories: 3, ruleSetVersion: "wc-fr-chat-1.0")
    let coding = MemoryCoding.confirmed(1, by: "ORT1", at: StoreFixtures.morning)
    #expect(StatisticsMeasure.memories.value(of: measures, coding: coding) == 1)
    #expect(StatisticsMeasure.memories.value(of: measures, coding: nil) == nil)
    #expect(StatisticsMeasure.automaticMemories.value(of: measures, coding: coding) == 3)
  }
}
