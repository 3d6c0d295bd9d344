import Foundation
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
  public private(set) var warnings: [LocalizedText] = []

  static let frameNanoseconds: UInt64 = 16_666_667
  static let tickNanoseconds: UInt64 = 100_000_000

  public init(configuration: RunConfiguration) {
    self.configuration = configuration
  }

  public func run() async throws(RunFailure) -> RunSummary {
    let startedAt = Date()
    let database = try openDatabase()
    recoverInterruptedSessions(in: database)
    let prepared = try PreparedSession.prepare(configuration, database: database, startedAt: startedAt)
    let sessionID = prepared.session.id
    let sessionDirectory = configuration.outputDirectory.appendingPathComponent(sessionID.rawValue, isDirectory: true)
    try createDirectory(sessionDirectory)
    let lock = SessionLock.hold(in: sessionDirectory)
    defer { withExtendedLifetime(lock) {} }

    let journal = EventJournal(log: database.eventLog)
    let inbox = LockedBuffer<SessionInput>()
    let microphone = try openMicrophone(in: sessionDirectory, prepared: prepared)
    let stage = try openStage()
    let feedback = try? FeedbackPlayer(assetsRoot: configuration.assetsRoot)
    let pads = try plugVirtualPads(into: stage)
    let (scents, scentProblem) = await ScentLink.open(
      configuration.diffuser, session: sessionID, limits: prepared.clinicalProtocol.safety,
      scents: prepared.clinicalProtocol.scents, workDirectory: FileManager.default.temporaryDirectory,
      inbox: inbox, journal: journal)
    if let scentProblem { warnings.append(scentProblem) }

    let loop = SessionLoop(
      session: sessionID, engine: SessionEngine(setup: prepared.setup), stage: stage, feedback: feedback,
      scents: scents, recorder: microphone.capture.map(AnswerRecorder.init), voices: microphone.voices,
      pads: pads, autopilot: autopilot(), journal: journal, inbox: inbox,
      analysis: AnswerAnalysis(session: sessionID, database: database), outputDirectory: configuration.outputDirectory)
    journal.record(
      SessionEvent(
        session: sessionID, monotonicNanoseconds: MonotonicClock.nanoseconds(), wallClock: Date(),
        type: "runner.started",
        payload: [
          "protocol": configuration.protocolFile.lastPathComponent, "seed": String(configuration.seed),
          "players": playersDescription, "diffuser": "\(configuration.diffuser)",
          "problems": warnings.map(\.english).joined(separator: " | "),
          "output": database.storedPath(for: configuration.outputDirectory),
          "resumes": prepared.resumes?.interruptedSession.rawValue ?? "",
        ]))
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
    let exportDirectory = sessionDirectory.appendingPathComponent("export", isDirectory: true)
    do {
      try CSVExport().write(from: database, study: prepared.clinicalProtocol.id, to: exportDirectory.path)
    } catch {
      warnings.append(
        LocalizedText(fr: "L'export CSV a échoué : \(error).", en: "The CSV export failed: \(error)."))
    }
    return RunSummary(
      session: sessionID, trials: prepared.session.trials.count - prepared.setup.firstTrialIndex,
      players: loop.seatedPlayers, events: events,
      recordings: loop.recordings, measuredAnswers: measured, releasedScents: released, frames: loop.frames,
      droppedFrames: loop.droppedFrames, exportDirectory: exportDirectory,
      resumed: prepared.resumes.map { ($0.interruptedSession, $0.trialIndex + 1) })
  }

  // MARK: Opening the devices

  private func openDatabase() throws(RunFailure) -> SessionDatabase {
    do {
      let folder = URL(fileURLWithPath: configuration.databasePath).deletingLastPathComponent()
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      return try SessionDatabase(path: configuration.databasePath)
    } catch {
      throw RunFailure(
        LocalizedText(
          fr: "Impossible d'ouvrir la base de données \(configuration.databasePath) : \(error).",
          en: "Could not open the database \(configuration.databasePath): \(error)."))
    }
  }

  /// A session a crash left open is closed and its answers saved before a new one starts.
  private func recoverInterruptedSessions(in database: SessionDatabase) {
    do {
      for report in try SessionRecovery(database: database).recoverAll() {
        warnings.append(report.summary)
      }
    } catch {
      warnings.append(
        LocalizedText(
          fr: "Une séance interrompue n'a pas pu être récupérée : \(error). Lancez « connectage recover ».",
          en: "An interrupted session could not be recovered: \(error). Run 'connectage recover'."))
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

  /// The microphone, or for the autopilot a file of spoken answers heard through SDL's disk driver.
  /// Must come before any other sound: SDL picks its audio driver once.
  private func openMicrophone(
    in sessionDirectory: URL, prepared: PreparedSession
  ) throws(RunFailure) -> (capture: AudioCapture?, voices: DemoVoices?) {
    guard prepared.setup.recordsAnswers else {
      // Virtual players offscreen have no one to hear the feedback sounds: play them into
      // SDL's silent driver rather than letting ALSA fail loudly on a machine without a card.
      if case .autopilot = configuration.players, isHeadless { setenv("SDL_AUDIODRIVER", "dummy", 0) }
      return (nil, nil)
    }
    switch configuration.players {
    case .realPads:
      do {
        return (try AudioCapture(), nil)
      } catch {
        warnings.append(error.message)
        return (nil, nil)
      }
    case .autopilot(let players, let pace):
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
    guard case .autopilot(let players, _) = configuration.players else { return [] }
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
    guard case .autopilot(let players, let pace) = configuration.players else { return nil }
    return Autopilot(players: players, pace: pace)
  }

  private var playersDescription: String {
    switch configuration.players {
    case .realPads: "real pads"
    case .autopilot(let players, _): "autopilot with \(players) virtual pads"
    }
  }
}
