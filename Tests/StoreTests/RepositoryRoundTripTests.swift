import Foundation
import SessionModel
import SpeechKit
import Store
import TestSupport
import Testing

/// Every record type goes in and comes back unchanged.
@Suite struct RepositoryRoundTripTests {
  @Test func participantsRoundTripWithEveryPlanningField() throws {
    let database = try StoreFixtures.plannedDatabase()
    #expect(
      try database.participants.fetchAll() == [
        StoreFixtures.firstParticipant, StoreFixtures.secondParticipant, StoreFixtures.thirdParticipant,
      ])
    #expect(try database.participants.fetch(code("P09")) == nil)
  }

  @Test(arguments: AphasiaType.allCases)
  func everyAphasiaTypeRoundTrips(_ aphasia: AphasiaType) throws {
    let database = try SessionDatabase.inMemory()
    let participant = Participant(code: code("P01"), usableHand: .left, smell: .anosmic, aphasia: aphasia)
    try database.participants.add(participant)
    #expect(try database.participants.fetch(code("P01")) == participant)
  }

  @Test func addingATakenCodeIsRefusedAndKeepsTheFirstParticipant() throws {
    let database = try StoreFixtures.plannedDatabase()
    let impostor = Participant(code: code("P01"), usableHand: .left)
    #expect(throws: StoreError.participantAlreadyExists(code("P01"))) { try database.participants.add(impostor) }
    #expect(try database.participants.fetch(code("P01")) == StoreFixtures.firstParticipant)
  }

  @Test func saveUpdatesTheParticipantWithTheSameCode() throws {
    let database = try StoreFixtures.plannedDatabase()
    var changed = StoreFixtures.firstParticipant
    changed.smell = .hyposmic
    changed.arm = nil
    try database.participants.save(changed)
    #expect(try database.participants.fetch(code("P01")) == changed)
  }

  @Test func groupsRoundTripWithMembersInTheirOrder() throws {
    let database = try StoreFixtures.plannedDatabase()
    let reversed = ParticipantGroup(id: "G2", site: "EHPAD-LES-TILLEULS", members: [code("P03"), code("P01")])
    try database.groups.add(reversed)
    #expect(try database.groups.fetchAll() == [StoreFixtures.group, reversed])
    #expect(try database.groups.groups(of: code("P01")) == ["G1", "G2"])
    #expect(try database.groups.groups(of: code("P02")) == ["G1"])
  }

  struct GroupRefusal: Sendable, CustomTestStringConvertible {
    let testDescription: String
    let group: ParticipantGroup
    let error: StoreError
  }

  @Test(arguments: [
    GroupRefusal(
      testDescription: "unknown members are named",
      group: ParticipantGroup(id: "G2", members: [code("P01"), code("P08"), code("P09")]),
      error: .unknownParticipants([code("P08"), code("P09")])),
    GroupRefusal(
      testDescription: "more than ten members",
      group: ParticipantGroup(id: "G2", members: (1...11).map { ParticipantCode.numbered($0) }),
      error: .tooManyMembers(11)),
    GroupRefusal(
      testDescription: "a member twice",
      group: ParticipantGroup(id: "G2", members: [code("P01"), code("P02"), code("P01")]),
      error: .repeatedMember(code("P01"))),
    GroupRefusal(testDescription: "no member", group: ParticipantGroup(id: "G2"), error: .emptyGroup),
    GroupRefusal(
      testDescription: "identifier taken", group: ParticipantGroup(id: "G1", members: [code("P03")]),
      error: .groupAlreadyExists("G1")),
  ])
  func invalidGroupsAreRefusedAndNothingIsWritten(_ refusal: GroupRefusal) throws {
    let database = try StoreFixtures.plannedDatabase()
    #expect(throws: refusal.error) { try database.groups.add(refusal.group) }
    #expect(refusal.error.isBadInput)
    #expect(try database.groups.fetchAll() == [StoreFixtures.group])
  }

  @Test func studiesAndSitesRoundTrip() throws {
    let database = try SessionDatabase.inMemory()
    let study = Study(id: "espoir-avc", title: "Espoir AVC : évocation multisensorielle", protocolName: "espoir-avc")
    let site = Site(id: "CHU-NANTES", label: "Service de rééducation neurologique")
    try database.studies.save(study)
    try database.studies.save(site)
    #expect(try database.studies.fetch(StudyID("espoir-avc")) == study)
    #expect(try database.studies.fetch(SiteID("CHU-NANTES")) == site)
    #expect(try database.studies.fetch(StudyID("autre")) == nil)
  }

  /// A study keeps the plan of its first run; a seed past SQLite's integers survives.
  @Test func aStudyKeepsItsFirstPlan() throws {
    let database = try SessionDatabase.inMemory()
    try database.studies.save(Study(id: "espoir-avc", title: "Espoir AVC", protocolName: "espoir-avc"))
    #expect(try database.studies.plan(of: "espoir-avc") == nil)
    let first = PlanChoice(participants: 20, seed: UInt64.max)
    #expect(try database.studies.record(first, for: "espoir-avc") == first)
    #expect(try database.studies.record(PlanChoice(participants: 10, seed: 1), for: "espoir-avc") == first)
    #expect(try database.studies.plan(of: "espoir-avc") == first)
  }

  @Test func sessionsRoundTripWithTheirTrials() throws {
    let database = try StoreFixtures.plannedDatabase()
    #expect(try database.sessions.fetch("S01") == StoreFixtures.firstSession)
    #expect(try database.sessions.fetchAll() == [StoreFixtures.firstSession, StoreFixtures.secondSession])
    #expect(try database.sessions.fetchAll(study: "autre") == [StoreFixtures.secondSession])
    #expect(try database.trials.fetchAll(in: "S02") == StoreFixtures.secondSession.trials)
  }

  @Test func aTrialCanBeAddedToASavedSession() throws {
    let database = try StoreFixtures.plannedDatabase()
    let extra = Trial(
      id: "T4", number: 4, stimulus: "marche", condition: .imageGameScent, game: .thenAndNow, scent: "pain")
    try database.trials.save(extra, in: "S01")
    #expect(try database.trials.fetch("T4", in: "S01") == extra)
    #expect(try database.sessions.fetch("S01")?.trials == StoreFixtures.firstSession.trials + [extra])
  }

  @Test func recordingsRoundTripAndNeedAKnownTrial() throws {
    let database = try StoreFixtures.plannedDatabase()
    let recording = Recording(
      session: "S01", trial: "T2", participant: code("P02"), path: "audio/S01_T2_P02.wav",
      sha256: String(repeating: "ab", count: 32), durationSeconds: 12.5)
    try database.recordings.save(recording)
    let answer = AnswerKey(session: "S01", trial: "T2", participant: code("P02"))
    #expect(try database.recordings.fetch(answer) == recording)
    var elsewhere = recording
    elsewhere.trial = "T9"
    #expect(throws: StoreError.unknownTrial("S01", "T9")) { try database.recordings.save(elsewhere) }
    #expect(try database.recordings.fetchAll() == [recording])
  }

  @Test func measuresRoundTripAndANewAnalysisReplacesTheOld() throws {
    let database = try StoreFixtures.plannedDatabase()
    let answer = AnswerKey(session: "S01", trial: "T1", participant: code("P01"))
    let first = AnswerMeasures(
      answer: answer, firstWordOnsetSeconds: 1.25, lastWordOffsetSeconds: 6.75, speakingTimeSeconds: 4.1,
      pauseCount: 3, pauseTotalSeconds: 1.4, pauseThresholdMilliseconds: 250, words: 12, wordsSplit: 14, ideas: 3,
      automaticMemories: 1, ruleSetVersion: "wc-fr-chat-1.0")
    try database.measures.save(first)
    #expect(try database.measures.fetch(answer) == first)
    let empty = AnswerMeasures(answer: answer, pauseThresholdMilliseconds: 150, ruleSetVersion: "wc-fr-chat-1.1")
    try database.measures.save(empty)
    #expect(try database.measures.fetchAll() == [empty])
  }

  @Test func measuresOfAnUnknownParticipantAreRefused() throws {
    let database = try StoreFixtures.plannedDatabase()
    let answer = AnswerKey(session: "S01", trial: "T1", participant: code("P07"))
    #expect(throws: StoreError.unknownParticipant(code("P07"))) {
      try database.measures.save(AnswerMeasures(answer: answer, ruleSetVersion: "wc-fr-chat-1.0"))
    }
  }

  @Test func memoryCodingsKeepTheirHistoryAndTheLatestWins() throws {
    let database = try StoreFixtures.plannedDatabase()
    let answer = AnswerKey(session: "S01", trial: "T1", participant: code("P01"))
    try database.measures.save(AnswerMeasures(answer: answer, automaticMemories: 1, ruleSetVersion: "wc-fr-chat-1.0"))
    let first = MemoryCoding.confirmed(1, by: "ORT1", at: StoreFixtures.morning)
    let second = MemoryCoding.confirmed(2, by: "ORT2", at: StoreFixtures.morning.addingTimeInterval(86_400))
    try database.measures.save(first, for: answer)
    try database.measures.save(second, for: answer)
    #expect(try database.measures.codings(of: answer) == [first, second])
    #expect(try database.measures.latestCodings() == [answer: second])
  }

  struct CodingRefusal: Sendable, CustomTestStringConvertible {
    let testDescription: String
    let answer: AnswerKey
    let coding: MemoryCoding
    let error: StoreError
  }

  @Test(arguments: [
    CodingRefusal(
      testDescription: "a coder's name is refused",
      answer: AnswerKey(session: "S01", trial: "T1", participant: code("P01")),
      coding: MemoryCoding.confirmed(1, by: "Marie", at: StoreFixtures.morning),
      error: .coderIsNotACode("Marie")),
    CodingRefusal(
      testDescription: "an automatic coding nobody confirmed is refused",
      answer: AnswerKey(session: "S01", trial: "T1", participant: code("P01")),
      coding: MemoryCoding(automatic: [EvokedMemory(specificity: .general, text: "le verger")]),
      error: .unconfirmedCoding(AnswerKey(session: "S01", trial: "T1", participant: code("P01")))),
    CodingRefusal(
      testDescription: "an answer without measures is refused",
      answer: AnswerKey(session: "S01", trial: "T3", participant: code("P02")),
      coding: MemoryCoding.confirmed(1, by: "ORT1", at: StoreFixtures.morning),
      error: .unknownAnswer(AnswerKey(session: "S01", trial: "T3", participant: code("P02")))),
  ])
  func invalidCodingsAreRefused(_ refusal: CodingRefusal) throws {
    let database = try StoreFixtures.plannedDatabase()
    let answer = AnswerKey(session: "S01", trial: "T1", participant: code("P01"))
    try database.measures.save(AnswerMeasures(answer: answer, ruleSetVersion: "wc-fr-chat-1.0"))
    #expect(throws: refusal.error) { try database.measures.save(refusal.coding, for: refusal.answer) }
    #expect(try database.measures.latestCodings() == [:])
  }
}
