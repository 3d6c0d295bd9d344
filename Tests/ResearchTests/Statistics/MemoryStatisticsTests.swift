import SessionModel
import SpeechKit
import Store
import TestSupport
import Testing

@testable import Research

/// What statistics make of a memory coding kept beside the automatic count.
@Suite struct MemoryStatisticsTests {
  let answer = AnswerKey(session: "S01", trial: "T1", participant: code("P01"))

  func analysed(_ coding: MemoryCoding?, source: TranscriptSource? = .chat) -> AnalysedAnswer {
    var measures = AnswerMeasures(answer: answer, automaticMemories: 3, ruleSetVersion: "wc-fr-chat-1.0")
    measures.transcriptSource = source
    let session = StoreFixtures.firstSession
    return AnalysedAnswer(
      session: session, trial: session.trials[0], group: nil, measures: measures, recording: nil, coding: coding,
      takes: 1, scent: nil)
  }

  @Test func statisticsCountTheConfirmedEpisodesElseTheAutomaticOnes() throws {
    let coding = MemoryCoding.confirmed(1, by: "ORT1", at: StoreFixtures.morning)
    #expect(StatisticsMeasure.memories.value(of: analysed(coding)) == 1)
    #expect(StatisticsMeasure.memories.source(of: analysed(coding)) == "coder")
    // Nobody coded it: the automatic pre-coding, labelled so.
    #expect(StatisticsMeasure.memories.value(of: analysed(nil)) == 3)
    #expect(StatisticsMeasure.memories.source(of: analysed(nil)) == "automatic")
    #expect(StatisticsMeasure.automaticMemories.value(of: analysed(coding)) == 3)
  }

  /// The automatic pre-coding of an unreviewed speech-recognition draft is provisional like its
  /// words; a coder's count on such an answer is a coder's reading and counts.
  @Test func uncodedMemoriesOfADraftAreProvisional() throws {
    let coding = MemoryCoding.confirmed(1, by: "ORT1", at: StoreFixtures.morning)
    #expect(StatisticsMeasure.memories.readsDraft(of: analysed(nil, source: .asr)))
    #expect(!StatisticsMeasure.memories.readsDraft(of: analysed(coding, source: .asr)))
    #expect(!StatisticsMeasure.memories.readsDraft(of: analysed(nil, source: .reviewed)))
    #expect(StatisticsMeasure.automaticMemories.readsDraft(of: analysed(coding, source: .asr)))
  }

  /// The study report's trajectories leave the draft's automatic count out, as the statistics do.
  @Test func trajectoriesLeaveOutUncodedMemoriesOfADraft() throws {
    let coding = MemoryCoding.confirmed(1, by: "ORT1", at: StoreFixtures.morning)
    #expect(StudyReport.trajectory(of: .memories, answers: [analysed(nil, source: .asr)]).isEmpty)
    let coded = StudyReport.trajectory(of: .memories, answers: [analysed(coding, source: .asr)])
    #expect(coded.map { $0.points.map(\.participants) } == [[1]])
  }
}
