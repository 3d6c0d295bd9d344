/// A release made earlier in the same planned session, by a run that was interrupted, placed on
/// the current run's monotonic clock: a resumed session counts it in its intervals and budgets.
public struct PastScentRelease: Hashable, Sendable {
  public var slot: CartridgeSlot
  /// When the device started it, in this run's monotonic nanoseconds (0 if longer ago than that clock goes).
  public var startNanoseconds: UInt64
  /// What the device ran, or what was asked when it never said.
  public var durationMilliseconds: Int

  public init(slot: CartridgeSlot, startNanoseconds: UInt64, durationMilliseconds: Int) {
    self.slot = slot
    self.startNanoseconds = startNanoseconds
    self.durationMilliseconds = durationMilliseconds
  }

  public var endNanoseconds: UInt64 { startNanoseconds + UInt64(max(0, durationMilliseconds)) * 1_000_000 }
}
