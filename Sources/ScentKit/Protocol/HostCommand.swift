/// What the host asks of the diffuser, in wire terms (raw numbers the device validates).
public enum HostCommand: Hashable, Sendable {
  case hello(protocolVersion: UInt8)
  /// `channel` 1–30, `intensity` 0–100 %, `durationMilliseconds` 1–65535 (the device caps at 10 000).
  case release(channel: UInt8, intensity: UInt8, durationMilliseconds: UInt16, fanBoost: Bool)
  /// Channel 0 stops every channel and the fan.
  case stop(channel: UInt8)
  case purge(durationMilliseconds: UInt16)
  case status
  case heartbeat

  public static let allChannels: UInt8 = 0

  public var type: MessageType {
    switch self {
    case .hello: .hello
    case .release: .release
    case .stop: .stop
    case .purge: .purge
    case .status: .status
    case .heartbeat: .heartbeat
    }
  }

  public func frame(sequence: UInt16) -> Frame {
    var writer = PayloadWriter()
    switch self {
    case .hello(let version): writer.byte(version)
    case .release(let channel, let intensity, let duration, let fanBoost):
      writer.byte(channel)
      writer.byte(intensity)
      writer.uint16(duration)
      writer.byte(fanBoost ? 1 : 0)
    case .stop(let channel): writer.byte(channel)
    case .purge(let duration): writer.uint16(duration)
    case .status, .heartbeat: break
    }
    return Frame(type: type, sequence: sequence, payload: writer.bytes)
  }

  public init(frame: Frame) throws(FrameError) {
    var reader = PayloadReader(frame)
    switch frame.type {
    case .hello: self = .hello(protocolVersion: try reader.byte("protocol version"))
    case .release:
      let channel = try reader.byte("channel")
      let intensity = try reader.byte("intensity")
      let duration = try reader.uint16("duration")
      let flags = try reader.byte("flags")
      guard flags <= 1 else { throw .malformedPayload(.release, "unknown flags \(flags)") }
      self = .release(channel: channel, intensity: intensity, durationMilliseconds: duration, fanBoost: flags == 1)
    case .stop: self = .stop(channel: try reader.byte("channel"))
    case .purge: self = .purge(durationMilliseconds: try reader.uint16("duration"))
    case .status: self = .status
    case .heartbeat: self = .heartbeat
    default: throw .malformedPayload(frame.type, "not a host command")
    }
    try reader.finish()
  }
}
