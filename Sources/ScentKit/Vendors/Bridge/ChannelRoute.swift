/// Where one channel of the logical diffuser really is: a device and its own channel.
public struct ChannelRoute: Hashable, Sendable {
  /// Index of the device in the bridge's list.
  public var device: Int
  /// 1-based channel on that device.
  public var channel: Int

  public init(device: Int, channel: Int) {
    self.device = device
    self.channel = channel
  }
}
