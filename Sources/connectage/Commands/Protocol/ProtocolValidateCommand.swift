import ArgumentParser
import Foundation
import ProtocolKit
import SessionModel

/// `connectage protocol validate FILE...`: `FILE: valide` per good file, every problem on standard error.
struct ProtocolValidateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check protocol files and scent catalogues; exit 2 when one is invalid, 1 when one cannot be read.")

  @Argument(help: "Protocol or scent catalogue files (YAML).")
  var files: [String]

  @OptionGroup var assets: AssetsOption

  func run() async throws {
    var sawInvalid = false
    var sawUnreadable = false
    for file in files {
      do {
        _ = try ProtocolFileValidator.validate(contentsOf: URL(fileURLWithPath: file), assets: assets.url)
        Terminal.say(LocalizedText(fr: "\(file): valide", en: "\(file): valid"))
      } catch {
        Terminal.printError(error.text(in: Terminal.language))
        if error.isUnreadableFile { sawUnreadable = true } else { sawInvalid = true }
      }
    }
    if sawUnreadable { throw ExitCode(CommandFailure.runtimeFailure) }
    if sawInvalid { throw ExitCode(CommandFailure.badInput) }
  }
}
