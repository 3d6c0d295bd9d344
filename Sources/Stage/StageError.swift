import SessionModel

/// Why the Stage could not open a window, a device or a file.
public struct StageError: Error, Sendable, CustomStringConvertible {
  /// What failed, in the user's terms.
  public var message: LocalizedText
  /// SDL's own words, for the log.
  public var detail: String

  public init(_ message: LocalizedText, detail: String = "") {
    self.message = message
    self.detail = detail
  }

  public var description: String { detail.isEmpty ? message.english : "\(message.english) (\(detail))" }
}
