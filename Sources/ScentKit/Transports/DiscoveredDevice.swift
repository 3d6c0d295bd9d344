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
  /// LE only: it advertises the Nordic UART service, or its name starts with `scent` (the filter of
  /// Scentrealm's own demo): probably a Scentrealm player.
  public var looksLikeScentrealm: Bool = false

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
