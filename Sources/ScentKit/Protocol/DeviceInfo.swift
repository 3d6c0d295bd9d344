/// The answer to HELLO: what the diffuser is and which scent sits in which channel.
public struct DeviceInfo: Hashable, Sendable {
  public var model: String
  public var firmware: String
  /// The scent slug loaded in each channel (index 0 is channel 1); empty when no cartridge.
  public var scentsByChannel: [String]

  public var channelCount: Int { scentsByChannel.count }

  public init(model: String, firmware: String, scentsByChannel: [String]) {
    self.model = model
    self.firmware = firmware
    self.scentsByChannel = scentsByChannel
  }
}
