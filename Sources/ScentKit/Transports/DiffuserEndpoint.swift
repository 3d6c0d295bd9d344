import Foundation

/// Where the host finds a diffuser.
public enum DiffuserEndpoint: Hashable, Sendable, CustomStringConvertible {
  /// A Bluetooth classic diffuser: its address and RFCOMM channel.
  case rfcomm(address: String, channel: UInt8)
  /// A simulator on a Unix socket.
  case unix(path: String)
  /// A simulator on TCP.
  case tcp(host: String, port: UInt16)
  /// A Bluetooth Low Energy diffuser: GATT over the L2CAP ATT channel. `random` is its
  /// address type (a random static address instead of a public one).
  case lowEnergy(address: String, random: Bool)
  /// A simulator speaking GATT over a Unix `SOCK_SEQPACKET` socket: the BLE code path without a radio.
  case gattUnix(path: String)
  /// A diffuser bought from a vendor (Scentrealm, Aroma Shooter), driven through its adapter.
  case vendor(VendorEndpoint)
  /// Several vendor devices as one logical diffuser, from a device map file.
  case deviceMap(DeviceMap)

  /// Parses `unix:PATH`, `tcp:HOST:PORT`, `rfcomm:AA:BB:CC:DD:EE:FF[:CHANNEL]`,
  /// `ble:AA:BB:CC:DD:EE:FF[:random]`, `ble-unix:PATH`, a vendor device (``VendorEndpoint``) or
  /// `devices:PATH` (a ``DeviceMap`` file, read now so that its mistakes show before a session).
  public init(parsing text: String) throws(DiffuserError) {
    if let vendor = try VendorEndpoint(parsing: text) {
      self = .vendor(vendor)
    } else if text.hasPrefix("devices:"), text.count > 8 {
      self = .deviceMap(try DeviceMap.load(path: String(text.dropFirst(8))))
    } else if text.hasPrefix("unix:"), text.count > 5 {
      self = .unix(path: String(text.dropFirst(5)))
    } else if text.hasPrefix("ble-unix:"), text.count > 9 {
      self = .gattUnix(path: String(text.dropFirst(9)))
    } else if text.hasPrefix("ble:") {
      let rest = text.dropFirst(4).split(separator: ":", omittingEmptySubsequences: false)
      let address = rest.prefix(6).joined(separator: ":")
      guard rest.count == 6 || (rest.count == 7 && ["random", "public"].contains(rest[6])),
        Self.isBluetoothAddress(address)
      else { throw .invalidAddress(text) }
      self = .lowEnergy(address: address.uppercased(), random: rest.count == 7 && rest[6] == "random")
    } else if text.hasPrefix("tcp:"), let colon = text.lastIndex(of: ":"),
      colon > text.index(text.startIndex, offsetBy: 3),
      let port = UInt16(text[text.index(after: colon)...])
    {
      let host = String(text[text.index(text.startIndex, offsetBy: 4)..<colon])
      guard !host.isEmpty else { throw .invalidAddress(text) }
      self = .tcp(host: host, port: port)
    } else if text.hasPrefix("rfcomm:") {
      let rest = text.dropFirst(7).split(separator: ":")
      guard rest.count == 6 || rest.count == 7 else { throw .invalidAddress(text) }
      let address = rest.prefix(6).joined(separator: ":")
      guard Self.isBluetoothAddress(address), let channel = rest.count == 7 ? UInt8(rest[6]) : 1 else {
        throw .invalidAddress(text)
      }
      self = .rfcomm(address: address.uppercased(), channel: channel)
    } else {
      throw .invalidAddress(text)
    }
  }

  /// True for `AA:BB:CC:DD:EE:FF` (hex digits, either case).
  public static func isBluetoothAddress(_ text: String) -> Bool {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    return parts.count == 6 && parts.allSatisfy { $0.count == 2 && UInt8($0, radix: 16) != nil }
  }

  public var description: String {
    switch self {
    case .rfcomm(let address, let channel): "rfcomm:\(address):\(channel)"
    case .unix(let path): "unix:\(path)"
    case .tcp(let host, let port): "tcp:\(host):\(port)"
    case .lowEnergy(let address, let random): "ble:\(address)\(random ? ":random" : "")"
    case .gattUnix(let path): "ble-unix:\(path)"
    case .vendor(let vendor): vendor.description
    case .deviceMap(let map): "devices:\(map.file)"
    }
  }

  /// The transport alone (`rfcomm`, `ble`, `unix`, `tcp`, `ble-unix`): what logs may say about
  /// the link. An address identifies a device (and whoever carries it), a path a user's folder.
  public var kind: String {
    switch self {
    case .rfcomm: "rfcomm"
    case .unix: "unix"
    case .tcp: "tcp"
    case .lowEnergy: "ble"
    case .gattUnix: "ble-unix"
    case .vendor(let vendor): vendor.kind
    case .deviceMap: "devices"
    }
  }

  /// What the device can do: the governor keeps releases within it.
  public var capabilities: DeviceCapabilities {
    switch self {
    case .vendor(let vendor): vendor.capabilities
    case .deviceMap(let map): map.capabilities
    default: .connectAge
    }
  }

  /// Opens a connection. Runs the blocking connect (and the GATT discovery of a BLE
  /// diffuser) on its own thread: an RFCOMM page or an LE connection can take seconds,
  /// which must not block Swift's cooperative pool.
  public func connect() async throws(DiffuserError) -> any DiffuserTransport {
    switch self {
    case .vendor(let vendor): return try await LogicalDiffuser.open(vendor)
    case .deviceMap(let map): return try await LogicalDiffuser.open(map)
    default: break
    }
    let endpoint = self
    let result: Result<any DiffuserTransport, DiffuserError> = await withCheckedContinuation { continuation in
      Thread {
        continuation.resume(returning: Result { () throws(DiffuserError) in try endpoint.connectBlocking() })
      }.start()
    }
    return try result.get()
  }

  private func connectBlocking() throws(DiffuserError) -> any DiffuserTransport {
    switch self {
    case .unix(let path):
      StreamSocketTransport(connectedSocket: try SocketAddress.connectUnix(path: path), peer: description)
    case .tcp(let host, let port):
      StreamSocketTransport(connectedSocket: try SocketAddress.connectTCP(host: host, port: port), peer: description)
    case .rfcomm(let address, let channel):
      StreamSocketTransport(
        connectedSocket: try RFCOMMSocket.connect(address: address, channel: channel), peer: description)
    case .lowEnergy(let address, let random):
      try GATTClientTransport.open(
        connectedSocket: try LowEnergySocket.connect(address: address, random: random), peer: description)
    case .gattUnix(let path):
      try GATTClientTransport.open(
        connectedSocket: try SocketAddress.connectUnix(path: path, type: SocketAddress.packetSocketType),
        peer: description)
    case .vendor, .deviceMap:
      throw .protocolViolation("a vendor device opens asynchronously")
    }
  }
}
