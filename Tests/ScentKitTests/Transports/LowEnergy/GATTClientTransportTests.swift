import Foundation
import ScentKit
import Synchronization
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The GATT client against the GATT server, both real, over a socket pair that keeps packet
/// boundaries as an L2CAP ATT channel does.
@Suite(.timeLimit(.minutes(1)))
struct GATTClientTransportTests {
  /// Two connected `AF_UNIX SOCK_SEQPACKET` sockets: (host end, device end).
  static func packetPair() throws -> (Int32, Int32) {
    var fds: [Int32] = [-1, -1]
    try #require(socketpair(AF_UNIX, Int32(SOCK_SEQPACKET.rawValue), 0, &fds) == 0)
    return (fds[0], fds[1])
  }

  /// Reads the stream until `count` bytes arrived (or it finished).
  static func collect(_ count: Int, from stream: AsyncStream<[UInt8]>) async -> [UInt8] {
    var bytes: [UInt8] = []
    for await chunk in stream {
      bytes += chunk
      if bytes.count >= count { break }
    }
    return bytes
  }

  @Test(arguments: [1, 20, 21, 244, 245, 600])
  func bytesCrossBothWaysWhateverTheirLength(count: Int) async throws {
    let (host, device) = try Self.packetPair()
    let server = GATTServerTransport(connectedSocket: device, peer: "device")
    let client = try GATTClientTransport.open(connectedSocket: host, peer: "host")
    #expect(client.mtu == 247)
    let payload = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 7) }
    try client.send(payload)
    #expect(await Self.collect(count, from: server.incoming) == payload)
    try server.send(payload.reversed())
    #expect(await Self.collect(count, from: client.incoming) == payload.reversed())
    client.close()
    server.close()
  }

  @Test func closingEitherEndFinishesTheOther() async throws {
    let (host, device) = try Self.packetPair()
    let server = GATTServerTransport(connectedSocket: device, peer: "device")
    let client = try GATTClientTransport.open(connectedSocket: host, peer: "host")
    server.close()
    for await _ in client.incoming {}
    for await _ in server.incoming {}
    #expect(throws: DiffuserError.disconnected) { try client.send([1]) }
  }

  @Test(arguments: [
    ("no diffuser service", GATTServer(attributes: Array(GATTServer.diffuser().attributes.prefix(3)))),
    (
      "no event characteristic with notify",
      GATTServer(attributes: Array(GATTServer.diffuser().attributes.prefix(6)))
    ),
    (
      "the event characteristic has no configuration descriptor",
      GATTServer(attributes: Array(GATTServer.diffuser().attributes.prefix(8)))
    ),
    ("the event characteristic has no configuration descriptor", Self.eventValueAtTheLastHandle),
  ])
  func aDeviceWithoutTheProfileIsNotADiffuser(_ name: String, database: GATTServer) async throws {
    let (host, device) = try Self.packetPair()
    let server = GATTServerTransport(connectedSocket: device, peer: "device", server: database)
    #expect(throws: DiffuserError.notADiffuser(name)) {
      _ = try GATTClientTransport.open(connectedSocket: host, peer: "host")
    }
    server.close()
  }

  /// A hostile database whose event value claims handle 0xFFFF: no room for a descriptor.
  static let eventValueAtTheLastHandle = GATTServer(
    attributes: GATTServer.diffuser().attributes.prefix(6).map { $0 } + [
      .init(
        handle: 7, type: BluetoothUUID(0x2803), value: [0x10, 0xFF, 0xFF] + DiffuserGATTProfile.event.attBytes,
        role: .constant)
    ])

  /// What a device sends unasked while the host discovers it: an indication, a request, a
  /// request that does not decode (truncated Read Request) and a notification.
  static let unasked: [[UInt8]] = [
    ATTPDU.handleValueIndication(handle: 3, value: [1]).encoded(),
    ATTPDU.readRequest(handle: 1).encoded(),
    [0x0A, 0x01],
    ATTPDU.handleValueNotification(handle: 3, value: [2]).encoded(),
  ]

  /// The host's answers to ``unasked``, as the device end read them.
  final class Answers: Sendable {
    let received = Mutex<[ATTPDU]>([])
  }

  @Test func theHostConfirmsIndicationsAndRefusesRequestsItDidNotExpect() async throws {
    let (host, device) = try Self.packetPair()
    defer { close(device) }
    var timeout = timeval(tv_sec: 5, tv_usec: 0)
    setsockopt(device, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    let answers = Answers()
    // The device end: before answering the MTU exchange it sends `unasked` and reads what the
    // host answers, then serves the rest of the discovery.
    let thread = Thread {
      var server = GATTServer.diffuser()
      guard var request = Self.receive(on: device) else { return }
      for packet in Self.unasked { Self.send(packet, on: device) }
      answers.received.withLock { $0 = (0..<3).compactMap { _ in Self.receive(on: device) } }
      while true {
        if let response = server.receive(request).response { Self.send(response.encoded(), on: device) }
        guard !server.notificationsEnabled, let next = Self.receive(on: device) else { return }
        request = next
      }
    }
    thread.start()
    let client = try GATTClientTransport.open(connectedSocket: host, peer: "host")
    #expect(
      answers.received.withLock { $0 } == [
        .handleValueConfirmation,
        .errorResponse(request: 0x0A, handle: 0, code: .requestNotSupported),
        .errorResponse(request: 0x0A, handle: 0, code: .invalidPDU),
      ])
    // Once open, the same answers; an indication of the event value also reaches the stream.
    Self.send(ATTPDU.handleValueIndication(handle: 8, value: [7, 7]).encoded(), on: device)
    #expect(await Self.collect(2, from: client.incoming) == [7, 7])
    #expect(Self.receive(on: device) == .handleValueConfirmation)
    Self.send(ATTPDU.readRequest(handle: 1).encoded(), on: device)
    #expect(Self.receive(on: device) == .errorResponse(request: 0x0A, handle: 0, code: .requestNotSupported))
    client.close()
  }

  /// One packet from a raw end of the pair, decoded; nil on timeout, hang-up or bad bytes.
  static func receive(on fd: Int32) -> ATTPDU? {
    var buffer = [UInt8](repeating: 0, count: 1024)
    let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
    guard count > 0 else { return nil }
    return try? ATTPDU(decoding: Array(buffer[0..<count]))
  }

  static func send(_ packet: [UInt8], on fd: Int32) {
    _ = packet.withUnsafeBytes { Foundation.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
  }

  @Test func aSilentPeerIsUnreachable() throws {
    // The device end stays open and never answers: discovery gives up after its step timeout.
    let (host, device) = try Self.packetPair()
    defer { close(device) }
    #expect(throws: DiffuserError.deviceUnreachable(errno: ETIMEDOUT)) {
      _ = try GATTClientTransport.open(connectedSocket: host, peer: "host")
    }
  }

  @Test func aPeerThatHangsUpDuringDiscoveryIsADisconnection() throws {
    let (host, device) = try Self.packetPair()
    close(device)
    #expect(throws: DiffuserError.disconnected) {
      _ = try GATTClientTransport.open(connectedSocket: host, peer: "host")
    }
  }
}
