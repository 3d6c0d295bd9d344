import Foundation

/// Where the host finds a diffuser.
public enum DiffuserEndpoint: Hashable, Sendable, CustomStringConvertible {
  /// A Bluetooth classic diffuser: its address and RFCOMM channel.
  case rfcomm(address: String, channel: UInt8)
  /// A simulator on a Unix socket.
  case unix(path: String)
  /// A simulator on TCP.
  case tcp(host: String, port: UInt16)

  /// Parses `unix:PATH`, `tcp:HOST:PORT` or `rfcomm:AA:BB:CC:DD:EE:FF[:CHANNEL]`.
  public init(parsing text: String) throws(DiffuserError) {
    if text.hasPrefix("unix:"), text.count > 5 {
      self = .unix(path: String(text.dropFirst(5)))
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
    }
  }

  /// Opens a connection. Runs the blocking connect on its own thread: an RFCOMM page
  /// can take seconds, which must not block Swift's cooperative pool.
  public func connect() async throws(DiffuserError) -> any DiffuserTransport {
    let endpoint = self
    let result: Result<Int32, DiffuserError> = await withCheckedContinuation { continuation in
      Thread {
        continuation.resume(
          returning: Result { () throws(DiffuserError) -> Int32 in
            switch endpoint {
            case .unix(let path): try SocketAddress.connectUnix(path: path)
            case .tcp(let host, let port): try SocketAddress.connectTCP(host: host, port: port)
            case .rfcomm(let address, let channel): try RFCOMMSocket.connect(address: address, channel: channel)
            }
          })
      }.start()
    }
    return StreamSocketTransport(connectedSocket: try result.get(), peer: description)
  }
}
