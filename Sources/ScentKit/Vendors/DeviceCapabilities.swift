import SessionModel

/// What one model of diffuser can do, declared by its adapter: the governor takes the
/// stricter of these and the protocol's ``ScentSafetyLimits``.
public struct DeviceCapabilities: Hashable, Sendable {
  public var channelCount: Int
  /// The longest pulse the device accepts (or its maker advises).
  public var maximumPulseMilliseconds: Int
  /// Distinct intensities the device can produce: 101 for 0–100 %, 1 when it only opens a channel.
  public var intensitySteps: Int
  /// Whether the device can say which cartridge sits in which channel.
  public var reportsCartridges: Bool

  public init(channelCount: Int, maximumPulseMilliseconds: Int, intensitySteps: Int, reportsCartridges: Bool) {
    self.channelCount = channelCount
    self.maximumPulseMilliseconds = maximumPulseMilliseconds
    self.intensitySteps = intensitySteps
    self.reportsCartridges = reportsCartridges
  }

  /// ConnectAge's own diffuser (docs/wire-protocol.md): 30 channels, 10 s, 0–100 %.
  public static let connectAge = DeviceCapabilities(
    channelCount: 30, maximumPulseMilliseconds: 10_000, intensitySteps: 101, reportsCartridges: true)

  /// A Scentrealm 6-channel player. The protocol carries no intensity (a channel is on or off),
  /// and the vendor names no pulse limit: ConnectAge keeps the same 10 s as every other device.
  public static func scentrealm(channels: Int = 6) -> DeviceCapabilities {
    DeviceCapabilities(
      channelCount: channels, maximumPulseMilliseconds: 10_000, intensitySteps: 1, reportsCartridges: true)
  }

  /// An Aroma Shooter 2: 6 channels, at most 10 s a pulse, 0–100 %, no cartridge report.
  public static let aromaShooter = DeviceCapabilities(
    channelCount: 6, maximumPulseMilliseconds: 10_000, intensitySteps: 101, reportsCartridges: false)
}

extension ScentSafetyLimits {
  /// These limits, with the pulse no longer than `device` allows.
  public func constrained(by device: DeviceCapabilities) -> ScentSafetyLimits {
    var limits = self
    limits.maximumPulseMilliseconds = min(maximumPulseMilliseconds, device.maximumPulseMilliseconds)
    return limits
  }
}
