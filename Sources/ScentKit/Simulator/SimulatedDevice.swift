/// The diffuser's firmware as a pure state machine: commands and time in, answers and
/// notifications out. ``DiffuserSimulator`` puts it behind a real socket.
public struct SimulatedDevice: Sendable {
  public struct Configuration: Sendable {
    public var model = "ConnectAge Simulated Diffuser 30"
    public var firmware = "sim-1.0"
    /// The scent slug in each channel; an empty slug means no cartridge.
    public var scentsByChannel: [String]
    public var emptyChannels: Set<Int> = []
    /// No frame from the host for this long stops everything.
    public var watchdogMilliseconds = 3_000
    /// The longest release the device performs, whatever the host asks.
    public var releaseCapMilliseconds = 10_000
    public var purgeCapMilliseconds = 60_000
    /// Cartridge use per second at 100 % intensity, in percent of a full cartridge.
    public var drainPercentPerSecond = 1.0

    public init(scentsByChannel: [String] = Self.defaultScents) {
      self.scentsByChannel = scentsByChannel
    }

    /// Thirty natural scents, one per channel, as shipped with the demo.
    public static let defaultScents = [
      "pomme", "citron", "orange", "fraise", "banane", "lavande", "rose", "jasmin", "herbe-coupee", "pin",
      "foret", "terre-mouillee", "mer", "fromage", "pain-grille", "cafe", "chocolat", "caramel", "vanille",
      "cannelle", "menthe", "the", "feu-de-bois", "cire", "savon", "linge-propre", "cuir", "tabac-blond",
      "muguet", "violette",
    ]
  }

  struct Channel: Sendable {
    var level: Double
    var isMissing: Bool
    var openUntil: UInt64?
    var intensity = 0
    var endReason = ReleaseEndReason.completed
  }

  public let configuration: Configuration
  private var channels: [Channel]
  private var fanUntil: UInt64?
  private var lastHostFrame: UInt64
  private var lastAdvance: UInt64
  private let bootTime: UInt64
  private var pending: [DeviceNotification] = []

  public init(configuration: Configuration, at now: UInt64) {
    self.configuration = configuration
    channels = configuration.scentsByChannel.enumerated().map { index, scent in
      Channel(level: configuration.emptyChannels.contains(index + 1) ? 0 : 100, isMissing: scent.isEmpty)
    }
    bootTime = now
    lastHostFrame = now
    lastAdvance = now
  }

  public var activeChannels: [Int] { channels.indices.filter { channels[$0].openUntil != nil }.map { $0 + 1 } }

  /// Answers one command; notifications it causes come out of the next ``advance(to:)``.
  public mutating func receive(_ command: HostCommand, at now: UInt64) -> DeviceMessage {
    // What fell due before this command (a release ending just before a heartbeat) is still
    // announced, by the next advance, as the device's ticking would have.
    pending = advance(to: now)
    lastHostFrame = now
    switch command {
    case .hello(let version):
      guard version == Frame.protocolVersion else {
        return .negativeAcknowledgement(of: .hello, code: .unsupportedVersion)
      }
      return .info(
        DeviceInfo(
          model: configuration.model, firmware: configuration.firmware, scentsByChannel: configuration.scentsByChannel))
    case .release(let channel, let intensity, let duration, let fanBoost):
      guard (1...channels.count).contains(Int(channel)) else {
        return .negativeAcknowledgement(of: .release, code: .channelOutOfRange)
      }
      guard intensity <= 100 else { return .negativeAcknowledgement(of: .release, code: .intensityOutOfRange) }
      guard duration > 0 else { return .negativeAcknowledgement(of: .release, code: .durationOutOfRange) }
      let index = Int(channel) - 1
      guard !channels[index].isMissing else { return .negativeAcknowledgement(of: .release, code: .cartridgeMissing) }
      guard channels[index].level > 0 else { return .negativeAcknowledgement(of: .release, code: .cartridgeEmpty) }
      let applied = min(Int(duration), configuration.releaseCapMilliseconds)
      let until = now + UInt64(applied) * 1_000_000
      channels[index].openUntil = until
      channels[index].intensity = Int(intensity)
      channels[index].endReason = applied < Int(duration) ? .capped : .completed
      if fanBoost { fanUntil = max(fanUntil ?? 0, until) }
      return .acknowledgement(
        Acknowledgement(
          command: .release,
          detail: .release(appliedMilliseconds: UInt16(applied), deviceStartMicroseconds: (now - bootTime) / 1_000)))
    case .stop(let channel):
      if channel == HostCommand.allChannels {
        for index in channels.indices { close(index, reason: .stopped) }
        fanUntil = nil
      } else {
        guard (1...channels.count).contains(Int(channel)) else {
          return .negativeAcknowledgement(of: .stop, code: .channelOutOfRange)
        }
        close(Int(channel) - 1, reason: .stopped)
      }
      return .acknowledgement(Acknowledgement(command: .stop))
    case .purge(let duration):
      guard duration > 0 else { return .negativeAcknowledgement(of: .purge, code: .durationOutOfRange) }
      let applied = min(Int(duration), configuration.purgeCapMilliseconds)
      fanUntil = max(fanUntil ?? 0, now + UInt64(applied) * 1_000_000)
      return .acknowledgement(Acknowledgement(command: .purge, detail: .purge(appliedMilliseconds: UInt16(applied))))
    case .status:
      return .status(status(at: now))
    case .heartbeat:
      return .acknowledgement(Acknowledgement(command: .heartbeat))
    }
  }

  /// Runs the device's clocks: ends releases on time, drains cartridges, trips the watchdog.
  public mutating func advance(to now: UInt64) -> [DeviceNotification] {
    let previous = lastAdvance
    lastAdvance = max(lastAdvance, now)
    for index in channels.indices {
      guard let until = channels[index].openUntil else { continue }
      let drainEnd = min(now, until)
      let openSeconds = drainEnd > previous ? Double(drainEnd - previous) / 1e9 : 0
      channels[index].level -=
        configuration.drainPercentPerSecond * Double(channels[index].intensity) / 100 * openSeconds
      if channels[index].level <= 0 {
        channels[index].level = 0
        close(index, reason: .cartridgeEmpty)
        pending.append(.fault(channel: UInt8(index + 1), code: .cartridgeEmpty))
      } else if now >= until {
        close(index, reason: channels[index].endReason)
      }
    }
    if let until = fanUntil, now >= until { fanUntil = nil }
    let watchdog = UInt64(configuration.watchdogMilliseconds) * 1_000_000
    if now > lastHostFrame + watchdog, !activeChannels.isEmpty || fanUntil != nil {
      for index in channels.indices { close(index, reason: .watchdog) }
      fanUntil = nil
      pending.append(.fault(channel: 0, code: .watchdogTripped))
    }
    defer { pending = [] }
    return pending
  }

  public func status(at now: UInt64) -> DeviceStatus {
    func remaining(_ until: UInt64?) -> UInt16 {
      guard let until, until > now else { return 0 }
      return UInt16(min(65_535, (until - now) / 1_000_000))
    }
    return DeviceStatus(
      fanRemainingMilliseconds: remaining(fanUntil),
      channels: channels.map { channel in
        ChannelStatus(
          level: UInt8(channel.level.rounded(.up)), isActive: channel.openUntil != nil, isEmpty: channel.level <= 0,
          isMissing: channel.isMissing, remainingMilliseconds: remaining(channel.openUntil))
      })
  }

  private mutating func close(_ index: Int, reason: ReleaseEndReason) {
    guard channels[index].openUntil != nil else { return }
    channels[index].openUntil = nil
    pending.append(.releaseEnded(channel: UInt8(index + 1), reason: reason))
  }
}
