import SessionModel

@testable import ScentKit

/// Seeded random commands and messages, so a failing property test replays exactly.
struct MessageGenerator {
  var random: SplitMix64

  init(seed: UInt64) { random = SplitMix64(seed: seed) }

  mutating func byte() -> UInt8 { UInt8.random(in: .min ... .max, using: &random) }
  mutating func word() -> UInt16 { UInt16.random(in: .min ... .max, using: &random) }
  mutating func text(maximum: Int) -> String {
    let letters = Array("abcdefghijklmnopqrstuvwxyzéèàç-0123456789 ")
    return String((0..<Int.random(in: 0...maximum, using: &random)).map { _ in letters.randomElement(using: &random)! })
  }

  mutating func command() -> HostCommand {
    switch Int.random(in: 0..<6, using: &random) {
    case 0: .hello(protocolVersion: byte())
    case 1:
      .release(channel: byte(), intensity: byte(), durationMilliseconds: word(), fanBoost: Bool.random(using: &random))
    case 2: .stop(channel: byte())
    case 3: .purge(durationMilliseconds: word())
    case 4: .status
    default: .heartbeat
    }
  }

  mutating func message() -> DeviceMessage {
    let commands = MessageType.allCases.filter(\.isFromHost)
    switch Int.random(in: 0..<6, using: &random) {
    case 0:
      return .acknowledgement(
        Acknowledgement(
          command: .release,
          detail: .release(
            appliedMilliseconds: word(), deviceStartMicroseconds: UInt64.random(in: 0...UInt64.max, using: &random))))
    case 1:
      let command = commands.randomElement(using: &random)!
      let detail: Acknowledgement.Detail =
        switch command {
        case .release: .release(appliedMilliseconds: word(), deviceStartMicroseconds: 42)
        case .purge: .purge(appliedMilliseconds: word())
        default: .none
        }
      return .acknowledgement(Acknowledgement(command: command, detail: detail))
    case 2:
      return .negativeAcknowledgement(
        of: commands.randomElement(using: &random)!, code: RejectionCode.allCases.randomElement(using: &random)!)
    case 3:
      let count = Int.random(in: 0...30, using: &random)
      return .info(
        DeviceInfo(
          model: text(maximum: 40), firmware: text(maximum: 10),
          scentsByChannel: (0..<count).map { _ in text(maximum: 12) }))
    case 4:
      let channels = (0..<Int.random(in: 0...30, using: &random)).map { _ in
        ChannelStatus(
          level: byte() % 101, isActive: .random(using: &random), isEmpty: .random(using: &random),
          isMissing: .random(using: &random), remainingMilliseconds: word())
      }
      return .status(DeviceStatus(fanRemainingMilliseconds: word(), channels: channels))
    default:
      return .random(using: &random)
        ? .notification(
          .releaseEnded(channel: byte(), reason: ReleaseEndReason.allCases.randomElement(using: &random)!))
        : .notification(.fault(channel: byte(), code: FaultCode.allCases.randomElement(using: &random)!))
    }
  }
}
