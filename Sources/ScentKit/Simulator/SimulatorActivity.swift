/// What the simulator did, for its console and for tests that watch it.
public enum SimulatorActivity: Hashable, Sendable, CustomStringConvertible {
  case listening(address: String)
  case hostConnected
  case hostDisconnected
  case received(HostCommand, sequence: UInt16)
  case answered(DeviceMessage, sequence: UInt16)
  case notified(DeviceNotification)
  case droppedLink
  case stalled
  case discardedBytes(Int)

  public var description: String {
    switch self {
    case .listening(let address): "listening on \(address)"
    case .hostConnected: "host connected"
    case .hostDisconnected: "host disconnected"
    case .received(let command, let sequence): "received #\(sequence) \(command)"
    case .answered(let message, let sequence): "answered #\(sequence) \(message.summary)"
    case .notified(.releaseEnded(let channel, let reason)): "release on channel \(channel) stopped: \(reason)"
    case .notified(.fault(let channel, let code)): "fault on channel \(channel): \(code)"
    case .droppedLink: "fault injection: dropped the link"
    case .stalled: "fault injection: firmware stalled"
    case .discardedBytes(let count): "discarded \(count) bytes of garbage"
    }
  }
}

extension DeviceMessage {
  /// One line for logs (a full status would be 30 channels long).
  public var summary: String {
    switch self {
    case .acknowledgement(let ack): "ACK \(ack.command) \(ack.detail)"
    case .negativeAcknowledgement(let command, let code): "NAK \(command) \(code)"
    case .info(let info): "INFO \(info.model) \(info.firmware) \(info.channelCount) channels"
    case .status(let status): "STATUS active \(status.activeChannels) faulty \(status.faultyChannels)"
    case .notification(let notification): "NOTIFY \(notification)"
    }
  }
}
