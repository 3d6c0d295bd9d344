import Foundation
import Research
import ScentKit
import SessionEngine
import SessionModel
import SpeechKit
import Stage
import Store

/// Runs one session from start to thank-you: the Stage's input goes to the engine, the engine's
/// commands go to the screen, the diffuser, the recorder and the log.
///
/// The runner owns the main thread (SDL needs it) and the one copy of the engine. Devices answer
/// through an inbox that the loop drains every frame, so the engine sees every input in one order.
@MainActor
public final class SessionRunner {
  public let configuration: RunConfiguration
  /// Problems that did not stop the session (no diffuser, no microphone), for the therapist.
  public internal(set) var warnings: [LocalizedText] = []

  static let frameNanoseconds: UInt64 = 16_666_667
  static let tickNanoseconds: UInt64 = 100_000_000

  /// A window already open (the home screen's), used instead of opening one.
  private let givenStage: Stage?

  public init(configuration: RunConfiguration, stage: Stage? = nil) {
    self.configuration = configuration
    givenStage = stage
  }

  /// Runs the session; refuses, before any window opens or anything is written, a session that
  /// cannot do its job (see ``StartProblem``) or that another process is already running.
  public func run() async throws(RunFailure) -> RunSummary {
    let startedAt = Date()
    let existing = try openExistingDatabase()
    let planned = try PlannedRun.read(configuration) { (study) throws(RunFailure) in
      guard let existing else { return nil }
      do { return try existing.studies.plan(of: study) } catch {
        throw RunFailure.store(
          error,
          while: LocalizedText(fr: "La base de données n'a pas pu être lue", en: "The database could not be read"))
      }
    }
    let plannedLock = try holdPlannedSession(planned)
    defer { withExtendedLifetime(plannedLock) {} }
    if let existing { recoverInterruptedSessions(in: existing) }
    let resumes =
      configuration.resumesInterruptedRun ? try PreparedSession.resumePoint(of: planned.session, in: existing) : nil
    var registered: ParticipantGroup?
    if let existing { registered = try PreparedSession.registeredGroup(named: planned.unit.name, in: existing) }
    if let existing, let group = registered {
      registered = try RunAttendance.seatedGroup(
        group, makeUp: configuration.makeUp, study: planned.clinicalProtocol.id,
        sessionNumber: planned.session.number, in: existing)
    }

    let capture = openMicrophone(planned: planned)
    var problems = [capture.problem].compactMap { $0 }
    problems += diskSpaceProblems(planned: planned, registered: registered, resumes: resumes)
    problems += await diffuserProblems(planned: planned)
    if checksAreBinding(planned), registered == nil {
      problems.append(try unregisteredGroup(planned, in: existing))
    }
    if checksAreBinding(planned), let existing, let registered {
      let excluded = try RunAttendance.notIncluded(registered, protocol: planned.clinicalProtocol, in: existing)
      if !excluded.isEmpty {
        problems.append(.notIncluded(excluded, study: planned.clinicalProtocol.id.rawValue))
      }
    }
    let unaccepted = problems.filter { !isAcceptedOnTheHomeScreen($0) }
    if checksAreBinding(planned), !unaccepted.isEmpty, !configuration.allowsDegradedStart {
      throw RunFailure(StartProblem.refusal(unaccepted), isBadInput: true)
    }

    let database: SessionDatabase
    if let existing { database = existing } else { database = try openDatabase() }
    let prepared = try PreparedSession.prepare(
      planned, configuration: configuration, registered: registered, resumes: resumes, database: database,
      startedAt: startedAt)
    let sessionID = prepared.session.id
    let sessionDirectory = configuration.outputDirectory.appendingPathComponent(sessionID.rawValue, isDirectory: true)
    try createDirectory(sessionDirectory)
    // Without its lock a running session looks interrupted: recovery in another process would
    // close it and file its takes while it records.
    guard let lock = SessionLock.hold(in: sessionDirectory) else {
      throw RunFailure(
        LocalizedText(
          fr: "Impossible de réserver le dossier \(sessionDirectory.path) : vérifiez les droits d'écriture.",
          en: "Could not reserve the folder \(sessionDirectory.path): check write permissions."))
    }
    defer { withExtendedLifetime(lock) {} }

    let journal = EventJournal(log: database.eventLog)
    let inbox = LockedBuffer<SessionInput>()
    let microphone: (capture: AudioCapture?, voices: DemoVoices?) =
      if let room = capture.capture { (room, nil) } else {
        try openDemoVoices(in: sessionDirectory, prepared: prepared)
      }
    let stage: Stage
    if let givenStage { stage = givenStage } else { stage = try openStage() }
    let feedback = try? FeedbackPlayer(assetsRoot: configuration.assetsRoot)
    let pads = try plugVirtualPads(into: stage)
    // The simulator's socket lives in a folder of this run's own, removed when the run ends.
    let workDirectory = FileManager.default.temporaryDirectory
      .appendingPathComponent("connectage-\(sessionID.rawValue)", isDirectory: true)
    try? FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: workDirectory) }
    let (scents, scentProblem) = await ScentLink.open(
      configuration.diffuser, session: sessionID, limits: prepared.clinicalProtocol.safety,
      history: prepared.setup.pastScentReleases, scents: prepared.clinicalProtocol.scents,
      workDirectory: workDirectory,
      inbox: inbox, journal: journal)
    // The diffuser answered the start check but not this connection: nobody allowed that problem.
    var foundAfterTheChecks: Int?
    if let scentProblem {
      warnings.append(scentProblem)
      if !problems.contains(where: \.isAboutTheDiffuser) {
        problems.append(.unreachableDiffuser(diffuserName, reason: scentProblem))
        foundAfterTheChecks = problems.count - 1
      }
    }

    let loop = SessionLoop(
      session: sessionID, engine: SessionEngine(setup: prepared.setup), stage: stage, feedback: feedback,
      scents: scents, recorder: microphone.capture.map(AnswerRecorder.init), voices: microphone.voices,
      pads: pads, autopilot: autopilot(), journal: journal, inbox: inbox,
      analysis: AnswerAnalysis(session: sessionID, database: database), outputDirectory: configuration.outputDirectory,
      diskWatch: prepared.setup.recordsAnswers
        ? DiskSpaceWatch(
          folder: configuration.outputDirectory, budget: budget(planned, registered: registered, resumes: resumes))
        : nil,
      startBanner: banner(problems))
    journal.record(
      SessionEvent(
        session: sessionID, monotonicNanoseconds: MonotonicClock.nanoseconds(), wallClock: Date(),
        .session(
          .runnerStarted(
            RunStart(
              protocolFile: configuration.protocolFile.lastPathComponent, seed: planned.plan.seed,
              players: playersDescription, diffuser: diffuserKind,
              output: database.storedPath(for: configuration.outputDirectory),
              resumes: prepared.resumes?.interruptedSession.rawValue ?? "",
              makeUp: configuration.makeUp.isEmpty ? nil : configuration.makeUp)))))
    // Logged by kind only (the messages name folders and device addresses); the summary says them whole.
    for (index, problem) in problems.enumerated() {
      journal.record(
        degradedEvent(problem, foundAfterTheChecks: index == foundAfterTheChecks, session: sessionID, planned: planned))
    }
    for accepted in acceptedBeyondTheStartChecks {
      journal.record(
        SessionEvent(
          session: sessionID, monotonicNanoseconds: MonotonicClock.nanoseconds(), wallClock: Date(),
          .session(
            .degraded(problem: accepted.rawValue, allowedBy: "home-check", availableBytes: nil, neededBytes: nil))))
    }
    warnings += problems.map(\.message)
    // Held past the Stage's own watch: a signal while the answers are measured and exported waits
    // for them to be written whole, and the command then stops as asked.
    StopSignals.shared.watch()
    defer { StopSignals.shared.release() }
    await loop.runUntilEnded()

    let released = await scents.close()
    let measured = await loop.finishAnalyses()
    warnings += loop.warnings
    let events: Int
    do {
      events = try await journal.finish()
    } catch {
      throw RunFailure(
        LocalizedText(
          fr: "Le journal de la séance n'a pas pu être écrit en entier : \(error).",
          en: "The session log could not be written in full: \(error)."))
    }
    if planned.isClinical, prepared.group != nil {
      do {
        try RunAttendance.record(
          seated: loop.seatedParticipants, makeUp: configuration.makeUp, session: prepared.session, in: database)
      } catch {
        let reason = StoreError.explanation(of: error)
        warnings.append(
          LocalizedText(
            fr: "Les présences n'ont pas pu être enregistrées : \(reason.french)",
            en: "Attendance could not be recorded: \(reason.english)"))
      }
    }
    let exportDirectory = sessionDirectory.appendingPathComponent("export", isDirectory: true)
    do {
      try CSVExport().write(from: database, study: prepared.clinicalProtocol.id, to: exportDirectory.path)
    } catch {
      let reason = StoreError.explanation(of: error)
      warnings.append(
        LocalizedText(fr: "L'export CSV a échoué : \(reason.french)", en: "The CSV export failed: \(reason.english)"))
    }
    let report = writeSessionReport(sessionID, from: database, to: exportDirectory)
    // Taken even after a stop the session already obeyed, so that a second one is not raised again.
    let signalDuringExports = StopSignals.shared.take()
    return RunSummary(
      session: sessionID, plannedTrials: prepared.session.trials.count - prepared.setup.firstTrialIndex,
      trialsRun: loop.trialsStarted, lastTrialCutShort: loop.trialsStarted > loop.trialsEnded,
      players: loop.seatedPlayers, speakers: loop.speakers, events: events,
      recordings: loop.recordings, measuredAnswers: measured, releasedScents: released, frames: loop.frames,
      droppedFrames: loop.droppedFrames, exportDirectory: exportDirectory, report: report,
      resumed: prepared.resumes.map { ($0.interruptedSession, $0.trialIndex + 1) }, stoppedBySignal: loop.stopSignal,
      signalAfterTheEnd: loop.stopSignal == nil ? loop.signalAfterTheEnd ?? signalDuringExports : nil)
  }

  // MARK: Before anything opens

  /// The therapist saw this problem on a device check of the home screen and chose to go on.
  private func isAcceptedOnTheHomeScreen(_ problem: StartProblem) -> Bool {
    AcceptedDegradation(rawValue: problem.code).map(configuration.acceptedDegradations.contains) ?? false
  }

  /// Shortfalls only the home screen's checks see (a quiet microphone, no pad yet, empty
  /// cartridges), logged as the start checks' problems are.
  private var acceptedBeyondTheStartChecks: [AcceptedDegradation] {
    AcceptedDegradation.allCases.filter { configuration.acceptedDegradations.contains($0) && !$0.isFoundAtStart }
  }

  private func banner(_ problems: [StartProblem]) -> LocalizedText? {
    let parts = problems.map(\.banner) + acceptedBeyondTheStartChecks.map(\.banner)
    guard !parts.isEmpty else { return nil }
    return LocalizedText(
      fr: parts.map(\.french).joined(separator: ", "), en: parts.map(\.english).joined(separator: ", "))
  }

  /// A clinical session refuses to start with a start problem; a demonstration or an animation
  /// starts anyway, showing what it lacks.
  private func checksAreBinding(_ planned: PlannedRun) -> Bool {
    planned.isClinical && !configuration.isDemonstration
  }

  /// One run of a planned session at a time on one database: a second is refused while the first
  /// runs, and the lock dies with its process, so a crashed run never blocks the next.
  private func holdPlannedSession(_ planned: PlannedRun) throws(RunFailure) -> SessionLock {
    let study = planned.clinicalProtocol.id.rawValue
    let lock: SessionLock?
    do {
      lock = try SessionLock.holdPlanned(
        planned.session.id.rawValue, study: study, databasePath: configuration.databasePath)
    } catch {
      throw RunFailure(
        LocalizedText(
          fr:
            "Impossible de réserver la séance \(planned.session.id) : le dossier de la base de données n'accepte pas l'écriture. Vérifiez --db et les droits du dossier.",
          en:
            "Could not reserve session \(planned.session.id): the database's folder cannot be written to. Check --db and the folder's permissions."
        ))
    }
    guard let lock else {
      throw RunFailure(
        LocalizedText(
          fr:
            "La séance \(planned.session.id) de l'étude \(study) est déjà en cours dans un autre programme ConnectAge sur cette base de données : une seule à la fois. Attendez qu'elle se termine, ou choisissez une autre séance (--session, --group).",
          en:
            "Session \(planned.session.id) of study \(study) is already running in another ConnectAge program on this database: one at a time. Wait until it ends, or choose another session (--session, --group)."
        ),
        isBadInput: true)
    }
    return lock
  }

  /// Enough room for the planned answers, twice over.
  private func diskSpaceProblems(
    planned: PlannedRun, registered: ParticipantGroup?, resumes: ResumePoint?
  ) -> [StartProblem] {
    guard planned.clinicalProtocol.evocation.recording, planned.isClinical else { return [] }
    let needed = budget(planned, registered: registered, resumes: resumes).neededBytes
    guard let available = DiskSpace.availableBytes(at: configuration.outputDirectory), available < needed else {
      return []
    }
    return [.lowDiskSpace(folder: configuration.outputDirectory.path, availableBytes: available, neededBytes: needed)]
  }

  private func budget(_ planned: PlannedRun, registered: ParticipantGroup?, resumes: ResumePoint?) -> RecordingBudget {
    let speakers: Int =
      switch configuration.players {
      case .realPads: max(1, (registered?.members ?? planned.unit.members).count)
      case .autopilot(let players, let pace, _): min(players, pace.speakersPerTrial)
      }
    return RecordingBudget(
      trials: planned.session.trials.count - (resumes?.trialIndex ?? 0), speakers: speakers,
      maximumAnswerSeconds: planned.clinicalProtocol.evocation.maximumAnswerSeconds)
  }

  /// A clinical session that plans scents needs a diffuser that answers. Tried once before the
  /// window opens, then let go: the session connects again for good.
  private func diffuserProblems(planned: PlannedRun) async -> [StartProblem] {
    guard checksAreBinding(planned), planned.plansScents else { return [] }
    switch configuration.diffuser {
    case .simulated:
      return []
    case .none:
      return [.noDiffuser]
    case .endpoint(let text):
      do {
        let endpoint = try DiffuserEndpoint(parsing: text)
        // Several devices as one: every scent of the protocol must sit where the map says.
        if case .deviceMap(let map) = endpoint, let problem = map.problems(for: planned.clinicalProtocol.scents).first {
          return [.unreachableDiffuser(text, reason: problem)]
        }
      } catch {
        return [.unreachableDiffuser(text, reason: error.explanation)]
      }
      // The whole handshake, as the home screen's check does: a link that opens is not yet a
      // diffuser that answers (firmware that refuses the protocol, or hangs). The folder is only
      // for a simulator, which an endpoint is not.
      let report = await DiffuserProbe.check(
        configuration.diffuser, workDirectory: FileManager.default.temporaryDirectory)
      if case .unreachable(let reason) = report { return [.unreachableDiffuser(text, reason: reason)] }
      return []
    }
  }

  /// What the log may say about the diffuser: its transport, never its address.
  private var diffuserKind: String {
    switch configuration.diffuser {
    case .simulated: "simulated"
    case .none: "none"
    case .endpoint(let text): (try? DiffuserEndpoint(parsing: text))?.kind ?? "unknown"
    }
  }

  private var diffuserName: String {
    switch configuration.diffuser {
    case .simulated: "simulated"
    case .none: "none"
    case .endpoint(let text): text
    }
  }

  private func unregisteredGroup(_ planned: PlannedRun, in database: SessionDatabase?) throws(RunFailure)
    -> StartProblem
  {
    let registered: [String]
    do {
      registered =
        try database?.groups.fetchAll().filter { $0.study == planned.clinicalProtocol.id }
        .map(\.id.rawValue) ?? []
    } catch {
      throw RunFailure.store(
        error, while: LocalizedText(fr: "La base de données n'a pas pu être lue", en: "The database could not be read"))
    }
    return .unregisteredGroup(planned.unit.name, study: planned.clinicalProtocol.id.rawValue, registered: registered)
  }

  /// `session.degraded`: what the session started without. Only the kind of problem and sizes:
  /// no folder and no device address, which would identify the site in an export.
  private func degradedEvent(
    _ problem: StartProblem, foundAfterTheChecks: Bool, session: SessionID, planned: PlannedRun
  ) -> SessionEvent {
    let allowedBy = DegradedStartPermission(
      isDemonstration: configuration.isDemonstration, foundAfterTheChecks: foundAfterTheChecks,
      acceptedOnTheHomeScreen: isAcceptedOnTheHomeScreen(problem), checksAreBinding: checksAreBinding(planned),
      allowsDegradedStart: configuration.allowsDegradedStart
    ).rawValue
    var sizes: (available: Int64, needed: Int64)?
    if case .lowDiskSpace(_, let available, let needed) = problem { sizes = (Int64(available), Int64(needed)) }
    return SessionEvent(
      session: session, monotonicNanoseconds: MonotonicClock.nanoseconds(), wallClock: Date(),
      .session(
        .degraded(
          problem: problem.code, allowedBy: allowedBy, availableBytes: sizes?.available, neededBytes: sizes?.needed)))
  }

  // MARK: Opening the devices

  /// The database, or nil when there is none yet: nothing is created before the start checks pass.
  private func openExistingDatabase() throws(RunFailure) -> SessionDatabase? {
    guard FileManager.default.fileExists(atPath: configuration.databasePath) else { return nil }
    return try openDatabase()
  }

  /// Opens the database, creating it and its folder when missing.
  private func openDatabase() throws(RunFailure) -> SessionDatabase {
    do {
      return try SessionDatabase(path: configuration.databasePath)
    } catch {
      throw RunFailure(StoreError.explanation(of: error))
    }
  }

  /// A session a crash left open is closed and its answers saved before a new one starts.
  private func recoverInterruptedSessions(in database: SessionDatabase) {
    do {
      for report in try SessionRecovery(database: database).recoverAll() {
        warnings.append(report.summary)
      }
    } catch {
      let reason = StoreError.explanation(of: error)
      warnings.append(
        LocalizedText(
          fr: "Une séance interrompue n'a pas pu être récupérée : \(reason.french) Lancez « connectage db recover ».",
          en: "An interrupted session could not be recovered: \(reason.english) Run 'connectage db recover'."))
    }
  }

  private func createDirectory(_ url: URL) throws(RunFailure) {
    do {
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    } catch {
      throw RunFailure(
        LocalizedText(
          fr: "Impossible de créer le dossier \(url.path) : vérifiez les droits d'écriture.",
          en: "Could not create the folder \(url.path): check write permissions."))
    }
  }

  /// The room's microphone, opened before the window: SDL picks its audio driver once, and a
  /// session that must record is refused before anything opens when there is none.
  private func openMicrophone(planned: PlannedRun) -> (capture: AudioCapture?, problem: StartProblem?) {
    guard planned.clinicalProtocol.evocation.recording, planned.isClinical else {
      // Virtual players offscreen have no one to hear the feedback sounds: play them into
      // SDL's silent driver rather than letting ALSA fail loudly on a machine without a card.
      if case .autopilot = configuration.players, isHeadless { setenv("SDL_AUDIODRIVER", "dummy", 0) }
      return (nil, nil)
    }
    guard case .realPads = configuration.players else { return (nil, nil) }
    do {
      return (try AudioCapture(deviceName: configuration.microphoneName), nil)
    } catch {
      return (nil, .noMicrophone(reason: error.message))
    }
  }

  /// The autopilot's microphone: a file of spoken answers heard through SDL's disk driver.
  private func openDemoVoices(
    in sessionDirectory: URL, prepared: PreparedSession
  ) throws(RunFailure) -> (capture: AudioCapture?, voices: DemoVoices?) {
    guard prepared.setup.recordsAnswers, case .autopilot(let players, let pace, _) = configuration.players else {
      return (nil, nil)
    }
    let answers = prepared.session.trials.count * min(players, pace.speakersPerTrial) + 2
    let voices = try DemoVoices.speak(
      answers: answers, secondsEach: pace.secondsPerAnswer,
      in: sessionDirectory.appendingPathComponent("voices", isDirectory: true))
    do {
      let capture = try AudioCapture.replaying(
        voices.rawFile, playbackTo: sessionDirectory.appendingPathComponent("voices/feedback.raw"), realTime: true)
      return (capture, voices)
    } catch {
      throw RunFailure(error.message)
    }
  }

  /// Offscreen when asked, or when `automatic` finds no display to draw on.
  private var isHeadless: Bool {
    let environment = ProcessInfo.processInfo.environment
    let hasDisplay = !(environment["DISPLAY"] ?? "").isEmpty || !(environment["WAYLAND_DISPLAY"] ?? "").isEmpty
    return switch configuration.display {
    case .automatic: !hasDisplay
    case .headless: true
    case .window, .fullscreen: false
    }
  }

  private func openStage() throws(RunFailure) -> Stage {
    let headless = isHeadless
    do {
      return try Stage(
        configuration: StageConfiguration(
          width: headless ? 1280 : 1920, height: headless ? 720 : 1080,
          isFullscreen: configuration.display == .fullscreen, isHeadless: headless,
          usesSoftwareRenderer: headless, usesVSync: !headless, assetsRoot: configuration.assetsRoot,
          language: configuration.language, padMappingsFile: configuration.padMappingsFile))
    } catch {
      throw RunFailure(error.message)
    }
  }

  /// The autopilot's pads, plugged one at a time so that SDL numbers player n's pad n.
  private func plugVirtualPads(into stage: Stage) throws(RunFailure) -> [VirtualGamepad] {
    guard case .autopilot(let players, _, _) = configuration.players else { return [] }
    var pads: [VirtualGamepad] = []
    for player in 1...players {
      do {
        pads.append(try VirtualGamepad(productID: UInt16(0x0200 + player), name: "Manette virtuelle \(player)"))
      } catch {
        throw RunFailure(error.message)
      }
      _ = stage.pollEvents()
    }
    return pads
  }

  private func autopilot() -> Autopilot? {
    guard case .autopilot(let players, let pace, let latecomers) = configuration.players else { return nil }
    return Autopilot(players: players, latecomers: latecomers, pace: pace)
  }

  private var playersDescription: String {
    switch configuration.players {
    case .realPads: "real pads"
    case .autopilot(let players, _, _): "autopilot with \(players) virtual pads"
    }
  }
}
