/// The type byte of a frame. Host commands are below 0x80, device messages at or above.
public enum MessageType: UInt8, CaseIterable, Sendable {
  case hello = 0x01
  case release = 0x02
  case stop = 0x03
  case purge = 0x04
  case status = 0x05
  case heartbeat = 0x06

  case acknowledgement = 0x80
  case negativeAcknowledgement = 0x81
  case info = 0x82
  case statusReport = 0x83
  case notification = 0x84

  public var isFromHost: Bool { rawValue < 0x80 }
}
