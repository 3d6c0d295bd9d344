/// A take recovery found on disk but could not repair or measure; the file is left as it is.
public struct UnrecoveredRecording: Sendable, Hashable {
  public var path: String
  public var reason: String

  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }
}
