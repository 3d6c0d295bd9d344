import Foundation
import SessionEngine
import SessionModel
import Stage

/// The frame loop: input in, engine, commands out, draw, repeat until the thank-you scene.
@MainActor
final class SessionLoop {
  private let session: SessionID
  private var engine: SessionEngine
  private let stage: Stage
  private let feedback: FeedbackPlayer?
  private let scents: ScentLink
  private let recorder: AnswerRecorder?
  private let voices: DemoVoices?
  private var autopilot: Autopilot?
  private let pads: [VirtualGamepad]
  private let journal: EventJournal
  private let inbox: LockedBuffer<SessionInput>
  private let outputDirectory: URL
  private let diskWatch: DiskSpaceWatch?
  /// What the session started without, kept along the top of the screen.
  private let startBanner: LocalizedText?

  private var scene: StageScene
  /// A stimulus shown by the last command whose frame flip the engine has not heard of yet.
  private var stimulusAwaitingFrame: StimulusID?
  private var lastTick: UInt64 = 0
  /// The time of the last input the engine handled: no input is handled at an earlier one.
  private var lastHandled: UInt64 = 0
  /// Whether the commands of an input are being carried out, and the device answers that came meanwhile.
  private var isDispatching = false
  private var answersDuringDispatch: [(input: SessionInput, time: UInt64)] = []
  /// Pads whose button the autopilot pressed last frame, to let go of now.
  private var heldButtons: [(pad: VirtualGamepad, button: PadButton)] = []
  private let filings: AnswerFilingQueue
  /// Takes of seats without a participant, held back from filing: a latecomer's are filed when the
  /// therapist says who they are (`player.attributed`), the others stay on disk unfiled.
  private var unfiledTakes: [PlayerNumber: [AnswerFile]] = [:]
  /// Set once the therapist has been told the log could not be written, so the summary says it too.
  private var journalFailed = false
  /// When the take being recorded started, until the log holds its `recording.started`: its audio
  /// waits in the microphone's queue till then, so no file on disk holds audio no event names.
  private var takeAwaitingLog: UInt64?
  private var recordedAnswers = 0

  private(set) var recordings: [URL] = []
  /// Takes recorded per speaker, for the summary: the participant's code, else `player N`.
  private(set) var speakers: [String: Int] = [:]
  private(set) var frames = 0
  private(set) var droppedFrames = 0
  /// The trials the engine logged as started and as ended: an early end leaves the trial under
  /// way without its `trial.ended`.
  private(set) var trialsStarted = 0
  private(set) var trialsEnded = 0
  /// The signal (SIGINT or SIGTERM) that ended the session, if one did.
  private(set) var stopSignal: Int32?
  /// The signal that came during the thank-you of a session already ended.
  private(set) var signalAfterTheEnd: Int32?
  private(set) var warnings: [LocalizedText] = []

  init(
    session: SessionID, engine: SessionEngine, stage: Stage, feedback: FeedbackPlayer?, scents: ScentLink,
    recorder: AnswerRecorder?, voices: DemoVoices?, pads: [VirtualGamepad], autopilot: Autopilot?,
    journal: EventJournal, inbox: LockedBuffer<SessionInput>, analysis: AnswerAnalysis, outputDirectory: URL,
    diskWatch: DiskSpaceWatch? = nil, startBanner: LocalizedText? = nil
  ) {
    self.session = session
    self.engine = engine
    self.stage = stage
    self.feedback = feedback
    self.scents = scents
    self.recorder = recorder
    self.voices = voices
    self.pads = pads
    self.autopilot = autopilot
    self.journal = journal
    self.inbox = inbox
    filings = AnswerFilingQueue(analysis: analysis, journal: journal)
    self.outputDirectory = outputDirectory
    self.diskWatch = diskWatch
    self.startBanner = startBanner
    scene = engine.scene
  }

  var seatedPlayers: Int { scene.players.count }
  /// The participants who took a seat (a seat beyond the group's members has none).
  var seatedParticipants: [ParticipantCode] { scene.players.compactMap(\.participant) }

  /// Runs frames until the session has ended and its thank-you has been seen.
  func runUntilEnded() async {
    var endedAt: UInt64?
    let thankYouNanoseconds: UInt64 = autopilot == nil ? 10_000_000_000 : 2_000_000_000
    handle(.tick, at: MonotonicClock.nanoseconds())
    while true {
      let frameStart = MonotonicClock.nanoseconds()
      for event in stage.pollEvents() {
        // Asked to stop, the program does not wait on the thank-you: the computer may be shutting
        // down. Only a session still under way was stopped; one already ended closes sooner, and
        // the program stops once its answers are measured and exported.
        if case .stopRequested(let signal, _) = event {
          if engine.hasEnded {
            endedAt = 0
            if stopSignal == nil, signalAfterTheEnd == nil { signalAfterTheEnd = signal }
          } else if stopSignal == nil {
            stopSignal = signal
          }
        }
        for input in InputTranslator.inputs(for: event) { handle(input, at: event.timestamp) }
        if endedAt != nil, case .operator = event { endedAt = 0 }  // a key on the thank-you closes it
      }
      // Only after SDL has polled a press may the finger lift: SDL samples virtual pads at poll
      // time, so a press and release between two polls would never be seen.
      releaseHeldButtons()
      for input in inbox.takeAll() { handle(input, at: MonotonicClock.nanoseconds()) }
      // Each input is handled at the time it is handled, not the frame's start: the pads and the
      // inbox above were read later than that, and their events are already stamped.
      if frameStart >= lastTick + SessionRunner.tickNanoseconds { handle(.tick, at: MonotonicClock.nanoseconds()) }
      if let action = autopilot?.nextAction(for: scene, at: frameStart) {
        perform(action, at: MonotonicClock.nanoseconds())
      }
      watchDisk(at: MonotonicClock.nanoseconds())
      pumpRecorder()
      let report = stage.present(withBanner(withJournalNotice(scene)))
      frames += 1
      droppedFrames = report.droppedFrames
      if let stimulus = stimulusAwaitingFrame {
        stimulusAwaitingFrame = nil
        handle(.stimulusPresented(stimulus, at: report.presentedAt), at: report.presentedAt)
      }
      if engine.hasEnded, endedAt == nil { endedAt = stopSignal == nil ? report.presentedAt : 0 }
      if let endedAt, endedAt == 0 || report.presentedAt - endedAt >= thankYouNanoseconds { break }
      if !stage.configuration.usesVSync {
        let spent = MonotonicClock.nanoseconds() - frameStart
        if spent < SessionRunner.frameNanoseconds {
          try? await Task.sleep(nanoseconds: SessionRunner.frameNanoseconds - spent)
        }
      } else {
        await Task.yield()
      }
    }
    releaseHeldButtons()
  }

  /// Waits for every answer's analysis; returns how many answers were measured and stored.
  func finishAnalyses() async -> Int {
    var measured = 0
    var withoutParticipant = unfiledTakes.values.map(\.count).reduce(0, +)
    defer {
      if withoutParticipant > 0 {
        warnings.append(
          LocalizedText(
            fr:
              "\(withoutParticipant) réponse(s) de joueur(s) sans code participant (places hors du groupe, ou arrivés en cours de séance sans être nommés) : enregistrées dans \(outputDirectory.path), mais ni classées ni mesurées.",
            en:
              "\(withoutParticipant) answer(s) from player(s) without a participant code (seats outside the group, or latecomers nobody named): recorded in \(outputDirectory.path), but neither filed nor measured."
          ))
      }
    }
    for outcome in await filings.finish() {
      do {
        if try outcome.get().isMeasured { measured += 1 } else { withoutParticipant += 1 }
      } catch {
        warnings.append(
          LocalizedText(
            fr: "Une réponse n'a pas pu être analysée : \(error).", en: "An answer could not be analysed: \(error)."))
      }
    }
    return measured
  }

  /// While the log cannot be written, the therapist sees why over the scene (unless a question of
  /// theirs is open there); the notice goes once writing resumes.
  private func withJournalNotice(_ scene: StageScene) -> StageScene {
    guard let failure = journal.failure else { return scene }
    if !journalFailed {
      journalFailed = true
      warnings.append(failure.notice)
    }
    switch scene.overlay {
    case .confirmEnd, .keyboardHelp: return scene
    case .notice, nil:
      var shown = scene
      shown.overlay = .notice(failure.notice)
      return shown
    }
  }

  /// The start problems and the disk's state, along the top of every scene.
  private func withBanner(_ scene: StageScene) -> StageScene {
    let parts = [startBanner, diskWatch?.banner].compactMap { $0 }
    guard !parts.isEmpty else { return scene }
    var shown = scene
    shown.banner = LocalizedText(
      fr: parts.map(\.french).joined(separator: ", "), en: parts.map(\.english).joined(separator: ", "))
    return shown
  }

  /// A disk running low is logged and shown; a full one stops the take being recorded, which is
  /// closed and filed as it stands, and refuses the next ones until space is freed.
  private func watchDisk(at now: UInt64) {
    guard let diskWatch, let level = diskWatch.look(at: now) else { return }
    journal.record(diskWatch.event(level, session: session, at: now))
    switch level {
    case .enough:
      break
    case .low:
      warnings.append(
        LocalizedText(
          fr: "Le disque des enregistrements s'est presque rempli pendant la séance (\(diskWatch.folder.path)).",
          en: "The recordings' disk nearly filled up during the session (\(diskWatch.folder.path))."))
    case .full:
      warnings.append(
        LocalizedText(
          fr:
            "Le disque des enregistrements était plein : l'enregistrement a été arrêté proprement (\(diskWatch.folder.path)).",
          en: "The recordings' disk was full: recording was stopped cleanly (\(diskWatch.folder.path))."))
      if recorder?.current != nil { handle(.recordingFailed(diskWatch.fullReason), at: now) }
    }
  }

  // MARK: Engine

  /// Hands one input to the engine; what it logs carries the input's time, never earlier than the
  /// input before it, so the engine's events are stamped in the order they happened.
  ///
  /// A device that answers while the commands of an input are being carried out (a recording
  /// refused on the spot) is heard after all of them: otherwise its events would come before the
  /// ones the engine logged with the command, such as `recording.failed` before `recording.started`.
  private func handle(_ input: SessionInput, at time: UInt64) {
    guard !isDispatching else {
      answersDuringDispatch.append((input, time))
      return
    }
    let now = max(time, lastHandled)
    lastHandled = now
    if case .tick = input { lastTick = now }
    isDispatching = true
    for command in engine.handle(input, at: now) { dispatch(command, at: now) }
    isDispatching = false
    while !answersDuringDispatch.isEmpty {
      let (next, at) = answersDuringDispatch.removeFirst()
      handle(next, at: at)
    }
  }

  private func dispatch(_ command: SessionCommand, at now: UInt64) {
    switch command {
    case .show(let next):
      if case .stimulus(let view) = next.content { stimulusAwaitingFrame = view.stimulus }
      scene = next
    case .releaseScent(let scent, _, let intensity, let duration):
      scents.release(scent, intensity: intensity, durationMilliseconds: duration)
    case .stopAllScents:
      scents.stopAll()
    case .purgeAir(let duration):
      scents.purge(milliseconds: duration)
    case .startRecording(let request):
      startRecording(request, at: now)
    case .stopRecording:
      stopRecording(at: now)
    case .playSound(let sound):
      feedback?.play(sound)
    case .log(let event):
      if case .trial(.started) = event { trialsStarted += 1 }
      if case .trial(.ended) = event { trialsEnded += 1 }
      journal.record(SessionEvent(session: session, monotonicNanoseconds: now, wallClock: Date(), event))
      if case .seating(.attributed(let player, let participant)) = event { fileTakes(of: player, under: participant) }
    case .sessionEnded:
      break
    }
  }

  // MARK: Recording

  private func startRecording(_ request: RecordingRequest, at now: UInt64) {
    guard let recorder else {
      handle(
        .recordingFailed(
          LocalizedText(fr: "Aucun micro n'est disponible.", en: "No microphone is available.")), at: now)
      return
    }
    if let diskWatch, diskWatch.level == .full {
      handle(.recordingFailed(diskWatch.fullReason), at: now)
      return
    }
    do {
      try recorder.begin(AnswerFile(request: request, session: session, outputDirectory: outputDirectory))
      takeAwaitingLog = now
    } catch {
      handle(.recordingFailed(Self.recordingProblem(error)), at: now)
    }
  }

  private func pumpRecorder() {
    if let started = takeAwaitingLog {
      // A log that cannot be written must not cost the answer: its audio goes to disk regardless.
      guard journal.hasWritten(through: started) || journal.failure != nil else { return }
      takeAwaitingLog = nil
    }
    do {
      try recorder?.pump()
    } catch {
      handle(.recordingFailed(Self.recordingProblem(error)), at: MonotonicClock.nanoseconds())
    }
  }

  private func stopRecording(at now: UInt64) {
    takeAwaitingLog = nil
    guard let (file, problem) = recorder?.end() else { return }
    recordings.append(file.url)
    speakers[Self.speaker(of: file), default: 0] += 1
    if let problem {
      // The file holds the take up to the last block written; it is measured as it is.
      warnings.append(Self.recordingProblem(problem))
      journal.record(
        SessionEvent(
          session: session, monotonicNanoseconds: now, wallClock: Date(),
          .recording(
            .incomplete(file.request.take, path: file.url.path, reason: "\(problem)", then: "analysed as written"))))
    }
    // The autopilot's k-th answer is the k-th spoken text: the disk driver reads them in order.
    if let text = voices?.text(ofAnswer: recordedAnswers) {
      try? text.write(to: file.transcriptURL, atomically: true, encoding: .utf8)
    }
    recordedAnswers += 1
    if file.participant == nil {
      unfiledTakes[file.request.player, default: []].append(file)
    } else {
      filings.file(file)
    }
  }

  /// The therapist named the latecomer in seat `player`: the takes they gave before are theirs
  /// (`TakeOwners` reads the log the same way), filed now. Naming needs a pause, which ends the
  /// seat's take, and the seat's later takes carry the code.
  private func fileTakes(of player: PlayerNumber, under participant: ParticipantCode) {
    for take in unfiledTakes.removeValue(forKey: player) ?? [] {
      speakers[Self.speaker(of: take), default: 0] -= 1
      let filed = take.filed(under: participant)
      speakers[Self.speaker(of: filed), default: 0] += 1
      filings.file(filed)
    }
    speakers = speakers.filter { $0.value > 0 }
  }

  /// The summary's name for who gave a take: the participant's code, else `player N`.
  private static func speaker(of file: AnswerFile) -> String {
    file.participant?.rawValue ?? "player \(file.request.player.rawValue)"
  }

  private static func recordingProblem(_ error: any Error) -> LocalizedText {
    LocalizedText(fr: "L'enregistrement a échoué : \(error).", en: "Recording failed: \(error).")
  }

  // MARK: Autopilot

  private func perform(_ action: AutopilotAction, at now: UInt64) {
    switch action {
    case .key(let operatorAction):
      handle(.operator(operatorAction), at: now)
    case .tap(let player, let button):
      guard pads.indices.contains(player - 1) else { return }
      let pad = pads[player - 1]
      pad.press(button)
      heldButtons.append((pad, button))
    }
  }

  /// Lets go of the buttons pressed on the previous frame: a tap, as a hand would make it.
  private func releaseHeldButtons() {
    for (pad, button) in heldButtons { pad.release(button) }
    heldButtons.removeAll()
  }
}
