import SessionModel

/// What the device confirmed about one release. Times are host monotonic nanoseconds.
public struct ReleaseReceipt: Hashable, Sendable {
  public var channel: CartridgeSlot
  public var scent: ScentID?
  public var sequence: UInt16
  public var intensity: Int
  public var requestedMilliseconds: Int
  /// What the device actually runs (it caps every release at 10 s).
  public var appliedMilliseconds: Int
  /// When the release was due (equal to ``writtenNanoseconds`` for an immediate release).
  public var scheduledNanoseconds: UInt64
  /// When the command's bytes were handed to the kernel.
  public var writtenNanoseconds: UInt64
  /// When the ACK arrived.
  public var acknowledgedNanoseconds: UInt64
  /// The channel opened between the write and the ACK; the midpoint is the estimate.
  public var startNanoseconds: UInt64
  public var endNanoseconds: UInt64
  /// The device's own clock when the channel opened, for cross-checking its log.
  public var deviceStartMicroseconds: UInt64

  public var roundTripNanoseconds: UInt64 { acknowledgedNanoseconds - writtenNanoseconds }
  public var schedulingDelayNanoseconds: UInt64 {
    writtenNanoseconds > scheduledNanoseconds ? writtenNanoseconds - scheduledNanoseconds : 0
  }
}
