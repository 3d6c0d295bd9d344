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
      is given. A second run of a planned session that is already running is refused.
      """)

  @Argument(help: ArgumentHelp("Protocol file.", valueName: "protocol"))
  var protocolFile: String

  @Option(help: "Which session of the schedule (from 1).")
  var session = 1

  @Option(help: "Participants in the plan.")
  var participants = 10

  @Option(help: ArgumentHelp("The planned group that plays, e.g. G02 (default: the first).", valueName: "group"))
  var group: String?

  @Option(help: "Seed of the counterbalanced plan (record it with the study).")
  var seed: UInt64 = 1

  @OptionGroup var store: StoreOptions
  @OptionGroup var options: SessionOptions

  @MainActor
  func run() async throws {
    try await Self.runSession(
      RunConfiguration(
        protocolFile: URL(fileURLWithPath: protocolFile), assetsRoot: options.assetsRoot,
        databasePath: store.resolvedPath, outputDirectory: options.outputDirectory(defaultName: "recordings"),
        diffuser: try options.diffuserChoice(otherwise: .none), display: options.display, players: .realPads,
        sessionNumber: session,
        participantCount: participants, group: group, seed: seed, language: Terminal.language,
        padMappingsFile: options.padMappingsFile, resumesInterruptedRun: options.resume,
        allowsDegradedStart: options.allowDegraded))
  }

  @MainActor
  static func runSession(_ configuration: RunConfiguration) async throws {
    let runner = SessionRunner(configuration: configuration)
    do {
      let summary = try await runner.run()
      for line in RunSummaryText.lines(summary, warnings: runner.warnings) { Terminal.say(line) }
    } catch {
      throw error.isBadInput ? CommandFailure.badInput(error.message) : CommandFailure.runtime(error.message)
    }
  }
}
