import SessionModel
import Store

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

extension RunFailure {
  /// A database failure in plain words: what the run was doing, then the store's own explanation
  /// and what to do (never SQLite's raw text).
  static func store(_ error: any Error, while doing: LocalizedText) -> RunFailure {
    let reason = StoreError.explanation(of: error)
    return RunFailure(
      LocalizedText(fr: "\(doing.french) : \(reason.french)", en: "\(doing.english): \(reason.english)"))
  }
}
