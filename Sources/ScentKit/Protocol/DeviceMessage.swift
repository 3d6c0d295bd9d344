/// What the diffuser sends back. Answers echo the sequence number of the command.
public enum DeviceMessage: Hashable, Sendable {
  case acknowledgement(Acknowledgement)
  case negativeAcknowledgement(of: MessageType, code: RejectionCode)
  case info(DeviceInfo)
  case status(DeviceStatus)
  case notification(DeviceNotification)

  public var type: MessageType {
    switch self {
    case .acknowledgement: .acknowledgement
    case .negativeAcknowledgement: .negativeAcknowledgement
    case .info: .info
    case .status: .statusReport
    case .notification: .notification
    }
  }

  public func frame(sequence: UInt16) -> Frame {
    var writer = PayloadWriter()
    switch self {
    case .acknowledgement(let ack):
      writer.byte(ack.command.rawValue)
      switch ack.detail {
      case .none: break
      case .release(let applied, let deviceStart):
        writer.uint16(applied)
        writer.uint64(deviceStart)
      case .purge(let applied): writer.uint16(applied)
      }
    case .negativeAcknowledgement(let command, let code):
      writer.byte(command.rawValue)
      writer.byte(code.rawValue)
    case .info(let info):
      writer.string(info.model)
      writer.string(info.firmware)
      writer.byte(UInt8(min(info.scentsByChannel.count, 64)))
      for scent in info.scentsByChannel.prefix(64) { writer.string(String(scent.utf8.prefix(24))!) }
    case .status(let status):
      writer.uint16(status.fanRemainingMilliseconds)
      writer.byte(UInt8(min(status.channels.count, 64)))
      for channel in status.channels.prefix(64) {
        writer.byte(channel.level)
        writer.byte(channel.flags)
        writer.uint16(channel.remainingMilliseconds)
      }
    case .notification(.releaseEnded(let channel, let reason)):
      writer.byte(1)
      writer.byte(channel)
      writer.byte(reason.rawValue)
    case .notification(.fault(let channel, let code)):
      writer.byte(2)
      writer.byte(channel)
      writer.byte(code.rawValue)
    }
    return Frame(type: type, sequence: sequence, payload: writer.bytes)
  }

  public init(frame: Frame) throws(FrameError) {
    var reader = PayloadReader(frame)
    switch frame.type {
    case .acknowledgement:
      let command = try Self.command(try reader.byte("acknowledged type"), in: frame)
      let detail: Acknowledgement.Detail
      switch command {
      case .release:
        detail = .release(
          appliedMilliseconds: try reader.uint16("applied duration"),
          deviceStartMicroseconds: try reader.uint64("device start time"))
      case .purge: detail = .purge(appliedMilliseconds: try reader.uint16("applied duration"))
      default: detail = .none
      }
      self = .acknowledgement(Acknowledgement(command: command, detail: detail))
    case .negativeAcknowledgement:
      let command = try Self.command(try reader.byte("refused type"), in: frame)
      let raw = try reader.byte("error code")
      guard let code = RejectionCode(rawValue: raw) else {
        throw .malformedPayload(frame.type, "unknown error code \(raw)")
      }
      self = .negativeAcknowledgement(of: command, code: code)
    case .info:
      let model = try reader.string("model")
      let firmware = try reader.string("firmware")
      let count = Int(try reader.byte("channel count"))
      var scents: [String] = []
      for index in 0..<count { scents.append(try reader.string("scent of channel \(index + 1)")) }
      self = .info(DeviceInfo(model: model, firmware: firmware, scentsByChannel: scents))
    case .statusReport:
      let fan = try reader.uint16("fan time")
      let count = Int(try reader.byte("channel count"))
      var channels: [ChannelStatus] = []
      for index in 0..<count {
        let level = try reader.byte("level of channel \(index + 1)")
        let flags = try reader.byte("flags of channel \(index + 1)")
        guard flags <= 7 else { throw .malformedPayload(frame.type, "unknown flags \(flags)") }
        let remaining = try reader.uint16("remaining time of channel \(index + 1)")
        channels.append(
          ChannelStatus(
            level: level, isActive: flags & 1 != 0, isEmpty: flags & 2 != 0, isMissing: flags & 4 != 0,
            remainingMilliseconds: remaining))
      }
      self = .status(DeviceStatus(fanRemainingMilliseconds: fan, channels: channels))
    case .notification:
      let kind = try reader.byte("notification kind")
      let channel = try reader.byte("channel")
      let raw = try reader.byte("reason")
      switch kind {
      case 1:
        guard let reason = ReleaseEndReason(rawValue: raw) else {
          throw .malformedPayload(frame.type, "unknown end reason \(raw)")
        }
        self = .notification(.releaseEnded(channel: channel, reason: reason))
      case 2:
        guard let code = FaultCode(rawValue: raw) else { throw .malformedPayload(frame.type, "unknown fault \(raw)") }
        self = .notification(.fault(channel: channel, code: code))
      default: throw .malformedPayload(frame.type, "unknown notification kind \(kind)")
      }
    default: throw .malformedPayload(frame.type, "not a device message")
    }
    try reader.finish()
  }

  private static func command(_ raw: UInt8, in frame: Frame) throws(FrameError) -> MessageType {
    guard let type = MessageType(rawValue: raw), type.isFromHost else {
      throw .malformedPayload(frame.type, "answers unknown command type \(raw)")
    }
    return type
  }
}
