/// A screen for the therapist or the animator before and after a session (home, device checks,
/// summary, settings): a title, a list of rows to move through with the arrows or the mouse, and
/// what the screen concludes.
///
/// The home screen's model decides every word and choice; the Stage lays the rows out and says
/// which one a click landed on.
public struct ConsoleView: Hashable, Sendable, Codable {
  public var title: LocalizedText
  public var subtitle: LocalizedText?
  public var rows: [ConsoleRow]
  /// The row Enter acts on, highlighted; nil when nothing can be chosen.
  public var selectedRow: Int?
  /// What the check found and what to do about it.
  public var verdict: ConsoleVerdict?
  /// The microphone's live level, on its check.
  public var meter: LevelMeter?
  /// The ten seats, lit for each pad that joined, on the pads' check.
  public var seats: [SeatLight]
  /// The keys this screen answers to, along the bottom.
  public var keys: LocalizedText

  public init(
    title: LocalizedText, subtitle: LocalizedText? = nil, rows: [ConsoleRow] = [], selectedRow: Int? = nil,
    verdict: ConsoleVerdict? = nil, meter: LevelMeter? = nil, seats: [SeatLight] = [], keys: LocalizedText
  ) {
    self.title = title
    self.subtitle = subtitle
    self.rows = rows
    self.selectedRow = selectedRow
    self.verdict = verdict
    self.meter = meter
    self.seats = seats
    self.keys = keys
  }
}

/// One line of a ``ConsoleView``: what it is, its current value, and how that value stands.
public struct ConsoleRow: Hashable, Sendable, Codable {
  public var label: LocalizedText
  public var value: LocalizedText?
  public var tone: ConsoleTone
  /// Left and right change the value (a session number, a channel); Enter acts on the row.
  public var isAdjustable: Bool

  public init(
    label: LocalizedText, value: LocalizedText? = nil, tone: ConsoleTone = .neutral, isAdjustable: Bool = false
  ) {
    self.label = label
    self.value = value
    self.tone = tone
    self.isAdjustable = isAdjustable
  }
}

/// How a value or a verdict stands; the screen shows it with a colour and a word, never a colour alone.
public enum ConsoleTone: String, Hashable, Sendable, Codable {
  case neutral
  case good
  case warning
  case problem
}

/// A check's conclusion in plain words, and what to do.
public struct ConsoleVerdict: Hashable, Sendable, Codable {
  public var tone: ConsoleTone
  public var headline: LocalizedText
  public var advice: LocalizedText?

  public init(tone: ConsoleTone, headline: LocalizedText, advice: LocalizedText? = nil) {
    self.tone = tone
    self.headline = headline
    self.advice = advice
  }
}

/// A microphone level, 0 (silence) to 1 (full scale), with the bounds the check warns at.
public struct LevelMeter: Hashable, Sendable, Codable {
  /// The loudness heard over the last moment (RMS, on a decibel scale mapped to 0…1).
  public var level: Double
  /// The loudest sample over the last moment, on the same scale.
  public var peak: Double
  /// Below this the therapist is told the microphone hears too little.
  public var quietBelow: Double
  /// At or above this the sound is clipped.
  public var clipsAt: Double

  public init(level: Double, peak: Double, quietBelow: Double, clipsAt: Double) {
    self.level = level
    self.peak = peak
    self.quietBelow = quietBelow
    self.clipsAt = clipsAt
  }
}

/// One seat on the pads' check: lit once a pad pressed a button for it.
public struct SeatLight: Hashable, Sendable, Codable {
  public var number: PlayerNumber
  public var isLit: Bool

  public init(number: PlayerNumber, isLit: Bool) {
    self.number = number
    self.isLit = isLit
  }
}
