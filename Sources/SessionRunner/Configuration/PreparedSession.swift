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

  /// Reads the protocol, plans it, picks the session to run and records it in the database.
  ///
  /// The session id gets the run's start time, so running the same planned session twice
  /// (a demo, a redo on another day) never mixes the two logs.
  static func prepare(
    _ configuration: RunConfiguration, database: SessionDatabase, startedAt: Date
  ) throws(RunFailure) -> PreparedSession {
    let clinicalProtocol: ClinicalProtocol
    do {
      clinicalProtocol = try ProtocolLoader.load(
        contentsOf: configuration.protocolFile, assets: configuration.assetsRoot)
    } catch {
      throw RunFailure(
        LocalizedText(fr: error.text(in: .french), en: error.text(in: .english)), isBadInput: true)
    }
    let schedule = ScheduleBuilder(settings: clinicalProtocol.schedule)
      .schedule(startingOn: clinicalProtocol.schedule.start ?? CalendarDate(daysSinceEpoch: 0))
    let plan: SessionPlan
    do {
      plan = try SessionPlanner(protocol: clinicalProtocol).plan(
        participants: configuration.participantCount, seed: configuration.seed, schedule: schedule)
    } catch {
      throw RunFailure(error.message, isBadInput: true)
    }
    let unit = try Self.unit(named: configuration.group, in: plan)
    guard unit.sessions.indices.contains(configuration.sessionNumber - 1) else {
      let count = unit.sessions.count
      throw RunFailure(
        LocalizedText(
          fr: "La séance \(configuration.sessionNumber) n'existe pas : le protocole en prévoit \(count).",
          en: "Session \(configuration.sessionNumber) does not exist: the protocol plans \(count)."),
        isBadInput: true)
    }
    var session = unit.sessions[configuration.sessionNumber - 1]
    let resumes =
      configuration.resumesInterruptedRun ? try Self.resumePoint(of: session, in: database) : nil
    session.id = SessionID("\(session.id.rawValue)-\(Self.stamp(startedAt))")
    session.heldOn = Self.localDay(of: startedAt)
    let isClinical = clinicalProtocol.kind == .clinical
    // A group the therapist registered keeps its members and their order (player n is its n-th
    // member); the plan's placeholder codes serve only when nobody registered one.
    let registered = isClinical ? try Self.registeredGroup(named: unit.name, in: database) : nil
    let group =
      isClinical
      ? registered ?? ParticipantGroup(id: GroupID(unit.name), study: clinicalProtocol.id, members: unit.members) : nil
    let participants = group?.members ?? []
    if group == nil { session.group = nil }

    let thenAndNow: ThenAndNowCatalogue
    do {
      thenAndNow = try ThenAndNowCatalogue.load(assets: configuration.assetsRoot)
    } catch {
      throw RunFailure(LocalizedText(fr: error.text(in: .french), en: error.text(in: .english)), isBadInput: true)
    }
    let setup = SessionSetup(
      session: session, title: clinicalProtocol.title, stimuli: clinicalProtocol.stimuli,
      scents: clinicalProtocol.scents,
      thenAndNowPictures: thenAndNow.entries.map {
        ThenAndNowPicture(picture: PictureChoice(image: $0.image, label: $0.label), isNow: $0.era == .aujourdhui)
      },
      participants: participants, scentSafety: clinicalProtocol.safety,
      scentReleaseMilliseconds: clinicalProtocol.presentation.scentPulseMilliseconds,
      recordsAnswers: clinicalProtocol.evocation.recording,
      maximumAnswerSeconds: clinicalProtocol.evocation.maximumAnswerSeconds,
      difficulty: clinicalProtocol.games.first?.difficulty ?? .easy, seed: configuration.seed,
      firstTrialIndex: resumes?.trialIndex ?? 0)

    let prepared = PreparedSession(
      clinicalProtocol: clinicalProtocol, session: session, group: group, setup: setup, resumes: resumes)
    try prepared.record(
      in: database, protocolName: configuration.protocolFile.deletingPathExtension().lastPathComponent)
    return prepared
  }

  /// Where the planned session's interrupted run stopped; refuses when there is nothing to resume.
  private static func resumePoint(of planned: Session, in database: SessionDatabase) throws(RunFailure) -> ResumePoint {
    let point: ResumePoint?
    do {
      point = try SessionRecovery(database: database).resumePoint(ofPlanned: planned.id, trials: planned.trials)
    } catch {
      throw RunFailure(
        LocalizedText(
          fr: "La base de données n'a pas pu être lue : \(error).", en: "The database could not be read: \(error)."))
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

  /// The planned group (or participant) that plays: the one named, else the first.
  private static func unit(named name: String?, in plan: SessionPlan) throws(RunFailure) -> PlannedUnit {
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

  private static func registeredGroup(named name: String, in database: SessionDatabase) throws(RunFailure)
    -> ParticipantGroup?
  {
    do {
      return try database.groups.fetch(GroupID(name)).flatMap { $0.members.isEmpty ? nil : $0 }
    } catch {
      throw RunFailure(
        LocalizedText(
          fr: "La base de données n'a pas pu être lue : \(error).", en: "The database could not be read: \(error)."))
    }
  }

  /// Files the study, the group's participants (without overwriting what a therapist entered),
  /// the group and the session with its trials.
  private func record(in database: SessionDatabase, protocolName: String) throws(RunFailure) {
    do {
      try database.studies.save(
        Study(
          id: clinicalProtocol.id, title: clinicalProtocol.title.french, protocolName: protocolName,
          participantCodes: clinicalProtocol.participantCodes))
      for code in group?.members ?? [] where try database.participants.fetch(code) == nil {
        try database.participants.add(Participant(code: code, study: clinicalProtocol.id))
      }
      if let group, try database.groups.fetch(group.id) == nil { try database.groups.save(group) }
      try database.sessions.save(session)
    } catch {
      throw RunFailure(
        LocalizedText(
          fr: "La base de données n'a pas pu enregistrer la séance : \(error).",
          en: "The database could not record the session: \(error)."))
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
