import Foundation
import ProtocolKit
import SessionEngine
import SessionModel
import Store

/// A session ready to run: the protocol read and checked, the plan made, the database filled in.
struct PreparedSession: Sendable {
  var clinicalProtocol: ClinicalProtocol
  var session: Session
  var group: ParticipantGroup?
  var setup: SessionSetup
  /// The interrupted run this one picks up, when resuming.
  var resumes: ResumePoint?

  /// Names the run, picks its participants and records it in the database.
  ///
  /// A clinical session plays the group the therapist registered, its members in their order
  /// (player n is its n-th member). Only a demonstration falls back on the plan's placeholder
  /// codes; a clinical session without a registered group files no answer under anyone.
  static func prepare(
    _ planned: PlannedRun, configuration: RunConfiguration, registered: ParticipantGroup?, resumes: ResumePoint?,
    database: SessionDatabase, startedAt: Date
  ) throws(RunFailure) -> PreparedSession {
    let clinicalProtocol = planned.clinicalProtocol
    var session = planned.session
    session.id = runID(of: session.id, startedAt: startedAt)
    session.heldOn = Self.localDay(of: startedAt)
    let placeholders =
      configuration.isDemonstration
      ? ParticipantGroup(id: GroupID(planned.unit.name), study: clinicalProtocol.id, members: planned.unit.members)
      : nil
    let group = planned.isClinical ? registered ?? placeholders : nil
    let participants = group?.members ?? []
    if group == nil { session.group = nil }

    var pastReleases: [PastScentRelease] = []
    if let resumes {
      pastReleases = try Self.pastScentReleases(resuming: resumes, in: database)
    } else if let interrupted = try interruptedRun(of: planned, in: database) {
      // Started afresh after an interrupted run rather than resumed: the patients breathed that
      // run's scents all the same, so its recent releases count for the interval, the duty cycle
      // and the session's budget. Releases of another day are another session's. A log that
      // cannot be read stops the start: an empty history would let the first scent come too soon.
      pastReleases = try Self.pastScentReleases(
        resuming: interrupted, in: database, since: startedAt.addingTimeInterval(-Self.sameSittingSeconds))
    }
    let setup = SessionSetup(
      session: session, title: clinicalProtocol.title, stimuli: clinicalProtocol.stimuli,
      scents: clinicalProtocol.scents,
      thenAndNowPictures: planned.thenAndNow.entries.map {
        ThenAndNowPicture(picture: PictureChoice(image: $0.image, label: $0.label), isNow: $0.era == .aujourdhui)
      },
      rightOrderSequences: planned.rightOrder.entries.map {
        RightOrderSequence(title: $0.title, steps: $0.steps.map { PictureChoice(image: $0.image, label: $0.label) })
      },
      participants: participants, scentSafety: clinicalProtocol.safety,
      scentReleaseMilliseconds: clinicalProtocol.presentation.scentPulseMilliseconds,
      recordsAnswers: clinicalProtocol.evocation.recording,
      maximumAnswerSeconds: clinicalProtocol.evocation.maximumAnswerSeconds,
      difficulty: clinicalProtocol.games.first?.difficulty ?? .easy,
      gameDifficulties: difficulties(of: clinicalProtocol.games),
      seed: planned.plan.seed, firstTrialIndex: resumes?.trialIndex ?? 0,
      pastScentReleases: pastReleases)

    let prepared = PreparedSession(
      clinicalProtocol: clinicalProtocol, session: session, group: group, setup: setup, resumes: resumes)
    try prepared.record(
      in: database, protocolName: configuration.protocolFile.deletingPathExtension().lastPathComponent,
      plan: configuration.isDemonstration ? nil : planned.plan)
    return prepared
  }

  /// Each game's level as the protocol lists it; a game listed twice keeps its first level.
  static func difficulties(of games: [ProtocolGame]) -> [GameKind: Difficulty] {
    var levels: [GameKind: Difficulty] = [:]
    for game in games where levels[game.kind] == nil { levels[game.kind] = game.difficulty }
    return levels
  }

  /// `G01-S01-20270114T093000-3fa9c2`: the planned session, the run's start time (sortable, safe
  /// in file names) and six random hex digits, so that two runs started in the same second, on
  /// one machine or on two laptops whose databases are merged later, never share an id.
  static func runID(
    of planned: SessionID, startedAt: Date, using generator: inout some RandomNumberGenerator
  ) -> SessionID {
    let random = String(UInt32.random(in: 0..<(1 << 24), using: &generator), radix: 16)
    return SessionID(
      "\(planned.rawValue)-\(stamp(startedAt))-\(String(repeating: "0", count: 6 - random.count))\(random)")
  }

  static func runID(of planned: SessionID, startedAt: Date) -> SessionID {
    var generator = SystemRandomNumberGenerator()
    return runID(of: planned, startedAt: startedAt, using: &generator)
  }

  /// Where the planned session's interrupted run stopped; refuses when there is nothing to resume.
  /// With no database yet, nothing ever ran.
  static func resumePoint(of planned: Session, in database: SessionDatabase?) throws(RunFailure) -> ResumePoint {
    let point: ResumePoint?
    do {
      point = try database.flatMap {
        try SessionRecovery(database: $0).resumePoint(ofPlanned: planned.id, trials: planned.trials)
      }
    } catch {
      throw RunFailure.store(
        error, while: LocalizedText(fr: "La base de données n'a pas pu être lue", en: "The database could not be read"))
    }
    guard let point else {
      throw RunFailure(
        LocalizedText(
          fr:
            "Rien à reprendre : la dernière séance \(planned.id) n'a pas été interrompue (ou n'a jamais eu lieu). Lancez-la sans --resume.",
          en:
            "Nothing to resume: the last run of \(planned.id) was not interrupted (or never happened). Run it without --resume."
        ),
        isBadInput: true)
    }
    guard point.trialIndex < planned.trials.count else {
      throw RunFailure(
        LocalizedText(
          fr: "Rien à reprendre : toutes les images de \(planned.id) ont déjà été présentées.",
          en: "Nothing to resume: every image of \(planned.id) has already been shown."),
        isBadInput: true)
    }
    return point
  }

  /// The releases of the runs being resumed, for the safety limits to count.
  /// How long before a run's start an interrupted run's releases still count when the planned
  /// session is started afresh: one sitting, a session and its delays.
  static let sameSittingSeconds: TimeInterval = 12 * 3600

  private static func pastScentReleases(
    resuming point: ResumePoint, in database: SessionDatabase, since: Date? = nil
  ) throws(RunFailure) -> [PastScentRelease] {
    do {
      return try PastScentReleases.read(resuming: point, from: database.eventLog, since: since)
    } catch {
      throw unreadableReleases
    }
  }

  /// The planned session's latest run, when the log shows it interrupted.
  private static func interruptedRun(of planned: PlannedRun, in database: SessionDatabase) throws(RunFailure)
    -> ResumePoint?
  {
    do {
      return try SessionRecovery(database: database).resumePoint(
        ofPlanned: planned.session.id, trials: planned.session.trials)
    } catch {
      throw unreadableReleases
    }
  }

  private static var unreadableReleases: RunFailure {
    RunFailure(
      LocalizedText(
        fr:
          "Les odeurs déjà diffusées dans la séance interrompue n'ont pas pu être relues : vérifiez la base avec « connectage db check ».",
        en:
          "The scents already released in the interrupted session could not be read back: check the database with 'connectage db check'."
      ))
  }

  /// The planned group (or participant) that plays: the one named, else the first.
  static func unit(named name: String?, in plan: SessionPlan) throws(RunFailure) -> PlannedUnit {
    let found = name.map { name in plan.units.first { $0.name == name } } ?? plan.units.first
    guard let found else {
      let names = plan.units.map(\.name).joined(separator: ", ")
      throw RunFailure(
        LocalizedText(
          fr:
            "Le groupe \(name ?? "") n'est pas dans le plan (groupes prévus : \(names)). Vérifiez --group et --participants.",
          en: "Group \(name ?? "") is not in the plan (planned groups: \(names)). Check --group and --participants."),
        isBadInput: true)
    }
    return found
  }

  static func registeredGroup(named name: String, in database: SessionDatabase) throws(RunFailure)
    -> ParticipantGroup?
  {
    do {
      return try database.groups.fetch(GroupID(name)).flatMap { $0.members.isEmpty ? nil : $0 }
    } catch {
      throw RunFailure.store(
        error, while: LocalizedText(fr: "La base de données n'a pas pu être lue", en: "The database could not be read"))
    }
  }

  /// Files the study and its plan (kept from its first run; a demonstration's is not), the
  /// group's participants (without overwriting what a therapist entered), the group and the
  /// session with its trials.
  private func record(in database: SessionDatabase, protocolName: String, plan: PlanChoice?) throws(RunFailure) {
    do {
      try database.studies.save(clinicalProtocol.study(protocolName: protocolName))
      if let plan { try database.studies.record(plan, for: clinicalProtocol.id) }
      for code in group?.members ?? [] where try database.participants.fetch(code) == nil {
        try database.participants.add(Participant(code: code, study: clinicalProtocol.id))
      }
      if let group, try database.groups.fetch(group.id) == nil { try database.groups.save(group) }
      try database.sessions.save(session)
    } catch {
      throw RunFailure.store(
        error,
        while: LocalizedText(
          fr: "La base de données n'a pas pu enregistrer la séance", en: "The database could not record the session"))
    }
  }

  /// The day `date` falls on in the local calendar: the session date a therapist writes down.
  static func localDay(of date: Date) -> CalendarDate? {
    let parts = Calendar.current.dateComponents([.year, .month, .day], from: date)
    guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
    return CalendarDate(year: year, month: month, day: day)
  }

  /// `20270114T093000`: sortable, and safe in file names.
  static func stamp(_ date: Date) -> String {
    let seconds = Int(date.timeIntervalSince1970)
    let day = CalendarDate(daysSinceEpoch: seconds / 86_400)
    let time = seconds % 86_400
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    let date = day.description.replacingOccurrences(of: "-", with: "")
    return "\(date)T\(two(time / 3600))\(two(time / 60 % 60))\(two(time % 60))"
  }
}
