import Foundation
import SessionModel
import SpeechKit
import Store
import TestSupport
import Testing

@Suite struct ReviewSavesTests {
  @Test func coderCodesAreCodesOnly() throws {
    let database = try SessionDatabase.inMemory()
    #expect(try database.review.addCoder("ORT1") == CoderCode(rawValue: "ORT1"))
    try database.review.addCoder("ORT1")
    try database.review.addCoder("RA-2")
    #expect(try database.review.coders().map(\.rawValue) == ["ORT1", "RA-2"])
    for name in ["Marie", "ort1", "", "1ORT", "ORT 1", "ÉLODIE", String(repeating: "A", count: 17)] {
      #expect(throws: StoreError.coderIsNotACode(name)) { try database.review.addCoder(name) }
    }
  }

  @Test func aReviewedTimingIsKeptBesideTheAutomaticOne() throws {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    let review = fixture.database.review
    let before = try review.view(of: fixture.first, for: fixture.ort1)
    let timing = ReviewedTiming(firstWordOnsetSeconds: 0.61, lastWordOffsetSeconds: 2.42)
    let after = try review.saveTiming(timing, of: fixture.first, by: fixture.ort1, basedOn: before.revision)

    #expect(after.revision == before.revision + 1)
    #expect(after.own.timing == timing)
    #expect(after.automatic.firstWordOnsetSeconds == 0.5)
    #expect(try fixture.database.measures.fetch(fixture.first)?.firstWordOnsetSeconds == 0.5)
    #expect(try review.coders() == [fixture.ort1])

    let corrected = ReviewedTiming(firstWordOnsetSeconds: 0.6, lastWordOffsetSeconds: 2.4)
    try review.saveTiming(corrected, of: fixture.first, by: fixture.ort1, basedOn: after.revision)
    #expect(try review.records()[fixture.first]?.coders[fixture.ort1]?.timing == corrected)
  }

  struct TimingCase: Sendable, CustomTestStringConvertible {
    let testDescription: String
    let timing: ReviewedTiming
  }

  @Test(arguments: [
    TimingCase(
      testDescription: "before 0", timing: ReviewedTiming(firstWordOnsetSeconds: -0.1, lastWordOffsetSeconds: 1)),
    TimingCase(
      testDescription: "past the end", timing: ReviewedTiming(firstWordOnsetSeconds: 1, lastWordOffsetSeconds: 3.5)),
    TimingCase(
      testDescription: "last first", timing: ReviewedTiming(firstWordOnsetSeconds: 2, lastWordOffsetSeconds: 1)),
    TimingCase(
      testDescription: "one mark", timing: ReviewedTiming(firstWordOnsetSeconds: 1, lastWordOffsetSeconds: nil)),
    TimingCase(
      testDescription: "not finite", timing: ReviewedTiming(firstWordOnsetSeconds: 1, lastWordOffsetSeconds: .infinity)),
  ])
  func impossibleMarksAreRefusedAndNothingIsWritten(_ example: TimingCase) throws {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    let review = fixture.database.review
    let view = try review.view(of: fixture.first, for: fixture.ort1)
    #expect(throws: StoreError.reviewRefused(.timingOutOfRange(example.timing, recordingDuration: 3))) {
      try review.saveTiming(example.timing, of: fixture.first, by: fixture.ort1, basedOn: view.revision)
    }
    #expect(try review.view(of: fixture.first, for: fixture.ort1) == view)
    #expect(try fixture.database.eventLog.allEvents().isEmpty)
  }

  @Test func noSpeechIsAReviewedTimingToo() throws {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    let view = try fixture.database.review.saveTiming(
      .noSpeech, of: fixture.first, by: fixture.ort1, basedOn: fixture.revision(of: fixture.first))
    #expect(view.own.timing == .noSpeech)
  }

  @Test func memoryCodingsKeepEachCoderAndReplaceOnlyTheirOwn() throws {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    let review = fixture.database.review
    try fixture.codeMemories(3, specific: 1, of: fixture.first, by: fixture.ort1)
    try fixture.codeMemories(2, specific: 2, of: fixture.first, by: fixture.ort2)
    try fixture.codeMemories(4, specific: 1, of: fixture.first, by: fixture.ort1)

    let coders = try #require(try review.records()[fixture.first]).coders
    #expect(coders[fixture.ort1]?.memories == MemoryCount(memories: 4, specific: 1))
    #expect(coders[fixture.ort2]?.memories == MemoryCount(memories: 2, specific: 2))
    let stored = try fixture.database.measures.codings(of: fixture.first)
    #expect(stored.map(\.coder) == ["ORT2", "ORT1"])
    #expect(stored.last?.confirmed?.filter { $0.specificity == .specific }.count == 1)
    #expect(stored.last?.confirmed?.count == 4)
  }

  @Test(arguments: [
    MemoryCount(memories: -1, specific: nil), MemoryCount(memories: 2, specific: 3),
    MemoryCount(memories: 2, specific: -1),
  ])
  func impossibleCountsAreRefused(_ count: MemoryCount) throws {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    #expect(throws: StoreError.reviewRefused(.impossibleMemoryCount(count))) {
      try fixture.database.review.saveMemories(
        count, of: fixture.first, by: fixture.ort1, basedOn: fixture.revision(of: fixture.first))
    }
    #expect(try fixture.database.measures.codings(of: fixture.first).isEmpty)
  }

  @Test func aConsensusNeedsTwoCodingsAndKeepsBoth() throws {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    let review = fixture.database.review
    try fixture.codeMemories(3, specific: 1, of: fixture.first, by: fixture.ort1)
    #expect(throws: StoreError.reviewRefused(.consensusBeforeTwoCodings(.memories))) {
      try review.saveConsensus(
        2, for: .memories, of: fixture.first, by: fixture.ort1, basedOn: fixture.revision(of: fixture.first))
    }
    try fixture.codeMemories(1, specific: 0, of: fixture.first, by: fixture.ort2)
    #expect(throws: StoreError.reviewRefused(.impossibleConsensus(.memories, 2.5))) {
      try review.saveConsensus(
        2.5, for: .memories, of: fixture.first, by: fixture.ort1, basedOn: fixture.revision(of: fixture.first))
    }
    let agreedAt = StoreFixtures.morning
    let view = try review.saveConsensus(
      2, for: .memories, of: fixture.first, by: fixture.ort1, basedOn: fixture.revision(of: fixture.first),
      at: agreedAt)
    #expect(view.consensus[.memories] == Consensus(value: 2, recordedBy: fixture.ort1, recordedAt: agreedAt))
    #expect(view.state == .agreed)
    let stored = try #require(try review.records()[fixture.first])
    #expect(stored.values(of: .memories).map(\.value) == [3, 1])
  }

  /// An agreed memory count is bound as each coder's is (``MemoryCount/largest``); words are not.
  @Test(arguments: [
    (ReviewedMeasure.memories, 100.0, false), (.memories, 99, true), (.specificMemories, 100, false),
    (.specificMemories, 99, true), (.words, 100, true),
  ])
  func aConsensusCountIsBoundAsTheCodersCountsAre(_ measure: ReviewedMeasure, _ value: Double, _ accepted: Bool)
    throws
  {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    let review = fixture.database.review
    try fixture.codeMemories(3, specific: 1, of: fixture.first, by: fixture.ort1)
    try fixture.codeMemories(1, specific: 0, of: fixture.first, by: fixture.ort2)
    for coder in [fixture.ort1, fixture.ort2] where measure == .words {
      try review.saveTranscript(
        "le verger de mon grand-père\n", as: .plainText, of: fixture.first, by: coder,
        basedOn: fixture.revision(of: fixture.first))
    }
    let save = {
      try review.saveConsensus(
        value, for: measure, of: fixture.first, by: fixture.ort1, basedOn: fixture.revision(of: fixture.first))
    }
    if accepted {
      #expect(try save().consensus[measure]?.value == value)
    } else {
      #expect(throws: StoreError.reviewRefused(.impossibleConsensus(measure, value))) { try save() }
      #expect(try review.records()[fixture.first]?.consensus[measure] == nil, "nothing saved")
      #expect(
        StoreError.reviewRefused(.impossibleConsensus(measure, value)).message.french.contains("de 0 à 99"),
        "the message says the range")
    }
  }

  @Test func aCodingSheetsCodingIsACodingToo() throws {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    try fixture.database.measures.save(
      MemoryCoding.confirmed(2, by: "ORT1", at: StoreFixtures.morning), for: fixture.first)
    let review = fixture.database.review
    #expect(
      try review.records()[fixture.first]?.coders[fixture.ort1]?.memories == MemoryCount(memories: 2, specific: nil))
    // The sheet's coding moved the revision on, and a review coding by the same coder replaces it.
    let view = try review.view(of: fixture.first, for: fixture.ort1)
    #expect(view.revision == 2)
    try review.saveMemories(MemoryCount(memories: 3, specific: 1), of: fixture.first, by: fixture.ort1, basedOn: 2)
    #expect(try fixture.database.measures.codings(of: fixture.first).map { $0.confirmed?.count } == [3])
  }

  @Test func everySaveLogsOneEventNamingTheAnswerByItsOpaqueID() throws {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    let review = fixture.database.review
    let id = try review.id(of: fixture.first)
    try fixture.markTiming(0.5, 2, of: fixture.first, by: fixture.ort1)
    try fixture.markTiming(0.75, 2, of: fixture.first, by: fixture.ort1)
    try fixture.codeMemories(2, specific: 1, of: fixture.first, by: fixture.ort1)

    let events = try fixture.database.eventLog.allEvents().map(\.event)
    #expect(events.map(\.type.rawValue) == ["review.timing_saved", "review.timing_saved", "review.memories_coded"])
    #expect(events.allSatisfy { $0.session == fixture.first.session })
    #expect(events.allSatisfy { $0.payload["answer"] == id && $0.payload["coder"] == "ORT1" })
    #expect(events[0].payload["before"] == "")
    #expect(events[1].payload["before"] == #"{"t_first_word_s":0.5,"t_last_word_end_s":2}"#)
    #expect(events[1].payload["after"] == #"{"t_first_word_s":0.75,"t_last_word_end_s":2}"#)
    #expect(events[2].payload["after"] == #"{"memories_n":2,"specific_n":1}"#)
    #expect(events.map(\.payload["revision"]) == ["2", "3", "4"])
    // Typed: each reads back as its catalogue case, not as an unknown event.
    #expect(events.allSatisfy { if case .review = $0.kind { true } else { false } })
    // Blind: no event names the trial, the participant or a file.
    for value in events.flatMap({ $0.payload.filter { $0.key != "coder" }.values }) {
      #expect(!value.contains("T1") && !value.contains("P01") && !value.contains("S01") && !value.contains("/"))
    }
  }

  @Test func opaqueIDsNameMeasuredAnswersAndNothingElse() throws {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    let review = fixture.database.review
    let id = try review.id(of: fixture.second)
    #expect(id.hasPrefix("A-") && id.count == 14)
    #expect(try review.answer(withID: id) == fixture.second)
    for other in ["../audio/T1-P01-turn1.wav", "A-000000000000", "S01/T1/P01", "", id + "0"] {
      #expect(try review.answer(withID: other) == nil)
    }
  }

  @Test func theQueueIsInOpaqueOrderWithEachAnswersState() throws {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    let review = fixture.database.review
    try fixture.database.measures.save(
      AnswerMeasures(
        answer: fixture.second, firstWordOnsetSeconds: 0.5, lastWordOffsetSeconds: 2.5, ruleSetVersion: "vad-1.0"))
    try fixture.codeMemories(1, specific: 0, of: fixture.first, by: fixture.ort1)
    let queue = try review.queue()
    #expect(queue.map(\.id) == queue.map(\.id).sorted())
    let states = Dictionary(uniqueKeysWithValues: queue.map { ($0.answer, $0.state) })
    #expect(states == [fixture.first: .codedOnce, fixture.second: .toTranscribe])
    #expect(try review.queue(in: ["S02"]).isEmpty)
    let page = try review.queuePage(offset: 1, limit: 5)
    #expect(page.total == 2)
    #expect(page.entries == [queue[1]])
    #expect(try review.queuePage(offset: 2, limit: 5).entries.isEmpty)
  }
}
