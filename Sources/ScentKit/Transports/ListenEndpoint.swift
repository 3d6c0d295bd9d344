/// Where the simulator waits for the host.
public enum ListenEndpoint: Hashable, Sendable, CustomStringConvertible {
  case unix(path: String)
  /// Loopback only; port 0 picks a free port.
  case tcp(port: UInt16)
  /// An RFCOMM channel on every local adapter.
  case rfcomm(channel: UInt8)
  /// The LE ATT channel on every local adapter, serving the diffuser's GATT database.
  case lowEnergy
  /// The diffuser's GATT database over a Unix `SOCK_SEQPACKET` socket.
  case gattUnix(path: String)

  /// Parses `unix:PATH`, `tcp:PORT`, `rfcomm:CHANNEL`, `ble` or `ble-unix:PATH`.
  public init(parsing text: String) throws(DiffuserError) {
    if text.hasPrefix("unix:"), text.count > 5 {
      self = .unix(path: String(text.dropFirst(5)))
    } else if text == "ble" {
      self = .lowEnergy
    } else if text.hasPrefix("ble-unix:"), text.count > 9 {
      self = .gattUnix(path: String(text.dropFirst(9)))
    } else if text.hasPrefix("tcp:"), let port = UInt16(text.dropFirst(4)) {
      self = .tcp(port: port)
    } else if text.hasPrefix("rfcomm:"), let channel = UInt8(text.dropFirst(7)), (1...30).contains(channel) {
      self = .rfcomm(channel: channel)
    } else {
      throw .invalidAddress(text)
    }
  }

  public var description: String {
    switch self {
    case .unix(let path): "unix:\(path)"
    case .tcp(let port): "tcp:\(port)"
    case .rfcomm(let channel): "rfcomm:\(channel)"
    case .lowEnergy: "ble"
    case .gattUnix(let path): "ble-unix:\(path)"
    }
  }

  /// `profile` is the GATT service a BLE listener offers.
  public func listen(profile: GATTProfile = .connectAge) throws(DiffuserError) -> SocketListener {
    switch self {
    case .unix(let path):
      return SocketListener(
        listeningSocket: try SocketAddress.listenUnix(path: path), address: "unix:\(path)", socketFile: path)
    case .tcp(let port):
      let fd = try SocketAddress.listenTCP(port: port)
      return SocketListener(listeningSocket: fd, address: "tcp:127.0.0.1:\(SocketAddress.boundPort(fd))")
    case .rfcomm(let channel):
      return SocketListener(
        listeningSocket: try RFCOMMSocket.listen(channel: channel), address: "rfcomm channel \(channel)")
    case .lowEnergy:
      return SocketListener(
        listeningSocket: try LowEnergySocket.listen(),
        address: "ble (ATT channel, service \(profile.service))",
        makeTransport: { GATTServerTransport(connectedSocket: $0, peer: $1, server: .diffuser(profile: profile)) })
    case .gattUnix(let path):
      return SocketListener(
        listeningSocket: try SocketAddress.listenUnix(path: path, type: SocketAddress.packetSocketType),
        address: "ble-unix:\(path)", socketFile: path,
        makeTransport: { GATTServerTransport(connectedSocket: $0, peer: $1, server: .diffuser(profile: profile)) })
    }
  }
}
