/// A Bluetooth device heard during a scan.
public struct DiscoveredDevice: Hashable, Sendable {
  public enum Radio: String, Hashable, Sendable, CaseIterable { case classic, lowEnergy = "le" }
  public var address: String
  public var name: String?
  public var radio: Radio
  /// LE only: the device advertises with a random address (connect with `ble:ADDRESS:random`).
  public var isRandomAddress: Bool
  /// LE only: the device advertises the diffuser's GATT service (``DiffuserGATTProfile/service``).
  public var offersDiffuserService: Bool

  public init(
    address: String, name: String?, radio: Radio, isRandomAddress: Bool = false, offersDiffuserService: Bool = false
  ) {
    self.address = address
    self.name = name
    self.radio = radio
    self.isRandomAddress = isRandomAddress
    self.offersDiffuserService = offersDiffuserService
  }
}
