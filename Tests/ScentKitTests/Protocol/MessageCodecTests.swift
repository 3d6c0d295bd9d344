import Testing

@testable import ScentKit

struct MessageCodecTests {
  @Test(arguments: [
    HostCommand.hello(protocolVersion: 1),
    .release(channel: 30, intensity: 100, durationMilliseconds: 10_000, fanBoost: false),
    .stop(channel: 0),
    .stop(channel: 12),
    .purge(durationMilliseconds: 15_000),
    .status,
    .heartbeat,
  ])
  func everyCommandRoundTrips(_ command: HostCommand) throws {
    let frame = try Frame.decode(command.frame(sequence: 0xBEEF).encoded())
    #expect(frame.sequence == 0xBEEF)
    #expect(try HostCommand(frame: frame) == command)
  }

  @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
  func seededRandomCommandsRoundTripThroughAChunkedStream(seed: UInt64) throws {
    var generator = MessageGenerator(seed: seed)
    let commands = (0..<200).map { _ in generator.command() }
    let stream = commands.enumerated().flatMap { $1.frame(sequence: UInt16($0)).encoded() }
    var decoder = FrameDecoder()
    var decoded: [HostCommand] = []
    var offset = 0
    while offset < stream.count {
      let size = Int(generator.byte() % 40) + 1
      decoder.append(stream[offset..<min(stream.count, offset + size)])
      offset += size
      while let frame = decoder.nextFrame() { decoded.append(try HostCommand(frame: frame)) }
    }
    #expect(decoded == commands)
    #expect(decoder.discardedByteCount == 0)
  }

  @Test(arguments: [11, 12, 13, 14, 15] as [UInt64])
  func seededRandomDeviceMessagesRoundTrip(seed: UInt64) throws {
    var generator = MessageGenerator(seed: seed)
    for sequence in 0..<300 {
      let message = generator.message()
      let frame = try Frame.decode(message.frame(sequence: UInt16(sequence)).encoded())
      #expect(try DeviceMessage(frame: frame) == message)
    }
  }

  @Test(arguments: [
    ("release without flags", Frame(type: .release, sequence: 1, payload: [3, 50, 0, 100])),
    ("release with unknown flags", Frame(type: .release, sequence: 1, payload: [3, 50, 0, 100, 9])),
    ("status with a payload", Frame(type: .status, sequence: 1, payload: [0])),
    ("a device message as a command", Frame(type: .acknowledgement, sequence: 1, payload: [6])),
  ])
  func malformedCommandsThrow(_ name: String, frame: Frame) {
    #expect(throws: FrameError.self, "\(name)") { try HostCommand(frame: frame) }
  }

  @Test(arguments: [
    ("NAK with an unknown code", Frame(type: .negativeAcknowledgement, sequence: 1, payload: [2, 0xEE])),
    ("ACK of a device message type", Frame(type: .acknowledgement, sequence: 1, payload: [0x80])),
    ("info whose string runs past the end", Frame(type: .info, sequence: 1, payload: [200, 65])),
    ("info with invalid UTF-8", Frame(type: .info, sequence: 1, payload: [1, 0xFF, 0, 0])),
    ("status with a short channel", Frame(type: .statusReport, sequence: 1, payload: [0, 0, 1, 50])),
    ("notification of unknown kind", Frame(type: .notification, sequence: 1, payload: [9, 1, 1])),
    ("a command as a device message", Frame(type: .heartbeat, sequence: 1, payload: [])),
  ])
  func malformedDeviceMessagesThrow(_ name: String, frame: Frame) {
    #expect(throws: FrameError.self, "\(name)") { try DeviceMessage(frame: frame) }
  }
}
