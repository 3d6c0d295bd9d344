import Foundation
import SessionModel
import Store
import TestSupport
import Testing

@testable import Research

/// The session report of the synthetic trial, its figures read back from the HTML and compared
/// with the database and with what the generator planted.
@Suite struct SessionReportTests {
  let trial = SyntheticTrialReports.trial

  func report(_ number: Int, _ language: Language = .french) throws -> (Session, ReportHTML) {
    let session = trial.sessions[number - 1]
    let html = try Reports.session(session.id, in: SyntheticTrialReports.database()).html(in: language)
    return (session, ReportHTML(text: html))
  }

  @Test(arguments: [1, 4, 11, 13])
  func seatsShowWhoCameAndWhoDidNot(number: Int) throws {
    let (session, html) = try report(number)
    let absent = trial.absent[session.id]!
    #expect(html.rows(["present": "0"]).count == absent.count)
    #expect(html.rows(["present": "1"]).count == 10 - absent.count)
    for code in absent {
      let row = try #require(html.rows(["participant": code.rawValue, "present": "0"]).first)
      #expect(ReportHTML.number("answers", in: row) == 0)
    }
  }

  @Test(arguments: [1, 6, 12])
  func everyAnswerShowsTheDatabaseValues(number: Int) throws {
    let (session, html) = try report(number)
    let measures = try SyntheticTrialReports.database().measures.fetchAll(in: session.id)
    #expect(!measures.isEmpty)
    for measure in measures {
      let row = try #require(
        html.rows(["participant": measure.answer.participant.rawValue, "trial": measure.answer.trial.rawValue]).first)
      #expect(ReportHTML.number("words", in: row) == measure.words.map(Double.init))
      let duration = try #require(ReportHTML.number("speech_duration_s", in: row))
      let stored = try #require(measure.lastWordOffsetSeconds) - (measure.firstWordOnsetSeconds ?? 0)
      #expect(abs(duration - stored) <= 0.051)
      #expect(
        ReportHTML.number("phonation_time_s", in: row).map { abs($0 - measure.speakingTimeSeconds!) <= 0.051 } == true)
    }
  }

  @Test func memoriesSayWhetherTheyAreAutomaticReviewedOrAgreed() throws {
    let database = try SyntheticTrialReports.database()
    let (first, coded) = try report(1)
    let agreed = try database.review.records(in: [first.id]).filter { !$0.value.consensus.isEmpty }.keys
    #expect(agreed.count == 3)
    for answer in agreed {
      let row = try #require(
        coded.rows(["participant": answer.participant.rawValue, "trial": answer.trial.rawValue]).first)
      #expect(ReportHTML.source("memories", in: row) == "consensus")
    }
    #expect(coded.count(of: "data-source=\"coder\"") == (try database.measures.fetchAll(in: first.id)).count - 3)
    // Session 10 is transcribed but not coded: the automatic count, marked so.
    let (tenth, automatic) = try report(10)
    for measure in try database.measures.fetchAll(in: tenth.id) {
      let row = try #require(
        automatic.rows(["participant": measure.answer.participant.rawValue, "trial": measure.answer.trial.rawValue])
          .first)
      #expect(ReportHTML.number("memories", in: row) == measure.automaticMemories.map(Double.init))
      #expect(ReportHTML.source("memories", in: row) == "automatic")
    }
  }

  @Test func scentsReleasedAndRefusedComeFromTheLog() throws {
    for number in 1...13 {
      let (session, html) = try report(number)
      let refused = trial.refusedScents.filter { $0.hasPrefix("\(session.id.rawValue)/") }
      let scentTrials = session.trials.filter { $0.scent != nil }
      #expect(html.rows(["outcome": "refused"]).count == refused.count, "session \(number)")
      #expect(html.rows(["outcome": "released"]).count == scentTrials.count - refused.count, "session \(number)")
    }
  }

  @Test func operatorActionsAndIncidentsAreListed() throws {
    let expectations: [(Int, String, [String])] = [
      (3, "operator", ["Pause / reprise (P)", "Pause / reprise (P)"]),
      (5, "operator", ["Refaire (R)"]),
      (7, "operator", ["Passer (S)"]),
      (2, "incidents", ["Manette perdue", "Manette retrouvée"]),
      (6, "incidents", ["Enregistrement récupéré"]),
      (8, "incidents", ["Alerte disque"]),
    ]
    for (number, section, texts) in expectations {
      let (_, html) = try report(number)
      let part = html.section(section)
      for text in Set(texts) {
        #expect(part.components(separatedBy: text).count - 1 == texts.filter { $0 == text }.count, "session \(number)")
      }
    }
    let (_, quiet) = try report(1)
    #expect(quiet.section("operator").contains("Aucune pause"))
    #expect(quiet.section("incidents").contains("Aucun incident"))
  }

  @Test func thePageIsSelfContainedAndSpeaksEitherLanguage() throws {
    let (_, french) = try report(2)
    let (_, english) = try report(2, .english)
    for html in [french, english] {
      #expect(html.text.hasPrefix("<!DOCTYPE html>"))
      #expect(html.text.contains("@page { size: A4"))
      #expect(!html.text.contains("<script"))
      #expect(!html.text.contains("src="))
      #expect(!html.text.contains("href="))
    }
    #expect(french.text.contains("Présence et places"))
    #expect(english.text.contains("Attendance and seats"))
    #expect(!english.text.contains("Présence et places"))
  }

  @Test func anUnknownSessionIsNamed() throws {
    #expect(throws: ReportError.unknownSession("G9-S01")) {
      try Reports.session("G9-S01", in: SyntheticTrialReports.database())
    }
  }
}

/// The attendance the therapist recorded is what the reports show: an absence with its reason,
/// a patient who left early (present, answers kept), a missed session made up elsewhere; and
/// what recovery inferred from a killed run's log, said as such.
@Suite struct RecordedAttendanceReportTests {
  @Test func recordedFactsComeBeforeWhatTheLogShows() throws {
    let trial = try SyntheticTrial(design: .init(sessions: 3, seed: 5, missesSessions: false))
    defer { trial.remove() }
    let session = trial.sessions[1]
    let database = try trial.database
    let (ill, leaving) = (ParticipantCode(rawValue: "G1-P03")!, ParticipantCode(rawValue: "G1-P04")!)
    // G1-P03 sat and answered in the log, but the therapist corrected it: ill, made up in a catch-up.
    try database.attendance.record(
      Attendance(
        study: SyntheticTrial.study, group: "G1", sessionNumber: 2, participant: ill, status: .absent, reason: .ill,
        madeUpIn: "G1-S02-R2", recordedBy: .therapist))
    try database.attendance.record(
      Attendance(
        study: SyntheticTrial.study, group: "G1", sessionNumber: 2, participant: leaving, status: .leftEarly,
        recordedBy: .therapist))
    // Recovery inferred this one from the log of a killed run: the therapist sees it was not theirs.
    let inferred = ParticipantCode(rawValue: "G1-P05")!
    try database.attendance.record(
      Attendance(
        study: SyntheticTrial.study, group: "G1", sessionNumber: 2, participant: inferred, status: .present,
        recordedBy: .recovery))

    let page = ReportHTML(text: try Reports.session(session.id, in: database).html(in: .french))
    let absent = try #require(page.rows(["participant": ill.rawValue, "present": "0"]).first)
    #expect(absent.contains("absent (malade), rattrapé en G1-S02-R2"))
    let left = try #require(page.rows(["participant": leaving.rawValue, "present": "1"]).first)
    #expect(left.contains("parti avant la fin"))
    let fromTheLog = try #require(page.rows(["participant": inferred.rawValue, "present": "1"]).first)
    #expect(fromTheLog.contains("présent (d'après le journal)"))
    #expect(page.rows(["present": "1"]).count == 9)

    let english = ReportHTML(
      text: try Reports.participant(ill, study: SyntheticTrial.study, in: database).html(in: .english))
    let row = try #require(english.rows(["session": session.id.rawValue]).first)
    #expect(row.contains("absent (ill), made up in G1-S02-R2") && row.contains("data-present=\"0\""))

    let study = ReportHTML(text: try Reports.study(SyntheticTrial.study, in: database).html(in: .french))
    let group = try #require(study.rows(["group": "G1"]).first)
    #expect(ReportHTML.number("present-1", in: group) == 10)
    #expect(ReportHTML.number("present-2", in: group) == 9, "the recorded absence, the early leaver present")
  }
}

/// The monotonic clock restarts with the machine: a session recovered after a restart has events
/// stamped on another clock, which must not turn into a negative or wrapped duration.
@Suite struct SessionReportClockTests {
  /// Run three days after the machine started, for 20 minutes; the machine restarted and recovery
  /// logged its events two minutes after the new start, on a clock far behind the run's. A coder's
  /// review on another computer, whose clock is far ahead, counts no more.
  @Test func aRecoveryAfterARestartLeavesTheRunsOwnDuration() throws {
    let database = try StoreFixtures.plannedDatabase()
    let started: UInt64 = 3 * 86_400 * 1_000_000_000
    func append(_ nanoseconds: UInt64, minutes: Double, _ kind: LoggedEvent) throws {
      try database.eventLog.append(
        SessionEvent(
          session: "S01", monotonicNanoseconds: nanoseconds,
          wallClock: StoreFixtures.morning.addingTimeInterval(minutes * 60), kind))
    }
    try database.eventLog.append(
      SessionEvent(
        session: "S01", monotonicNanoseconds: started, wallClock: StoreFixtures.morning, type: "session.opened"))
    try database.eventLog.append(
      SessionEvent(
        session: "S01", monotonicNanoseconds: started + 1_200_000_000_000,
        wallClock: StoreFixtures.morning.addingTimeInterval(1_200), type: "session.started"))
    try append(
      50 * 86_400 * 1_000_000_000, minutes: 80,
      .review(.timingSaved(ReviewChange(answer: "a1", coder: "ORT1", before: "1.2", after: "1.3", revision: 2))))
    try append(
      120_000_000_000, minutes: 90,
      .recording(.recovered(trial: "T1", player: PlayerNumber(rawValue: 1)!, participant: code("P01"), frames: 16_000)))
    try append(
      121_000_000_000, minutes: 90,
      .session(
        .interrupted(
          SessionInterruption(
            lastEvent: "session.started", recoveredRecordings: 1, missingRecordings: 0, unrecoveredRecordings: ""))))

    let report = try Reports.session("S01", in: database)

    #expect(report.durationSeconds == 1_200)
    #expect(report.incidents.count == 2)
    #expect(report.incidents.allSatisfy { $0.secondsFromStart == nil }, "recovery's events are off the run's clock")
    let incidents = ReportHTML(text: report.html(in: .english)).section("incidents")
    #expect(incidents.components(separatedBy: "<tr><td>–</td>").count - 1 == 2, "no time rather than a wrong one")
  }
}

/// A latecomer's seat row comes from the therapist naming them, since their join named no one.
@Suite struct LatecomerSeatTests {
  @Test func aLatecomerTheTherapistNamedHasTheirSeatAndIsPresent() throws {
    let session = Session(
      id: "S01", number: 1, date: CalendarDate(year: 2027, month: 1, day: 14)!, kind: .clinical, trials: [])
    let (p1, p2, p7) = (ParticipantCode.numbered(1), ParticipantCode.numbered(2), ParticipantCode.numbered(7))
    let seat = { (number: Int) in PlayerNumber(rawValue: number)! }
    let logged: [LoggedEvent] = [
      .seating(.joined(player: seat(1), pad: PadID(rawValue: 1), avatar: "chat", participant: p1, late: nil)),
      .session(.started(players: [seat(1)], avatars: ["chat"])),
      .seating(.joined(player: seat(2), pad: PadID(rawValue: 5), avatar: "chien", participant: nil, late: true)),
      .seating(.attributed(player: seat(2), participant: p7)),
    ]
    let events = logged.enumerated().map { index, kind in
      StoredEvent(
        sequence: Int64(index + 1),
        event: SessionEvent(
          session: session.id, monotonicNanoseconds: UInt64(index) * 1_000_000_000, wallClock: Date(), kind))
    }
    let snapshot = ExportSnapshot(
      study: nil, sessions: [session], groups: [:], measures: [], recordings: [:], latestCodings: [:], events: events)
    let group = ParticipantGroup(id: "G01", members: (1...10).map { ParticipantCode.numbered($0) })
    let seats = SessionReport.seats(
      events: events.map(\.event), group: group, answers: [], session: session,
      presence: SessionPresence(snapshot: snapshot))
    let latecomer = try #require(seats.first { $0.participant == p7 })
    #expect(latecomer.present && latecomer.joinedLate && latecomer.player == seat(2) && latecomer.avatar == "chien")
    #expect(seats.first { $0.participant == p2 }?.present == false, "seat 2's member never came")
    #expect(SessionPresence(snapshot: snapshot).present(in: session) == [p1, p7])
  }
}
