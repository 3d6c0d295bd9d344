import Foundation
import SessionModel

/// Where the command's words go, and in which language.
enum Terminal {
  static let language = Language.fromEnvironment(ProcessInfo.processInfo.environment)

  static func print(_ text: String) {
    FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
  }

  static func printError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
  }

  static func say(_ text: LocalizedText) { print(text.text(in: language)) }
}
