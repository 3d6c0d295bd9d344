import ArgumentParser
import Foundation
import SessionModel

/// The `connectage` command: parsing and messages only; the work lives in the modules.
@main
struct ConnectAge: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "connectage",
    abstract: "Multisensory cognitive-stimulation sessions: protocols, diffuser, speech analysis.",
    version: Version.current,
    subcommands: [
      ProtocolCommand.self,
      ParticipantsCommand.self,
      GroupsCommand.self,
      SessionCommand.self,
      DatabaseCommand.self,
      DiffuserCommand.self,
      AnalyzeCommand.self,
      TranscribeCommand.self,
      ExportCommand.self,
      ExportTextGridCommand.self,
      ReviewCommand.self,
      StatsCommand.self,
      ReportCommand.self,
      SyncCommand.self,
      StageCommand.self,
      HomeCommand.self,
      RunCommand.self,
      AnimationCommand.self,
      DemoCommand.self,
    ],
    defaultSubcommand: HomeCommand.self)

  /// Runs the command with the project's exit codes: 0 success, 1 runtime failure, 2 bad input.
  static func main() async {
    do {
      var command = try parseAsRoot()
      if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch {
      exit(withProjectCode: error)
    }
  }

  static func exit(withProjectCode error: any Error) -> Never {
    if let failure = error as? CommandFailure {
      Terminal.printError(failure.message)
      Foundation.exit(failure.exitCode)
    }
    if exitCode(for: error) == .validationFailure {
      // ArgumentParser's usage errors (64) are bad input in this project's terms.
      Terminal.printError(fullMessage(for: error))
      Foundation.exit(CommandFailure.badInput)
    }
    exit(withError: error)  // --help and --version print to standard output and succeed
  }
}
