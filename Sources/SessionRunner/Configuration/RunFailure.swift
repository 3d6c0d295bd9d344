import SessionModel

/// Why a session could not start or finish, in words a therapist can act on.
public struct RunFailure: Error, Sendable, CustomStringConvertible {
  public var message: LocalizedText
  /// True when the input (protocol, options) was wrong rather than a device or the disk.
  public var isBadInput: Bool

  public init(_ message: LocalizedText, isBadInput: Bool = false) {
    self.message = message
    self.isBadInput = isBadInput
  }

  public var description: String { message.english }
}
