/// An ACK, with what the device actually did for commands that have a duration.
public struct Acknowledgement: Hashable, Sendable {
  public enum Detail: Hashable, Sendable {
    case none
    /// The duration the device applied (capped at 10 s) and its clock when the channel opened.
    case release(appliedMilliseconds: UInt16, deviceStartMicroseconds: UInt64)
    case purge(appliedMilliseconds: UInt16)
  }

  public var command: MessageType
  public var detail: Detail

  public init(command: MessageType, detail: Detail = .none) {
    self.command = command
    self.detail = detail
  }
}
