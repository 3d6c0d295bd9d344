/// One bought diffuser behind an adapter (Scentrealm, Aroma Shooter): the few things ConnectAge
/// asks of it, in its own protocol. ``VendorBridgeTransport`` turns ConnectAge's commands into
/// these calls.
///
/// Errors: ``DiffuserError/rejected(_:)`` when the device refused the command (the link is
/// fine), anything else when the link itself failed.
public protocol VendorDevice: AnyObject, Sendable {
  var capabilities: DeviceCapabilities { get }
  /// Where it is, for logs, without the address: `scentrealm-serial`, `aromashooter`.
  var kind: String { get }
  /// What it is, and the vendor's scent number in each channel when it can tell.
  func identify() async throws(DiffuserError) -> VendorIdentity
  /// Opens `channel` (1-based) for `milliseconds`, never an endless release.
  func play(channel: Int, intensity: Int, milliseconds: Int) async throws(DiffuserError)
  func stopAll() async throws(DiffuserError)
  /// A harmless request that keeps the device from dropping the link and shows it still answers.
  func keepAlive() async throws(DiffuserError)
  func close()
}

/// What a vendor device says about itself.
public struct VendorIdentity: Hashable, Sendable {
  public var model: String
  public var firmware: String
  /// The vendor's scent number per channel (index 0 is channel 1); nil when it cannot tell.
  public var cartridges: [Int]?

  public init(model: String, firmware: String, cartridges: [Int]?) {
    self.model = model
    self.firmware = firmware
    self.cartridges = cartridges
  }
}
