import Foundation
import ScentKit
import SessionModel
import Stage

/// The home screen's frame loop: the Stage's keys, clicks and pads go to the ``HomeModel``, its
/// effects go to the devices, and a session started there runs in the same window.
@MainActor
public final class HomeLoop {
  private var model: HomeModel
  private let stage: Stage
  /// The paths and players every session started here uses; the home screen's choices fill in the rest.
  private let base: RunConfiguration
  private let settingsFile: URL
  private let protocolsFolder: URL
  private let openReview: @MainActor () async -> LocalizedText
  private let inbox = LockedBuffer<HomeInput>()
  private var pendingWork = 0
  private var microphone: AudioCapture?
  private var heard: [Int16] = []
  private var script: [HomeScriptStep]
  private var framesSinceKey = 0
  private var waitUntil: UInt64 = 0
  private let workDirectory = FileManager.default.temporaryDirectory
    .appendingPathComponent("connectage-home-\(getpid())", isDirectory: true)

  /// What the sessions started here left, newest last; for the caller's messages.
  public private(set) var summaries: [RunSummary] = []
  public private(set) var warnings: [LocalizedText] = []

  /// - Parameter openReview: starts the review workstation on `base`'s database and opens the
  ///   browser (the `review` command's own code); returns what to tell the therapist.
  public init(
    stage: Stage, base: RunConfiguration, protocolsFolder: URL, settings: InstallationSettings, settingsFile: URL,
    knownDiffusers: [String] = [], script: [HomeScriptStep] = [],
    openReview: @escaping @MainActor () async -> LocalizedText
  ) {
    self.stage = stage
    self.base = base
    self.settingsFile = settingsFile
    self.protocolsFolder = protocolsFolder
    self.openReview = openReview
    self.script = script
    let (catalogue, warnings) = HomeCatalogue.read(
      protocolsFolder: protocolsFolder, assetsRoot: base.assetsRoot, databasePath: base.databasePath,
      participantCount: base.participantCount, seed: base.seed)
    self.warnings = warnings
    model = HomeModel(catalogue: catalogue, settings: settings, knownDiffusers: knownDiffusers)
    stage.language = settings.language
  }

  /// The signal that closed the home screen: one that stopped the last session or came once it
  /// had ended, or one received on the home screen itself. The caller exits by it, as `run` does.
  public private(set) var stopSignal: Int32?

  isolated deinit { try? FileManager.default.removeItem(at: workDirectory) }

  /// Shows the home screen until the therapist quits (Esc, or closing the window) or a signal
  /// closes it (``stopSignal``).
  public func run() async {
    feed(.microphonesListed(AudioCapture.deviceNames()))
    // A session the system stopped (SIGTERM at shutdown) takes the home screen with it.
    while stopSignal == nil {
      for event in stage.pollEvents() {
        switch event {
        case .quitRequested: return
        case .stopRequested(let signal, _):
          stopSignal = signal
          return
        case .operator(let action, _): if perform(feed(.key(action))) { return }
        case .navigate(let key, _): if perform(feed(.navigate(key))) { return }
        case .pointed(let row, _): if perform(feed(.pointed(row: row))) { return }
        case .pad(.pressed(let pad, _), _): _ = feed(.padPressed(pad))
        case .pad: break
        }
      }
      for input in inbox.takeAll() {
        pendingWork -= 1
        _ = feed(input)
      }
      listen()
      pressScriptedKey()
      stage.present(model.scene)
      if !stage.configuration.usesVSync { try? await Task.sleep(for: .milliseconds(16)) } else { await Task.yield() }
      if case .session = model.screen, let start = pendingStart {
        pendingStart = nil
        await runSession(start)
      }
    }
  }

  private var pendingStart: HomeStart?

  @discardableResult
  private func feed(_ input: HomeInput) -> [HomeEffect] {
    model.handle(input)
  }

  /// Carries out the effects; true when the program should close.
  private func perform(_ effects: [HomeEffect]) -> Bool {
    for effect in effects {
      switch effect {
      case .checkDiffuser(let choice):
        background { [workDirectory] in
          .diffuserChecked(await DiffuserProbe.check(choice, workDirectory: workDirectory))
        }
      case .searchDiffusers(let hosts):
        background { .diffusersFound(await DiffuserDiscovery.search(aromaShooters: hosts)) }
      case .puff(let choice, let channel):
        background { [workDirectory] in
          .puffed(await DiffuserProbe.puff(choice, channel: channel, workDirectory: workDirectory))
        }
      case .listenToMicrophone(let name):
        microphone = nil
        do {
          let capture = try AudioCapture(deviceName: name)
          capture.start()
          microphone = capture
          feed(.microphoneOpened(failure: nil))
        } catch {
          feed(.microphoneOpened(failure: error.message))
        }
      case .stopListening:
        microphone?.stop()
        microphone = nil
        heard = []
      case .measureScreenAndDisk:
        let display = stage.display
        feed(.screenMeasured(width: display.width, height: display.height, isFullscreen: display.isFullscreen))
        feed(.diskMeasured(availableBytes: DiskSpace.availableBytes(at: base.outputDirectory)))
      case .setFullscreen(let fullscreen):
        if !stage.configuration.isHeadless { stage.setFullscreen(fullscreen) }
      case .start(let start):
        pendingStart = start
      case .openReview:
        pendingWork += 1
        let open = openReview
        let inbox = inbox
        Task { @MainActor in inbox.append(.reviewOpened(await open())) }
      case .saveSettings(let settings):
        stage.language = settings.language
        if !stage.configuration.isHeadless { stage.setFullscreen(settings.fullscreen) }
        do {
          try settings.save(to: settingsFile)
        } catch {
          warnings.append(
            LocalizedText(
              fr:
                "Les réglages n'ont pas pu être enregistrés dans \(settingsFile.path) : vérifiez les droits du dossier.",
              en: "The settings could not be saved in \(settingsFile.path): check the folder's permissions."))
        }
      case .quit:
        return true
      }
    }
    return false
  }

  /// Device work off the main thread; its answer comes back through the inbox.
  private func background(_ work: @escaping @Sendable () async -> HomeInput) {
    pendingWork += 1
    let inbox = inbox
    Task.detached { inbox.append(await work()) }
  }

  /// About ten levels a second from the microphone, for the meter and the verdict.
  private func listen() {
    guard let microphone else { return }
    heard += microphone.readAvailable()
    let moment = AudioCapture.sampleRate / 10
    while heard.count >= moment {
      feed(.microphoneHeard(MicrophoneLevel(samples: Array(heard.prefix(moment)))))
      heard.removeFirst(moment)
    }
  }

  private func pressScriptedKey() {
    framesSinceKey += 1
    guard let step = script.first, pendingWork == 0, framesSinceKey >= 6,
      MonotonicClock.nanoseconds() >= waitUntil
    else { return }
    script.removeFirst()
    framesSinceKey = 0
    switch step {
    case .arrow(let key): stage.pushSyntheticKey(key)
    case .key(let action): stage.pushSyntheticKey(action)
    case .wait(let seconds): waitUntil = MonotonicClock.nanoseconds() + UInt64(seconds * 1_000_000_000)
    }
  }

  /// Runs the chosen session in this window, then shows its summary (or why it did not start).
  private func runSession(_ start: HomeStart) async {
    microphone = nil
    let configuration = start.configuration(base: base)
    let runner = SessionRunner(configuration: configuration, stage: stage)
    do {
      let summary = try await runner.run()
      summaries.append(summary)
      stopSignal = summary.stoppedBySignal ?? summary.signalAfterTheEnd
      feed(
        .sessionEnded(
          SessionReport(
            session: summary.session.rawValue, players: summary.players, speakers: summary.speakers,
            recordedAnswers: summary.recordings.count, measuredAnswers: summary.measuredAnswers,
            releasedScents: summary.releasedScents, incidents: runner.warnings)))
    } catch {
      feed(.sessionRefused(error.message))
    }
    let (catalogue, _) = HomeCatalogue.read(
      protocolsFolder: protocolsFolder, assetsRoot: base.assetsRoot, databasePath: base.databasePath,
      participantCount: base.participantCount, seed: base.seed)
    model.replace(catalogue)
  }
}
