/// How much disk a session's answers take, estimated from the plan: what the start check asks
/// for, and the levels the watch compares the free space with while the session runs.
struct RecordingBudget: Hashable, Sendable {
  /// Planned answers: trials × speakers.
  var answers: Int
  /// The longest answer the protocol allows.
  var secondsPerAnswer: Int

  /// 16-bit mono at the capture rate (`AudioCapture.sampleRate`, 16 kHz): what one second of
  /// answer weighs in its WAV file.
  static let bytesPerSecond: Int64 = 16_000 * 2
  /// Room for the database, the event log and the exports, whatever the plan.
  static let overheadBytes: Int64 = 32_000_000
  /// An answer's length when the protocol sets no maximum (the therapist ends it).
  static let unlimitedAnswerSeconds = 180

  init(trials: Int, speakers: Int, maximumAnswerSeconds: Int?) {
    answers = max(0, trials) * max(0, speakers)
    secondsPerAnswer = maximumAnswerSeconds ?? Self.unlimitedAnswerSeconds
  }

  var oneAnswerBytes: Int64 { Int64(secondsPerAnswer) * Self.bytesPerSecond }

  /// What the start check asks for: every planned answer twice over (redos, extra turns after
  /// a pause, answers shorter than the maximum balance longer sessions), plus the overhead.
  var neededBytes: Int64 { 2 * Int64(answers) * oneAnswerBytes + Self.overheadBytes }

  /// Below this the recorder stops: one more answer and the log's own writes might not fit.
  var floorBytes: Int64 { oneAnswerBytes + Self.overheadBytes / 4 }

  /// Below this the therapist is warned, while about ten answers still fit above the floor.
  var warningBytes: Int64 { floorBytes + 10 * oneAnswerBytes }

  func level(ofAvailable bytes: Int64) -> DiskLevel {
    if bytes < floorBytes { return .full }
    if bytes < warningBytes { return .low }
    return .enough
  }
}

/// How the disk the answers go to is doing.
enum DiskLevel: Int, Comparable, Sendable {
  case enough
  /// Warn the therapist: the session may not end with its recordings.
  case low
  /// Stop recording: the next answer may not fit.
  case full

  static func < (lhs: DiskLevel, rhs: DiskLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}
