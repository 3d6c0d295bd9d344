/// A Bluetooth device heard during a scan.
public struct DiscoveredDevice: Hashable, Sendable {
  public enum Radio: String, Sendable { case classic, lowEnergy = "le" }
  public var address: String
  public var name: String?
  public var radio: Radio

  public init(address: String, name: String?, radio: Radio) {
    self.address = address
    self.name = name
    self.radio = radio
  }
}
