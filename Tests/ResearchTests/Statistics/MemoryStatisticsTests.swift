import SessionModel
import SpeechKit
import Store
import TestSupport
import Testing

@testable import Research

/// What statistics make of a memory coding kept beside the automatic count.
@Suite struct MemoryStatisticsTests {
  let answer = AnswerKey(session: "S01", trial: "T1", participant: code("P01"))

  @Test func statisticsCountTheConfirmedEpisodesNotTheAutomaticOnes() throws {
    let measures = AnswerMeasures(answer: answer, automaticMemories: 3, ruleSetVersion: "wc-fr-chat-1.0")
    let coding = MemoryCoding.confirmed(1, by: "ORT1", at: StoreFixtures.morning)
    func analysed(_ coding: MemoryCoding?) -> AnalysedAnswer {
      let session = StoreFixtures.firstSession
      return AnalysedAnswer(
        session: session, trial: session.trials[0], group: nil, measures: measures, recording: nil, coding: coding,
        takes: 1, scent: nil)
    }
    #expect(StatisticsMeasure.memories.value(of: analysed(coding)) == 1)
    #expect(StatisticsMeasure.memories.value(of: analysed(nil)) == nil)
    #expect(StatisticsMeasure.automaticMemories.value(of: analysed(coding)) == 3)
  }
}
