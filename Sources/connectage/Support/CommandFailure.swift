import SessionModel

/// A failure the command explains to the user in plain language, with the project's exit code.
struct CommandFailure: Error {
  /// The input was wrong (a file, a flag, a code): the user can fix it.
  static let badInput: Int32 = 2
  /// Something failed while running (a device, the disk): trying again or calling for help may fix it.
  static let runtimeFailure: Int32 = 1

  let message: String
  let exitCode: Int32

  static func badInput(_ text: LocalizedText) -> CommandFailure {
    CommandFailure(message: text.text(in: Terminal.language), exitCode: badInput)
  }

  static func runtime(_ text: LocalizedText) -> CommandFailure {
    CommandFailure(message: text.text(in: Terminal.language), exitCode: runtimeFailure)
  }
}
