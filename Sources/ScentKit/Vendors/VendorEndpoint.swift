import Foundation

/// Where one bought diffuser is, with its adapter settings.
public enum VendorEndpoint: Hashable, Sendable, CustomStringConvertible {
  /// A Scentrealm player on a serial line (RS-232/485 or a USB adapter), 19200 8N1.
  case scentrealmSerial(path: String, settings: ScentrealmSettings)
  /// A Scentrealm player over Bluetooth Low Energy, Nordic UART service.
  case scentrealmBLE(address: String, random: Bool, settings: ScentrealmSettings)
  /// A Scentrealm simulator on a Unix socket: the serial code path without a terminal.
  case scentrealmUnix(path: String, settings: ScentrealmSettings)
  /// A Scentrealm simulator offering the Nordic UART service over a Unix `SOCK_SEQPACKET` socket:
  /// the BLE code path without a radio.
  case scentrealmBLEUnix(path: String, settings: ScentrealmSettings)
  /// An Aroma Shooter 2 on the local network (HTTP, port 1003 unless given). `keepAlive`: how often
  /// a request reaches it when the session sends nothing (it leaves the network after an hour idle).
  case aromaShooter(host: String, port: UInt16, keepAlive: Duration = .seconds(60))

  /// Parses `scentrealm-serial:PATH`, `scentrealm-ble:ADDRESS[,random]`, `scentrealm-unix:PATH`
  /// (each followed by `,crc-low-first`, `,channels=N`, `,address=HEX` as needed) and
  /// `aromashooter:HOST[:PORT]`; nil for text of another kind.
  public init?(parsing text: String) throws(DiffuserError) {
    if text.hasPrefix("aromashooter:") {
      let parts = text.dropFirst(13).split(separator: ",", omittingEmptySubsequences: false)
      guard let rest = parts.first, !rest.isEmpty else { throw .invalidAddress(text) }
      var keepAlive = Duration.seconds(60)
      for option in parts.dropFirst() {
        guard option.hasPrefix("keepalive-ms="), let milliseconds = Int(option.dropFirst(13)), milliseconds > 0 else {
          throw .invalidAddress(text)
        }
        keepAlive = .milliseconds(milliseconds)
      }
      var host = String(rest)
      var port = AromaShooterDevice.defaultPort
      if let colon = rest.lastIndex(of: ":") {
        guard let given = UInt16(rest[rest.index(after: colon)...]), colon > rest.startIndex else {
          throw .invalidAddress(text)
        }
        host = String(rest[..<colon])
        port = given
      }
      self = .aromaShooter(host: host, port: port, keepAlive: keepAlive)
      return
    }
    let kinds = ["scentrealm-serial:", "scentrealm-ble:", "scentrealm-unix:", "scentrealm-ble-unix:"]
    guard let kind = kinds.first(where: { text.hasPrefix($0) }) else { return nil }
    let parts = text.dropFirst(kind.count).split(separator: ",", omittingEmptySubsequences: false)
    guard let target = parts.first, !target.isEmpty else { throw .invalidAddress(text) }
    var settings = ScentrealmSettings()
    var random = false
    for option in parts.dropFirst() {
      if kind == "scentrealm-ble:" && option == "random" {
        random = true
      } else if !settings.apply(option: option) {
        throw .invalidAddress(text)
      }
    }
    switch kind {
    case "scentrealm-serial:": self = .scentrealmSerial(path: String(target), settings: settings)
    case "scentrealm-unix:": self = .scentrealmUnix(path: String(target), settings: settings)
    case "scentrealm-ble-unix:": self = .scentrealmBLEUnix(path: String(target), settings: settings)
    default:
      guard DiffuserEndpoint.isBluetoothAddress(String(target)) else { throw .invalidAddress(text) }
      self = .scentrealmBLE(address: target.uppercased(), random: random, settings: settings)
    }
  }

  public var description: String {
    switch self {
    case .scentrealmSerial(let path, let settings):
      (["scentrealm-serial:\(path)"] + settings.options).joined(separator: ",")
    case .scentrealmBLE(let address, let random, let settings):
      (["scentrealm-ble:\(address)"] + (random ? ["random"] : []) + settings.options).joined(separator: ",")
    case .scentrealmUnix(let path, let settings):
      (["scentrealm-unix:\(path)"] + settings.options).joined(separator: ",")
    case .scentrealmBLEUnix(let path, let settings):
      (["scentrealm-ble-unix:\(path)"] + settings.options).joined(separator: ",")
    case .aromaShooter(let host, let port, let keepAlive):
      (port == AromaShooterDevice.defaultPort ? "aromashooter:\(host)" : "aromashooter:\(host):\(port)")
        + (keepAlive == .seconds(60)
          ? ""
          : ",keepalive-ms=\(keepAlive.components.seconds * 1_000 + keepAlive.components.attoseconds / 1_000_000_000_000_000)")
    }
  }

  /// The adapter and transport alone, for logs.
  public var kind: String {
    switch self {
    case .scentrealmSerial: "scentrealm-serial"
    case .scentrealmBLE: "scentrealm-ble"
    case .scentrealmUnix: "scentrealm-unix"
    case .scentrealmBLEUnix: "scentrealm-ble-unix"
    case .aromaShooter: "aromashooter"
    }
  }

  public var capabilities: DeviceCapabilities {
    switch self {
    case .scentrealmSerial(_, let settings), .scentrealmBLE(_, _, let settings), .scentrealmUnix(_, let settings),
      .scentrealmBLEUnix(_, let settings):
      .scentrealm(channels: settings.channels)
    case .aromaShooter: .aromaShooter
    }
  }

  /// How often the bridge lets a heartbeat through to the device.
  var keepAliveInterval: Duration {
    switch self {
    case .scentrealmSerial(_, let settings), .scentrealmBLE(_, _, let settings), .scentrealmUnix(_, let settings),
      .scentrealmBLEUnix(_, let settings):
      settings.keepAliveInterval
    case .aromaShooter(_, _, let keepAlive): keepAlive
    }
  }

  /// Opens the link (on its own thread: a Bluetooth connection can take seconds) and wraps it.
  public func open() async throws(DiffuserError) -> any VendorDevice {
    let endpoint = self
    let result: Result<any VendorDevice, DiffuserError> = await withCheckedContinuation { continuation in
      Thread {
        continuation.resume(returning: Result { () throws(DiffuserError) in try endpoint.openBlocking() })
      }.start()
    }
    return try result.get()
  }

  private func openBlocking() throws(DiffuserError) -> any VendorDevice {
    switch self {
    case .scentrealmSerial(let path, let settings):
      ScentrealmDevice(link: try TerminalTransport.open(path: path), settings: settings, kind: kind)
    case .scentrealmUnix(let path, let settings):
      ScentrealmDevice(
        link: StreamSocketTransport(connectedSocket: try SocketAddress.connectUnix(path: path), peer: path),
        settings: settings, kind: kind)
    case .scentrealmBLE(let address, let random, let settings):
      ScentrealmDevice(
        link: try GATTClientTransport.open(
          connectedSocket: try LowEnergySocket.connect(address: address, random: random), peer: address,
          profile: .nordicUART),
        settings: settings, kind: kind)
    case .scentrealmBLEUnix(let path, let settings):
      ScentrealmDevice(
        link: try GATTClientTransport.open(
          connectedSocket: try SocketAddress.connectUnix(path: path, type: SocketAddress.packetSocketType), peer: path,
          profile: .nordicUART),
        settings: settings, kind: kind)
    case .aromaShooter(let host, let port, _):
      AromaShooterDevice(host: host, port: port)
    }
  }
}
