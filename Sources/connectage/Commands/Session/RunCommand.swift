import ArgumentParser
import Foundation
import SessionModel
import SessionRunner

/// `connectage run`: a session with real pads, the keyboard and the microphone.
struct RunCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run a planned session with real gamepads, the keyboard and the microphone.",
    discussion: """
      Keys: Space next, P pause, S skip, R redo, 1…0 give the floor, Esc end (Enter confirms), H help.

      Before anything opens, a clinical session checks its diffuser, microphone, disk space and \
      registered group, and refuses to start (exit 2) when one is missing, unless --allow-degraded \
      is given. It also refuses group members the protocol's inclusion criteria do not include \
      ('participants check'). A second run of a planned session that is already running is refused.

      Make-up (rattrapage): --make-up P03 with P03's own group plays a catch-up run of that planned \
      session, same trial order, P03 alone in seat 1; with another group's session of the same \
      number, P03 joins after its members. P03's absence must be recorded first; the run marks it \
      made up, and the seated participants present.
      """)

  @Argument(help: ArgumentHelp("Protocol file.", valueName: "protocol"))
  var protocolFile: String

  @Option(help: "Which session of the schedule (from 1).")
  var session = 1

  @Option(help: "Participants in the plan (default: the study's, fixed at its first session; else 10).")
  var participants: Int?

  @Option(help: ArgumentHelp("The planned group that plays, e.g. G02 (default: the first).", valueName: "group"))
  var group: String?

  @Option(help: "Seed of the counterbalanced plan (default: the study's, fixed at its first session; else 1).")
  var seed: UInt64?

  @Option(help: "Participants making up this session they missed, separated by commas (rattrapage).")
  var makeUp: String?

  /// The clinical checks end to end need a clinical run that plays itself. The run's start event
  /// records the virtual players, so such a run is never taken for patients' answers.
  @Option(
    help: ArgumentHelp(
      "Virtual players instead of pads, each answering every trial for 1 s (tests).", visibility: .hidden))
  var virtualPlayers: Int?

  @OptionGroup var store: StoreOptions
  @OptionGroup var options: SessionOptions

  private var players: PlayerChoice {
    guard let virtualPlayers else { return .realPads }
    var pace = AutopilotPace.brisk
    pace.secondsPerAnswer = 1
    pace.speakersPerTrial = virtualPlayers  // everyone answers, as in a clinical session
    return .autopilot(players: virtualPlayers, pace: pace)
  }

  @MainActor
  func run() async throws {
    if let virtualPlayers, !(1...10).contains(virtualPlayers) {
      throw CommandFailure.badInput(
        LocalizedText(
          fr: "--virtual-players doit être entre 1 et 10 (reçu \(virtualPlayers)).",
          en: "--virtual-players must be between 1 and 10 (got \(virtualPlayers))."))
    }
    try await Self.runSession(
      RunConfiguration(
        protocolFile: URL(fileURLWithPath: protocolFile), assetsRoot: options.stage.assetsRoot,
        databasePath: store.resolvedPath, outputDirectory: options.stage.outputDirectory(defaultName: "recordings"),
        diffuser: try options.diffuserChoice(otherwise: .none), display: options.display, players: players,
        sessionNumber: session,
        participantCount: participants, group: group, seed: seed, language: Terminal.language,
        padMappingsFile: options.stage.padMappingsFile, resumesInterruptedRun: options.resume,
        allowsDegradedStart: options.allowDegraded, makeUp: try SessionAttendanceCommand.codes(makeUp)))
  }

  @MainActor
  static func runSession(_ configuration: RunConfiguration) async throws {
    let runner = SessionRunner(configuration: configuration)
    let summary: RunSummary
    do {
      summary = try await runner.run()
    } catch {
      throw error.isBadInput ? CommandFailure.badInput(error.message) : CommandFailure.runtime(error.message)
    }
    for line in RunSummaryText.lines(summary, warnings: runner.warnings) { Terminal.say(line) }
    if let stopped = RunSummaryText.stopFailure(summary) { throw stopped }
  }
}
