import SessionModel
import Store
import TestSupport
import Testing

@testable import Research

/// One row per present participant × presented trial, answered or not: a patient who never takes
/// the floor is in the table, where `measures.csv` cannot show them.
@Suite struct ParticipationTests {
  /// `P01:T1=1` for each row, in the table's order.
  static func answers(_ rows: [ParticipationRow]) -> [String] {
    rows.map { "\($0.participantCode.rawValue):\($0.trial.id.rawValue)=\($0.answered ? 1 : 0)" }
  }

  @Test func aParticipantWhoSkipsATrialAndOneWhoAnswersNothingHaveRowsAnsweredZero() {
    var fixture = ParticipationFixture()
    fixture.run("S01")
    for participant in ["P01", "P02", "P03"] { fixture.attend(participant, .present) }
    for trial: TrialID in ["T1", "T2", "T3"] {
      fixture.show(trial, in: "S01")
      fixture.answer("P01", trial, in: "S01")
      if trial != "T2" { fixture.answer("P02", trial, in: "S01") }
    }
    let rows = fixture.snapshot.participation
    #expect(
      Self.answers(rows) == [
        "P01:T1=1", "P02:T1=1", "P03:T1=0", "P01:T2=1", "P02:T2=0", "P03:T2=0", "P01:T3=1", "P02:T3=1", "P03:T3=0",
      ])
    #expect(rows.filter { !$0.answered }.allSatisfy { $0.noAnswer == .noTake })
    #expect(rows.filter(\.answered).allSatisfy { $0.noAnswer == nil })
    // measures.csv has the five answers only; the four non-answers exist here alone.
    #expect(fixture.snapshot.analysedAnswers.count == 5)
  }

  @Test func trialsNeverShownAndAbsentParticipantsHaveNoRow() {
    var fixture = ParticipationFixture()
    fixture.run("S01")
    fixture.attend("P01", .present)
    fixture.attend("P02", .present)
    fixture.attend("P03", .absent)
    // The session stopped after T2: T3 was planned and never shown.
    fixture.show("T1", in: "S01")
    fixture.show("T2", in: "S01")
    fixture.answer("P01", "T1", in: "S01")
    #expect(Self.answers(fixture.snapshot.participation) == ["P01:T1=1", "P02:T1=0", "P01:T2=0", "P02:T2=0"])
  }

  @Test func theReasonSaysWhetherATakeWasLost() {
    var fixture = ParticipationFixture()
    fixture.run("S01")
    for participant in ["P01", "P02", "P03"] { fixture.attend(participant, .present) }
    fixture.show("T1", in: "S01")
    fixture.lostTake(
      "P01", "T1", in: "S01",
      then: .recording(.unfiled(fixture.take("P01", "T1"), path: "T1-P01.wav", reason: "disk full")))
    fixture.lostTake(
      "P02", "T1", in: "S01",
      then: .recording(
        .failed(
          RecordingFailure(trial: TrialTag(trial: "T1", number: 1), take: fixture.take("P02", "T1"), reason: "device"))
      ))
    fixture.lostTake("P03", "T1", in: "S01")
    let reasons = fixture.snapshot.participation.map { $0.noAnswer }
    #expect(reasons == [.takeUnfiled, .takeFailed, .takeNotFiled])
  }

  /// A latecomer's take recorded before the therapist named them is theirs: lost, it is a lost take
  /// of that participant, not a trial they never answered.
  @Test func aLatecomersLostTakeFromBeforeTheNamingIsTheirs() {
    var fixture = ParticipationFixture()
    fixture.run("S01")
    fixture.attend("P02", .present)
    fixture.show("T1", in: "S01")
    let seat = PlayerNumber(rawValue: 4)!
    let unnamed = AnswerTake(trial: "T1", player: seat, participant: nil, turn: 1, redo: 0)
    fixture.log("S01", .recording(.started(unnamed)))
    fixture.log("S01", .recording(.unfiled(unnamed, path: "T1-player4-turn1.wav", reason: "disk full")))
    fixture.log("S01", .seating(.attributed(player: seat, participant: code("P02"))))
    #expect(fixture.snapshot.participation.map(\.noAnswer) == [.takeUnfiled])
  }

  /// A latecomer was not at the table for the images shown before they came: no row of theirs
  /// there, unless they answered it; from their join on, their trials count.
  @Test func aLatecomerHasRowsFromTheTrialsShownAfterTheyCame() {
    var fixture = ParticipationFixture()
    fixture.run("S01")
    for participant in ["P01", "P02", "P03"] { fixture.attend(participant, .present) }
    fixture.show("T1", in: "S01")
    fixture.show("T2", in: "S01")
    for (seat, latecomer) in [(4, "P02"), (5, "P03")] {
      let player = PlayerNumber(rawValue: seat)!
      fixture.log(
        "S01",
        .seating(.joined(player: player, pad: PadID(rawValue: seat), avatar: "owl", participant: nil, late: true)))
      fixture.log("S01", .seating(.attributed(player: player, participant: code(latecomer))))
    }
    fixture.answer("P03", "T2", in: "S01")
    fixture.show("T3", in: "S01")
    let rows = fixture.snapshot.participation.map { "\($0.participantCode.rawValue) \($0.trial.id.rawValue)" }
    #expect(rows == ["P01 T1", "P01 T2", "P03 T2", "P01 T3", "P02 T3", "P03 T3"])
  }

  @Test func aTrialSkippedOnItsImageWasNotAsked() {
    var fixture = ParticipationFixture()
    fixture.run("S01")
    fixture.attend("P01", .present)
    fixture.attend("P02", .present)
    fixture.show("T1", in: "S01", asked: false)
    fixture.show("T2", in: "S01")
    let rows = fixture.snapshot.participation
    #expect(rows.map(\.wasAsked) == [false, false, true, true])
    #expect(rows.map(\.noAnswer) == [.notAsked, .notAsked, .noTake, .noTake])
  }

  @Test func anImageOrQuestionLoggedWithoutItsTrialBelongsToTheTrialUnderWay() {
    var fixture = ParticipationFixture()
    fixture.run("S01")
    fixture.attend("P01", .present)
    let trial = StoreFixtures.firstSession.trials[0]
    fixture.log(
      "S01",
      .trial(
        .started(
          TrialTag(trial: trial.id, number: nil), condition: trial.condition, stimulus: trial.stimulus, game: nil,
          scent: nil)))
    fixture.log("S01", .trial(.stimulusShown(nil, stimulus: trial.stimulus, image: "verger.png")))
    fixture.log("S01", .trial(.evocationStarted(nil)))
    let rows = fixture.snapshot.participation
    #expect(Self.answers(rows) == ["P01:T1=0"])
    #expect(rows.map(\.noAnswer) == [.noTake])
  }

  @Test func aRefusedScentMakesTheTrialImageAloneForEveryoneAsInMeasures() {
    var fixture = ParticipationFixture()
    fixture.run("S01")
    fixture.attend("P01", .present)
    fixture.attend("P02", .present)
    fixture.show("T2", in: "S01", scentRefused: true)
    fixture.answer("P01", "T2", in: "S01")
    let rows = fixture.snapshot.participation
    #expect(rows.map(\.plannedCondition) == [.imageScent, .imageScent])
    #expect(rows.map(\.deliveredCondition) == [.image, .image])
    #expect(rows.map(\.scent?.outcome) == [.refused, .refused])
    #expect(fixture.snapshot.analysedAnswers.map(\.deliveredCondition) == [.image])
  }

  @Test func aResumedRunCountsEachPlannedAnswerOnceWhereItsTakeWasRecorded() {
    var fixture = ParticipationFixture()
    fixture.attend("P01", .present)
    fixture.attend("P02", .present)
    // Run A is killed during T2; run B resumes it at T2, shows it again, then T3.
    fixture.run("S01-A")
    fixture.show("T1", in: "S01-A")
    fixture.answer("P01", "T1", in: "S01-A")
    fixture.show("T2", in: "S01-A")
    fixture.run("S01-B", resumes: "S01-A")
    fixture.show("T2", in: "S01-B")
    fixture.answer("P02", "T2", in: "S01-B")
    fixture.show("T3", in: "S01-B")
    let rows = fixture.snapshot.participation
    #expect(
      Self.answers(rows) == ["P01:T1=1", "P02:T1=0", "P01:T2=0", "P02:T2=1", "P01:T3=0", "P02:T3=0"])
    #expect(rows.map(\.session.id) == ["S01-A", "S01-A", "S01-B", "S01-B", "S01-B", "S01-B"])
  }

  @Test func aCatchUpRunCountsWhoMadeTheSessionUpNotThoseAlreadyPresent() {
    var fixture = ParticipationFixture()
    fixture.attend("P01", .present)
    fixture.attend("P02", .leftEarly)
    fixture.attend("P03", .absent, madeUpIn: "S01-catch-up")
    fixture.run("S01")
    fixture.show("T1", in: "S01")
    fixture.answer("P01", "T1", in: "S01")
    fixture.run("S01-catch-up")
    fixture.show("T1", in: "S01-catch-up")
    let rows = fixture.snapshot.participation
    #expect(Self.answers(rows) == ["P01:T1=1", "P02:T1=0", "P03:T1=0"])
    #expect(rows.map(\.isMakeUp) == [false, false, true])
    #expect(rows.map(\.attendance) == [.present, .leftEarly, .present])
    #expect(rows.map(\.session.id) == ["S01", "S01", "S01-catch-up"])
  }
}
