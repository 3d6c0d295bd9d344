import ArgumentParser
import Foundation
import SessionModel
import SessionRunner
import Stage
import Store

/// `connectage demo`: a real session played by virtual players, start to finish.
struct DemoCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Run a whole session with virtual players: simulated diffuser, spoken answers, measures and export.",
    discussion: """
      Virtual pads join, choose avatars, play each game and answer with espeak-ng voices heard
      through the real capture path; the simulated diffuser releases the scents; every event goes
      to the SQLite file and the answers are measured and exported as CSV.
      """)

  @Option(help: ArgumentHelp("Protocol file to run.", valueName: "file"))
  var `protocol` = Self.defaultProtocol

  static let defaultProtocol = "Protocols/demo.yaml"

  /// The protocol as given; the default also names the installed demo when the current folder is not a checkout.
  private var protocolPath: String {
    guard self.protocol == Self.defaultProtocol, !FileManager.default.fileExists(atPath: self.protocol) else {
      return self.protocol
    }
    return session.stage.assetsRoot.deletingLastPathComponent().appendingPathComponent(Self.defaultProtocol).path
  }

  @Option(help: "Virtual players (1 to 10).")
  var players = 4

  @Flag(help: "Play as fast as the rules allow (for tests).")
  var brisk = false

  /// Shorter answers than the brisk pace's, for the tests that kill and resume many sessions.
  @Option(help: ArgumentHelp("Seconds each virtual player speaks (tests).", visibility: .hidden))
  var answerSeconds: Double?

  /// A latecomer's answers from before the therapist names them must be filed under their code:
  /// checked end to end on a run that has one.
  @Flag(
    help: ArgumentHelp(
      "The last player joins in the first answer and is named at the next image; everyone answers (tests).",
      visibility: .hidden))
  var latecomer = false

  @Option(help: ArgumentHelp("Database file (default: $XDG_DATA_HOME/connectage/demo.sqlite).", valueName: "path"))
  var db: String?

  @Option(
    help:
      "Registered participants making up this session they missed (seated after the group's members, or alone in a catch-up of their own group's session): count them in --players."
  )
  var makeUp: String?

  @OptionGroup var session: SessionOptions

  private var pace: AutopilotPace {
    var pace = brisk ? AutopilotPace.brisk : .demonstration
    if let answerSeconds { pace.secondsPerAnswer = answerSeconds }
    if latecomer { pace.speakersPerTrial = players }
    return pace
  }

  @MainActor
  func run() async throws {
    guard ((latecomer ? 2 : 1)...10).contains(players) else {
      throw CommandFailure.badInput(
        LocalizedText(
          fr: "--players doit être entre \(latecomer ? 2 : 1) et 10 (reçu \(players)).",
          en: "--players must be between \(latecomer ? 2 : 1) and 10 (got \(players))."))
    }
    let diffuser = try session.diffuserChoice(otherwise: .simulated)
    if let answerSeconds, !(1...60).contains(answerSeconds) {
      throw CommandFailure.badInput(
        LocalizedText(
          fr: "--answer-seconds doit être entre 1 et 60 (reçu \(answerSeconds)).",
          en: "--answer-seconds must be between 1 and 60 (got \(answerSeconds))."))
    }
    let makeUpCodes = try SessionAttendanceCommand.codes(makeUp)
    let seated = players
    let output = session.stage.outputDirectory(defaultName: "demo")
    let databasePath = db ?? output.appendingPathComponent("demo.sqlite").path
    let configuration = RunConfiguration(
      protocolFile: URL(fileURLWithPath: protocolPath), assetsRoot: session.stage.assetsRoot,
      databasePath: databasePath,
      outputDirectory: output, diffuser: diffuser, display: session.display,
      players: .autopilot(players: seated, pace: pace, latecomers: latecomer ? 1 : 0),
      resumesInterruptedRun: session.resume, isDemonstration: true, makeUp: makeUpCodes)
    Terminal.say(
      LocalizedText(
        fr:
          "Démonstration : \(protocolPath), \(seated) joueur(s) virtuel(s), diffuseur \(session.diffuser ?? "simulé"), base \(databasePath).",
        en:
          "Demo: \(protocolPath), \(seated) virtual player(s), diffuser \(session.diffuser ?? "simulated"), database \(databasePath)."
      ))
    try await RunCommand.runSession(configuration)
  }
}
