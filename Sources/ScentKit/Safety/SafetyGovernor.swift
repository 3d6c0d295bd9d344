import SessionModel

/// Decides whether a release may go out, from the session's ``ScentSafetyLimits``.
///
/// Pure: the caller passes the time (monotonic nanoseconds), so tests drive it with any
/// clock. Releases are recorded with their requested duration, which over-counts a release
/// stopped early: the safe side.
public struct SafetyGovernor: Sendable {
  public let limits: ScentSafetyLimits
  /// Channels the device has: a release elsewhere is refused before anything is sent.
  public let channelCount: Int
  public private(set) var history: [PastRelease] = []

  public struct PastRelease: Hashable, Sendable {
    public var channel: Int
    public var startNanoseconds: UInt64
    public var durationMilliseconds: Int
    public var endNanoseconds: UInt64 { startNanoseconds + UInt64(durationMilliseconds) * 1_000_000 }

    public init(channel: Int, startNanoseconds: UInt64, durationMilliseconds: Int) {
      self.channel = channel
      self.startNanoseconds = startNanoseconds
      self.durationMilliseconds = durationMilliseconds
    }
  }

  /// - Parameter history: releases already made in this session, e.g. by a run a crash
  ///   interrupted, so that a restart neither shortens an interval nor refills a budget.
  ///   - device: what the diffuser can do; the stricter of its limits and `limits` apply.
  public init(limits: ScentSafetyLimits, history: [PastRelease] = [], device: DeviceCapabilities = .connectAge) {
    self.limits = limits.constrained(by: device)
    channelCount = device.channelCount
    self.history = history
  }

  public var releaseCount: Int { history.count }
  public var totalReleaseMilliseconds: Int { history.reduce(0) { $0 + $1.durationMilliseconds } }

  /// The reason to refuse, or nil when the release may go out now.
  public func refusal(
    channel: CartridgeSlot, intensity: Int, durationMilliseconds duration: Int, at now: UInt64
  ) -> SafetyRefusal? {
    guard channel.rawValue <= channelCount else {
      return .channelNotOnDevice(channel: channel.rawValue, channelCount: channelCount)
    }
    guard (0...100).contains(intensity) else { return .intensityOutOfRange(requested: intensity) }
    guard duration > 0 else { return .durationNotPositive(requestedMilliseconds: duration) }
    guard duration <= limits.maximumPulseMilliseconds else {
      return .pulseTooLong(requestedMilliseconds: duration, maximumMilliseconds: limits.maximumPulseMilliseconds)
    }
    guard history.count < limits.maximumReleasesPerSession else {
      return .sessionReleaseCountReached(maximum: limits.maximumReleasesPerSession)
    }
    let remaining = limits.maximumTotalReleaseMillisecondsPerSession - totalReleaseMilliseconds
    guard duration <= remaining else {
      return .sessionReleaseTimeExhausted(remainingMilliseconds: max(0, remaining), requestedMilliseconds: duration)
    }
    if let last = history.map(\.endNanoseconds).max() {
      let earliest = last + UInt64(limits.minimumIntervalMilliseconds) * 1_000_000
      if now < earliest {
        return .tooSoonAfterPreviousRelease(
          waitMilliseconds: Int((earliest - now + 999_999) / 1_000_000),
          minimumIntervalMilliseconds: limits.minimumIntervalMilliseconds)
      }
    }
    let window = UInt64(limits.dutyCycleWindowMilliseconds) * 1_000_000
    let end = now + UInt64(duration) * 1_000_000
    let windowStart = end > window ? end - window : 0
    let previous = history.filter { $0.channel == channel.rawValue }.reduce(UInt64(0)) { open, release in
      let overlapStart = max(release.startNanoseconds, windowStart)
      let overlapEnd = min(release.endNanoseconds, end)
      return open + (overlapEnd > overlapStart ? overlapEnd - overlapStart : 0)
    }
    let open = Int(previous / 1_000_000) + duration
    let allowed = Int(limits.maximumChannelDutyCycle * Double(limits.dutyCycleWindowMilliseconds))
    guard open <= allowed else {
      return .channelDutyCycleExceeded(
        channel: channel.rawValue, openMilliseconds: open, allowedMilliseconds: allowed,
        windowMilliseconds: limits.dutyCycleWindowMilliseconds)
    }
    return nil
  }

  public mutating func record(channel: CartridgeSlot, durationMilliseconds: Int, at start: UInt64) {
    history.append(
      PastRelease(channel: channel.rawValue, startNanoseconds: start, durationMilliseconds: durationMilliseconds))
  }

  /// Removes a release the device refused or never received.
  public mutating func forget(channel: CartridgeSlot, at start: UInt64) {
    if let index = history.lastIndex(where: { $0.channel == channel.rawValue && $0.startNanoseconds == start }) {
      history.remove(at: index)
    }
  }
}
