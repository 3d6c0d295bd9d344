/// The answer to STATUS: what is open, how full each cartridge is, and what is wrong.
public struct DeviceStatus: Hashable, Sendable {
  public var fanRemainingMilliseconds: UInt16
  public var channels: [ChannelStatus]

  public init(fanRemainingMilliseconds: UInt16, channels: [ChannelStatus]) {
    self.fanRemainingMilliseconds = fanRemainingMilliseconds
    self.channels = channels
  }

  /// Channels (1-based) releasing right now.
  public var activeChannels: [Int] { channels.indices.filter { channels[$0].isActive }.map { $0 + 1 } }
  /// Channels (1-based) with an empty or missing cartridge.
  public var faultyChannels: [Int] {
    channels.indices.filter { channels[$0].isEmpty || channels[$0].isMissing }.map { $0 + 1 }
  }
}

/// One channel in a ``DeviceStatus``.
public struct ChannelStatus: Hashable, Sendable {
  /// Cartridge level in percent.
  public var level: UInt8
  public var isActive: Bool
  public var isEmpty: Bool
  public var isMissing: Bool
  public var remainingMilliseconds: UInt16

  public init(level: UInt8, isActive: Bool, isEmpty: Bool, isMissing: Bool, remainingMilliseconds: UInt16) {
    self.level = level
    self.isActive = isActive
    self.isEmpty = isEmpty
    self.isMissing = isMissing
    self.remainingMilliseconds = remainingMilliseconds
  }

  var flags: UInt8 { (isActive ? 1 : 0) | (isEmpty ? 2 : 0) | (isMissing ? 4 : 0) }
}
