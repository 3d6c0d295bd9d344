import Foundation
import SpeechKit
import Store
import TestSupport
import Testing

@testable import Review

/// The desk as the server drives it, without HTTP: the blind queue, each answer's page, saves.
struct ReviewDeskTests {
  @Test func pagesTheQueueInABlindOrder() throws {
    let study = try ReviewStudyFixture(participants: 3, trials: 4)
    defer { study.remove() }
    let desk = try ReviewDesk(database: study.database)
    let first = try desk.queue(QueueRequest(page: 1, pageSize: 5))
    let last = try desk.queue(QueueRequest(page: 3, pageSize: 5))
    #expect(first.matching == 12)
    #expect(first.pageCount == 3)
    #expect(first.items.map(\.position) == [1, 2, 3, 4, 5])
    #expect(last.items.map(\.position) == [11, 12])
    #expect(first.stateCounts[.toTranscribe] == 12)
    let ids =
      first.items.map(\.id) + (try desk.queue(QueueRequest(page: 2, pageSize: 5))).items.map(\.id)
      + last.items.map(\.id)
    #expect(ids.allSatisfy(AnswerID.isWellFormed))
    #expect(Set(ids).count == 12)
    // The order follows the opaque ids, not sessions, trials or participants.
    #expect(ids == ids.sorted())
    let byTrial = try study.answers.map { try study.database.review.id(of: $0) }
    #expect(ids != byTrial)
  }

  /// A page number no queue reaches (typed in the address) is bounded as one below 1 is: an
  /// empty page that still counts the queue, never an offset past `Int.max`.
  @Test(arguments: [
    (Int.max, QueueRequest.largestPageSize), (Int.max / 2, QueueRequest.largestPageSize),
    (Int.max, QueueRequest.defaultPageSize), (QueueRequest.largestPage + 1, 1),
  ])
  func boundsAPageNumberPastAnyQueue(_ page: Int, _ size: Int) throws {
    let study = try ReviewStudyFixture()
    defer { study.remove() }
    let desk = try ReviewDesk(database: study.database)
    let queue = try desk.queue(QueueRequest(page: page, pageSize: size))
    #expect(queue.request.page == QueueRequest.largestPage)
    #expect(queue.items.isEmpty)
    #expect(queue.matching == study.answers.count)
  }

  @Test func filtersTheQueueByState() throws {
    let study = try ReviewStudyFixture()
    defer { study.remove() }
    let desk = try ReviewDesk(database: study.database)
    let id = try desk.queue(QueueRequest()).items[0].id
    let page = try desk.answerPage(id, for: CoderCode(rawValue: "ORT1")!)
    _ = try desk.saveTranscript("le café.", mode: .plainText, of: id, by: "ORT1", basedOn: page.view.revision)
    let transcribed = try desk.queue(QueueRequest(state: .transcribed), for: CoderCode(rawValue: "ORT1"))
    #expect(transcribed.items.map(\.id) == [id])
    #expect(transcribed.items.map(\.savedByMe) == [true])
    #expect(transcribed.stateCounts[.toTranscribe] == study.answers.count - 1)
  }

  @Test func opensTheTranscriptBesideTheRecording() throws {
    let study = try ReviewStudyFixture()
    defer { study.remove() }
    let desk = try ReviewDesk(database: study.database)
    let coder = CoderCode(rawValue: "ORT1")!
    let typed = try desk.answerPage(study.database.review.id(of: study.answers[0]), for: coder)
    #expect(typed.transcript == ReviewStudyFixture.typedTranscript)
    #expect(typed.mode == .plainText)
    #expect(typed.analysis.measures?.wordCounts.words == 10)  // typed text: "1962" is one word (rule set 1b)
    #expect(typed.waveform.durationSeconds == 3)
    #expect(typed.speech == [SpeechSegment(start: ReviewStudyFixture.speechStart, end: ReviewStudyFixture.speechEnd)])

    let draft = try desk.answerPage(study.database.review.id(of: study.answers[1]), for: coder)
    #expect(draft.draftFormat == .webVTT)
    #expect(draft.mode == .plainText)
    #expect(!draft.transcript.contains("-->"))
    #expect(draft.analysis.measures?.wordCounts.filledPauses == 1)

    let empty = try desk.answerPage(study.database.review.id(of: study.answers[2]), for: coder)
    #expect(empty.transcript.isEmpty)
    #expect(empty.draftFormat == nil)
  }

  @Test func listsTheWordsASpeechRecognitionDraftIsUnsureOf() throws {
    let study = try ReviewStudyFixture()
    defer { study.remove() }
    // The therapist's question (INV, from prompt matching) is left out even where it is unsure.
    let draft = #"""
      {"transcript_source": "asr", "segments": [
        {"speaker": "INV", "start": 0.1, "end": 0.5, "text": " Ça vous rappelle ?",
         "words": [{"word": " rappelle", "start": 0.1, "end": 0.5, "probability": 0.2}]},
        {"speaker": "PAR", "start": 0.6, "end": 2.4, "text": " Le verger de Mamie",
         "words": [{"word": " Le", "start": 0.6, "end": 0.8, "probability": 0.97},
                   {"word": " verger", "start": 0.8, "end": 1.3, "probability": 0.41},
                   {"word": " de", "start": 1.3, "end": 1.5, "probability": 0.9},
                   {"word": " Mamie", "start": 1.5, "end": 2.4, "probability": 0.12}]}]}
      """#
    try draft.write(to: study.transcript(of: study.answers[2], extension: "json"), atomically: true, encoding: .utf8)
    let desk = try ReviewDesk(database: study.database)
    let coder = CoderCode(rawValue: "ORT1")!

    let page = try desk.answerPage(study.database.review.id(of: study.answers[2]), for: coder)
    #expect(page.draftFormat == .asrJSON)
    #expect(page.uncertainWords.map(\.word) == ["verger", "Mamie"])
    #expect(page.uncertainWords.map(\.start) == [0.8, 1.5])
    let typed = try desk.answerPage(study.database.review.id(of: study.answers[0]), for: coder)
    #expect(typed.uncertainWords.isEmpty, "a person wrote it: no probabilities")
  }

  @Test func linksEachAnswerToItsNeighboursInTheQueue() throws {
    let study = try ReviewStudyFixture(participants: 2, trials: 2)
    defer { study.remove() }
    let desk = try ReviewDesk(database: study.database)
    let ids = try desk.queue(QueueRequest()).items.map(\.id)
    let pages = try ids.map { try desk.answerPage($0, for: CoderCode(rawValue: "ORT1")!) }
    #expect(pages.map(\.previous) == [nil] + ids.dropLast())
    #expect(pages.map(\.next) == Array(ids.dropFirst()) + [nil])
    #expect(pages.map(\.position) == [1, 2, 3, 4])
  }

  @Test(arguments: ["../connectage.sqlite", "audio/S01/T1-P01-turn1.wav", "A-000000000000", "", "A-0123456789AB"])
  func knowsNoAnswerByAnythingButItsID(_ id: String) throws {
    let study = try ReviewStudyFixture()
    defer { study.remove() }
    let desk = try ReviewDesk(database: study.database)
    #expect(throws: ReviewFailure.unknownAnswer) { try desk.answerPage(id, for: CoderCode(rawValue: "ORT1")!) }
    #expect(throws: ReviewFailure.unknownAnswer) { try desk.recordingFile(id) }
    #expect(throws: ReviewFailure.unknownAnswer) {
      try desk.saveMemories(MemoryCount(memories: 1, specific: 0), of: id, by: "ORT1", basedOn: 0)
    }
  }

  /// On a trial read back from the central server, a transcript is corrected at its site: the
  /// desk refuses to save one, and saves the rest.
  @Test func aCentralReviewLeavesTranscriptsToTheSites() throws {
    let study = try ReviewStudyFixture()
    defer { study.remove() }
    let desk = try ReviewDesk(database: study.database, editsTranscripts: false)
    let id = try desk.queue(QueueRequest()).items[0].id
    let page = try desk.answerPage(id, for: CoderCode(rawValue: "ORT2")!)
    #expect(!page.transcriptEditable, "the page shows the transcript read only")
    #expect(throws: ReviewFailure.refused(ReviewDesk.transcriptsStayAtTheSites)) {
      try desk.saveTranscript("le café.", mode: .plainText, of: id, by: "ORT2", basedOn: page.view.revision)
    }
    let saved = try desk.saveMemories(
      MemoryCount(memories: 1, specific: 0), of: id, by: "ORT2", basedOn: page.view.revision)
    #expect(saved.view.own.memories?.memories == 1 && !saved.view.own.savedTranscript)
  }

  @Test func savesTheTranscriptAndMeasuresAgain() throws {
    let study = try ReviewStudyFixture()
    defer { study.remove() }
    let desk = try ReviewDesk(database: study.database)
    let answer = study.answers[2]
    let id = try study.database.review.id(of: answer)
    let text = "Le jour de mon mariage en 1962, on a dansé toute la nuit chez mes parents."
    let loaded = try desk.answerPage(id, for: CoderCode(rawValue: "ORT1")!)
    #expect(loaded.transcriptEditable)
    let saved = try desk.saveTranscript(text, mode: .plainText, of: id, by: "ORT1", basedOn: loaded.view.revision)
    #expect(saved.view.revision == loaded.view.revision + 1)
    #expect(saved.view.state == .transcribed)
    #expect(saved.transcript == text)
    #expect(try String(contentsOf: study.transcript(of: answer, extension: "txt"), encoding: .utf8) == text)
    let expected = TranscriptCheck.analyze(text, mode: .plainText, participant: answer.participant.rawValue)
    #expect(try study.database.measures.fetch(answer)?.words == expected.measures?.wordCounts.words)
  }

  @Test func refusesATranscriptThatDoesNotReadAndWritesNothing() throws {
    let study = try ReviewStudyFixture()
    defer { study.remove() }
    let desk = try ReviewDesk(database: study.database)
    let answer = study.answers[2]
    let id = try study.database.review.id(of: answer)
    let revision = try desk.answerPage(id, for: CoderCode(rawValue: "ORT1")!).view.revision
    do {
      _ = try desk.saveTranscript("le café [de ma mère", mode: .plainText, of: id, by: "ORT1", basedOn: revision)
      Issue.record("an unreadable transcript was saved")
    } catch let failure {
      guard case .refused(let message) = failure else { throw failure }
      #expect(message.french.contains("1:"))
    }
    #expect(!FileManager.default.fileExists(atPath: study.transcript(of: answer, extension: "txt").path))
    #expect(try desk.answerPage(id, for: CoderCode(rawValue: "ORT1")!).view.revision == revision)
  }

  @Test func refusesAStaleSaveWithTheCurrentVersion() throws {
    let study = try ReviewStudyFixture()
    defer { study.remove() }
    let desk = try ReviewDesk(database: study.database)
    let id = try study.database.review.id(of: study.answers[0])
    let loaded = try desk.answerPage(id, for: CoderCode(rawValue: "ORT1")!)
    _ = try desk.saveTiming(
      ReviewedTiming(firstWordOnsetSeconds: 0.8, lastWordOffsetSeconds: 2.2), of: id, by: "ORT2",
      basedOn: loaded.view.revision)
    do {
      _ = try desk.saveTiming(
        ReviewedTiming(firstWordOnsetSeconds: 0.7, lastWordOffsetSeconds: 2.3), of: id, by: "ORT1",
        basedOn: loaded.view.revision)
      Issue.record("a stale save was written")
    } catch let failure {
      guard case .conflict(_, let current) = failure else { throw failure }
      #expect(current.view.revision == loaded.view.revision + 1)
      #expect(current.view.own.timing == nil)
    }
  }

  @Test func hidesTheOtherCodersValuesUntilBothSaved() throws {
    let study = try ReviewStudyFixture()
    defer { study.remove() }
    let desk = try ReviewDesk(database: study.database)
    let id = try study.database.review.id(of: study.answers[0])
    let revision = try desk.answerPage(id, for: CoderCode(rawValue: "ORT1")!).view.revision
    let first = try desk.saveMemories(
      MemoryCount(memories: 2, specific: 1), of: id, by: "ORT1", basedOn: revision)
    let second = CoderCode(rawValue: "ORT2")!
    let before = try desk.answerPage(id, for: second)
    #expect(before.view.hidden.contains(.memories))
    #expect(before.view.others.values.allSatisfy { $0.memories == nil })
    let after = try desk.saveMemories(
      MemoryCount(memories: 3, specific: 1), of: id, by: "ORT2", basedOn: first.view.revision)
    #expect(after.view.others[CoderCode(rawValue: "ORT1")!]?.memories == MemoryCount(memories: 2, specific: 1))
    #expect(after.view.state == .codedTwice)
    let agreed = try desk.saveConsensus(3, for: .memories, of: id, by: "ORT1", basedOn: after.view.revision)
    #expect(agreed.view.state == .agreed)
  }

  /// The page offers 0 to 99 memories: a larger count is refused with that range and not saved.
  @Test(arguments: [(99, true), (100, false), (999_999, false)])
  func boundsTheMemoryCountToWhatThePageOffers(_ memories: Int, _ accepted: Bool) throws {
    let study = try ReviewStudyFixture()
    defer { study.remove() }
    let desk = try ReviewDesk(database: study.database)
    let coder = CoderCode(rawValue: "ORT1")!
    let id = try study.database.review.id(of: study.answers[0])
    let revision = try desk.answerPage(id, for: coder).view.revision
    do {
      let saved = try desk.saveMemories(
        MemoryCount(memories: memories, specific: 0), of: id, by: coder.rawValue, basedOn: revision)
      #expect(accepted, "\(memories) memories were saved")
      #expect(saved.view.own.memories?.memories == memories)
    } catch let failure {
      guard case .refused(let message) = failure else { throw failure }
      #expect(!accepted, "\(memories) memories were refused")
      #expect(message.french.contains("\(memories) souvenirs") && message.french.contains("de 0 à 99"))
      #expect(message.english.contains("from 0 to 99"))
      #expect(try desk.answerPage(id, for: coder).view.own.memories == nil)
    }
  }

  /// Counts at the top of the page's range: the agreement page answers with its figure. Two coders
  /// give (0, 0), (99, 99), (99, 0): observed weighted agreement 2/3; the first coder's counts are
  /// one 0 and two 99, the second's two 0 and one 99, so chance is (1·2 + 2·1) / 9 = 4/9 (quadratic
  /// weight 0 between 0 and 99); κ_w = (2/3 − 4/9) / (1 − 4/9) = 0.4.
  @Test func reportsAgreementOnCountsAtTheTopOfTheRange() throws {
    let study = try ReviewStudyFixture(participants: 3, trials: 1)
    defer { study.remove() }
    let desk = try ReviewDesk(database: study.database)
    let codings = [(0, 0), (99, 99), (99, 0)]
    for (answer, (first, second)) in zip(study.answers, codings) {
      let id = try study.database.review.id(of: answer)
      let revision = try desk.answerPage(id, for: CoderCode(rawValue: "ORT1")!).view.revision
      let saved = try desk.saveMemories(
        MemoryCount(memories: first, specific: 0), of: id, by: "ORT1", basedOn: revision)
      _ = try desk.saveMemories(
        MemoryCount(memories: second, specific: 0), of: id, by: "ORT2", basedOn: saved.view.revision)
    }
    let memories = try #require(try desk.agreement().report.measures.first { $0.measure == .memories })
    #expect(memories.n == 3)
    #expect(abs(try #require(memories.value) - 0.4) < 1e-12)
    #expect(memories.disagreements.map { [$0.first.value, $0.second.value] } == [[99, 0]])
  }

  @Test(arguments: ["Marie", "ort1", "", "ORT1 DUPONT"])
  func refusesANameAsCoder(_ coder: String) throws {
    let study = try ReviewStudyFixture()
    defer { study.remove() }
    let desk = try ReviewDesk(database: study.database)
    let id = try study.database.review.id(of: study.answers[0])
    #expect {
      try desk.saveMemories(MemoryCount(memories: 1, specific: 0), of: id, by: coder, basedOn: 0)
    } throws: { error in
      guard case .refused = error as? ReviewFailure else { return false }
      return true
    }
  }

  @Test func refusesAStudyWithoutSessions() throws {
    let study = try ReviewStudyFixture()
    defer { study.remove() }
    #expect(throws: ReviewFailure.self) { try ReviewDesk(database: study.database, study: "autre") }
    #expect(try ReviewDesk(database: study.database, study: "espoir-avc").queue(QueueRequest()).matching == 8)
  }
}
