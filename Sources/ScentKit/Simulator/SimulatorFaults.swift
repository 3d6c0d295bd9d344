/// Faults the simulator injects, so tests and demos see what a real link does.
public struct SimulatorFaults: Sendable {
  /// Drops the link once, after answering this many frames.
  public var dropAfterFrames: Int?
  /// Added before every answer.
  public var latency: Duration = .zero
  /// The firmware takes this long to open a valve and acknowledge a RELEASE, and keeps reading
  /// and answering other frames meanwhile (as a receive interrupt does): a STOP written before
  /// the acknowledgement is carried out before the release it was meant to end.
  public var releaseDelay: Duration = .zero
  /// Share (0–1) of RELEASE commands answered with NAK `busy`.
  public var negativeAcknowledgementRate = 0.0
  /// After this many frames the firmware hangs: no answer, no timers, link kept open.
  public var stallAfterFrames: Int?
  /// Seed of the NAK draw, so a failing run can be replayed.
  public var seed: UInt64 = 1

  public init(
    dropAfterFrames: Int? = nil, latency: Duration = .zero, releaseDelay: Duration = .zero,
    negativeAcknowledgementRate: Double = 0, stallAfterFrames: Int? = nil, seed: UInt64 = 1
  ) {
    self.dropAfterFrames = dropAfterFrames
    self.latency = latency
    self.releaseDelay = releaseDelay
    self.negativeAcknowledgementRate = negativeAcknowledgementRate
    self.stallAfterFrames = stallAfterFrames
    self.seed = seed
  }
}
