import Foundation
import ProtocolKit
import SessionModel
import Store

/// Who a run seats beyond its group's usual members, and what its seating says about attendance.
///
/// A make-up participant of the planned group makes a catch-up run: only the make-up participants
/// are seated, and the run plays the group's planned session, its trial order included. A make-up
/// participant of another group joins this group's run after its members.
enum RunAttendance {
  /// The group that plays: the registered one, narrowed to a catch-up or widened with guests.
  static func seatedGroup(
    _ registered: ParticipantGroup, makeUp: [ParticipantCode], study: StudyID, sessionNumber: Int,
    in database: SessionDatabase
  ) throws(RunFailure) -> ParticipantGroup {
    guard !makeUp.isEmpty else { return registered }
    do {
      let absences = try database.attendance.fetchAll(study: study).filter {
        $0.sessionNumber == sessionNumber && $0.status == .absent
      }
      for code in makeUp where !absences.contains(where: { $0.participant == code }) {
        throw RunFailure(
          LocalizedText(
            fr:
              "\(code) n'est pas enregistré absent à la séance \(sessionNumber) : enregistrez d'abord l'absence (« connectage session attendance --absent \(code)=motif »), puis relancez le rattrapage.",
            en:
              "\(code) is not recorded absent from session \(sessionNumber): record the absence first ('connectage session attendance --absent \(code)=reason'), then run the make-up again."
          ), isBadInput: true)
      }
    } catch let failure as RunFailure {
      throw failure
    } catch {
      throw RunFailure.store(
        error, while: LocalizedText(fr: "La base de données n'a pas pu être lue", en: "The database could not be read"))
    }
    var group = registered
    if makeUp.allSatisfy(registered.members.contains) {
      group.members = makeUp
    } else {
      group.members = registered.members + makeUp.filter { !registered.members.contains($0) }
    }
    guard group.members.count <= ParticipantGroup.maximumSize else {
      throw RunFailure(
        LocalizedText(
          fr: "Trop de participants pour un écran avec les rattrapages (\(group.members.count), dix au plus).",
          en: "Too many participants for one screen with the make-ups (\(group.members.count), ten at most)."),
        isBadInput: true)
    }
    return group
  }

  /// Members the protocol's inclusion criteria do not include (unregistered ones included).
  static func notIncluded(
    _ group: ParticipantGroup, protocol clinicalProtocol: ClinicalProtocol, in database: SessionDatabase
  ) throws(RunFailure) -> [ParticipantCode] {
    guard clinicalProtocol.inclusion != .everyone else { return [] }
    do {
      return try group.members.filter { code in
        let participant = try database.participants.fetch(code) ?? Participant(code: code)
        return !clinicalProtocol.check(
          participant, today: PreparedSession.localDay(of: Date()) ?? .init(daysSinceEpoch: 0)
        )
        .isEligible
      }
    } catch {
      throw RunFailure.store(
        error, while: LocalizedText(fr: "La base de données n'a pas pu être lue", en: "The database could not be read"))
    }
  }

  /// After the run: the seated participants are present, and a make-up participant's missed
  /// session is marked as made up in this run's chain (``madeUp(_:in:)``). What a therapist
  /// already recorded stays.
  static func record(
    seated: [ParticipantCode], makeUp: [ParticipantCode], session: Session, in database: SessionDatabase
  ) throws {
    guard let study = session.study, let group = session.group else { return }
    let existing = try database.attendance.fetchAll(study: study)
    let chains = try database.eventLog.runChains()
    for code in seated {
      if makeUp.contains(code) {
        try madeUp(code, sessionNumber: session.number, in: session.id, existing: existing, chains: chains, database)
      } else if !existing.contains(where: {
        $0.participant == code && $0.group == group && $0.sessionNumber == session.number
      }) {
        try database.attendance.record(
          Attendance(
            study: study, group: group, sessionNumber: session.number, participant: code, status: .present,
            recordedBy: .run))
      }
    }
  }

  /// Marks `code`'s missed session `sessionNumber` (recorded absent, in whichever group) as made up
  /// in `run`'s chain, named by the chain's first run: a make-up killed and resumed is one make-up,
  /// so `made_up_in_session_id` names the same run whichever run of the chain recorded it. Nothing
  /// to do when the absence is not recorded, or already names that chain.
  private static func madeUp(
    _ code: ParticipantCode, sessionNumber: Int, in run: SessionID, existing: [Attendance], chains: RunChains,
    _ database: SessionDatabase
  ) throws {
    guard
      var missed = existing.first(where: {
        $0.participant == code && $0.sessionNumber == sessionNumber && $0.status == .absent
      })
    else { return }
    let first = chains.firstRun(of: run)
    guard missed.madeUpIn != first else { return }
    missed.madeUpIn = first
    try database.attendance.record(missed)
  }

  /// For a clinical run killed before it recorded attendance: the members of its group that its log
  /// shows seated or answering (``LoggedSeating``) are present, recorded by recovery. Returns them.
  ///
  /// A participant with any record for the planned session keeps it: what the therapist entered
  /// above all, and a make-up's absence. A make-up participant the run's `runner.started` names
  /// (`--make-up`) and its log shows seated or answering has their missed session marked as made
  /// up, as the run would have on its way out, whether a member (a catch-up run) or a guest from
  /// another group; not returned, since they were not present at their own group's session.
  static func recordFromLog(
    _ events: [SessionEvent], of run: SessionID, in database: SessionDatabase
  ) throws -> [ParticipantCode] {
    guard let session = try database.sessions.fetch(run), session.kind == .clinical, let study = session.study,
      let group = session.group, let members = try database.groups.fetch(group)?.members
    else { return [] }
    let studyAttendance = try database.attendance.fetchAll(study: study)
    let existing = studyAttendance.filter { $0.group == group && $0.sessionNumber == session.number }
    let seated = LoggedSeating(events).participants
    let makeUp =
      events.lazy.compactMap { event -> [ParticipantCode]? in
        if case .session(.runnerStarted(let start)) = event.kind { start.makeUp } else { nil }
      }.first ?? []
    if !makeUp.isEmpty {
      let chains = try database.eventLog.runChains()
      for code in seated where makeUp.contains(code) {
        try madeUp(
          code, sessionNumber: session.number, in: run, existing: studyAttendance, chains: chains, database)
      }
    }
    let present = seated.filter { code in
      members.contains(code) && !existing.contains { $0.participant == code }
    }
    for code in present {
      try database.attendance.record(
        Attendance(
          study: study, group: group, sessionNumber: session.number, participant: code, status: .present,
          recordedBy: .recovery))
    }
    return present
  }
}
