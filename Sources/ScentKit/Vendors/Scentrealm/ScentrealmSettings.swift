/// How to talk to one Scentrealm device: the adapter settings a centre may have to change.
public struct ScentrealmSettings: Hashable, Sendable {
  public var crcOrder: CRCByteOrder = .highFirst
  /// Our own address: Bluetooth.md leaves it to the host ("自行定义"); the demo uses 0x0000.
  public var hostAddress: UInt16 = 0x0000
  /// The player's address; the demo sends to 0x0001.
  public var deviceAddress: UInt16 = 0x0001
  public var channels = 6
  /// How long to wait for each answer. At 19200 baud a frame takes under 10 ms.
  public var answerTimeout: Duration = .seconds(1)
  /// How often a heartbeat asks the device its status (between, heartbeats are answered locally).
  public var keepAliveInterval: Duration = .seconds(5)

  public init() {}

  /// Applies `crc-low-first`, `crc-high-first`, `channels=N`, `address=HEX`, `keepalive-ms=N`,
  /// `answer-ms=N`; false for an unknown option.
  mutating func apply(option: Substring) -> Bool {
    if let order = CRCByteOrder(rawValue: String(option)) {
      crcOrder = order
    } else if option.hasPrefix("channels="), let count = Int(option.dropFirst(9)), (1...64).contains(count) {
      channels = count
    } else if option.hasPrefix("address="), let address = UInt16(option.dropFirst(8), radix: 16) {
      deviceAddress = address
    } else if option.hasPrefix("keepalive-ms="), let milliseconds = Int(option.dropFirst(13)), milliseconds > 0 {
      keepAliveInterval = .milliseconds(milliseconds)
    } else if option.hasPrefix("answer-ms="), let milliseconds = Int(option.dropFirst(10)), milliseconds > 0 {
      answerTimeout = .milliseconds(milliseconds)
    } else {
      return false
    }
    return true
  }

  /// The options that differ from the defaults, as `apply(option:)` reads them.
  var options: [String] {
    var options: [String] = []
    if crcOrder != .highFirst { options.append(crcOrder.rawValue) }
    if channels != 6 { options.append("channels=\(channels)") }
    if deviceAddress != 0x0001 { options.append("address=\(String(deviceAddress, radix: 16))") }
    if keepAliveInterval != .seconds(5) {
      let parts = keepAliveInterval.components
      options.append("keepalive-ms=\(parts.seconds * 1_000 + parts.attoseconds / 1_000_000_000_000_000)")
    }
    if answerTimeout != .seconds(1) {
      let parts = answerTimeout.components
      options.append("answer-ms=\(parts.seconds * 1_000 + parts.attoseconds / 1_000_000_000_000_000)")
    }
    return options
  }
}
