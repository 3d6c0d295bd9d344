/// How much scent a session may release, and how often.
///
/// A protocol file may tighten these limits within ``hardBounds``; the diffuser
/// client refuses, with a reason, any release that would break them. Durations are in
/// milliseconds so that files, the wire protocol and the database agree exactly.
public struct ScentSafetyLimits: Hashable, Sendable, Codable {
  /// The longest single release. Research olfactometers and the Aroma Shooter use about 5 s.
  public var maximumPulseMilliseconds: Int
  /// The shortest gap between the end of one release and the start of the next.
  /// Odour identification tests space odours 20–30 s apart so they do not mix.
  public var minimumIntervalMilliseconds: Int
  /// Fan-only air clearing run after each release, inside the interval.
  public var purgeMilliseconds: Int
  /// The largest share of any sliding ``dutyCycleWindowMilliseconds`` one channel may be open
  /// (0.5 = the "5 s on, 5 s off" rule of diffuser makers).
  public var maximumChannelDutyCycle: Double
  public var dutyCycleWindowMilliseconds: Int
  /// Releases allowed in one session; habituation makes more of them pointless.
  public var maximumReleasesPerSession: Int
  /// Total open time allowed in one session, all channels together.
  public var maximumTotalReleaseMillisecondsPerSession: Int
  /// How long before its image a scent starts, so that it reaches the table in time.
  public var leadTimeMilliseconds: Int

  public init(
    maximumPulseMilliseconds: Int = 5_000, minimumIntervalMilliseconds: Int = 30_000,
    purgeMilliseconds: Int = 10_000, maximumChannelDutyCycle: Double = 0.5,
    dutyCycleWindowMilliseconds: Int = 60_000, maximumReleasesPerSession: Int = 12,
    maximumTotalReleaseMillisecondsPerSession: Int = 60_000, leadTimeMilliseconds: Int = 2_000
  ) {
    self.maximumPulseMilliseconds = maximumPulseMilliseconds
    self.minimumIntervalMilliseconds = minimumIntervalMilliseconds
    self.purgeMilliseconds = purgeMilliseconds
    self.maximumChannelDutyCycle = maximumChannelDutyCycle
    self.dutyCycleWindowMilliseconds = dutyCycleWindowMilliseconds
    self.maximumReleasesPerSession = maximumReleasesPerSession
    self.maximumTotalReleaseMillisecondsPerSession = maximumTotalReleaseMillisecondsPerSession
    self.leadTimeMilliseconds = leadTimeMilliseconds
  }

  /// The defaults drawn from practice (see docs/protocol-format.md for the sources).
  public static let standard = ScentSafetyLimits()

  /// What no protocol may go beyond: the device's own cap on one release is 10 s,
  /// and scents closer than 10 s apart mix in the room.
  public enum HardBounds {
    public static let maximumPulseMilliseconds = 10_000
    public static let minimumIntervalMilliseconds = 10_000
    public static let maximumChannelDutyCycle = 0.5
    public static let maximumReleasesPerSession = 30
    public static let maximumTotalReleaseMillisecondsPerSession = 150_000
    public static let maximumLeadTimeMilliseconds = 10_000
  }
}

extension ScentSafetyLimits {
  /// A device check (`connectage diffuser test`, the home screen's test puff) releases a few short
  /// pulses at low intensity, one channel after the other: the governor still applies, with a
  /// 200 ms gap instead of a session's 30 s.
  public static let deviceCheck = ScentSafetyLimits(
    maximumPulseMilliseconds: HardBounds.maximumPulseMilliseconds, minimumIntervalMilliseconds: 200,
    purgeMilliseconds: 0, maximumChannelDutyCycle: 0.5, dutyCycleWindowMilliseconds: 20_000,
    maximumReleasesPerSession: 30, maximumTotalReleaseMillisecondsPerSession: 60_000, leadTimeMilliseconds: 0)
}
