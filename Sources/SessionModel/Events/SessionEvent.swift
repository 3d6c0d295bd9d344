import Foundation

/// Something that happened during a session, stamped with two clocks.
///
/// The monotonic time orders events and measures intervals exactly (it never
/// jumps); the wall-clock time lets a researcher place the event in the day.
public struct SessionEvent: Hashable, Sendable, Codable {
  public var session: SessionID
  /// Nanoseconds on the host's monotonic clock (`CLOCK_MONOTONIC`).
  public var monotonicNanoseconds: UInt64
  public var wallClock: Date
  public var type: EventType
  /// Flat key/value details; values are text so the log stays readable with `sqlite3`.
  public var payload: [String: String]

  public init(
    session: SessionID, monotonicNanoseconds: UInt64, wallClock: Date, type: EventType,
    payload: [String: String] = [:]
  ) {
    self.session = session
    self.monotonicNanoseconds = monotonicNanoseconds
    self.wallClock = wallClock
    self.type = type
    self.payload = payload
  }
}

/// The kind of a ``SessionEvent``, written as a dotted name such as `scent.released`.
///
/// Open-ended on purpose: each module names its own events, and the log keeps
/// whatever it is given.
public struct EventType: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral,
  CustomStringConvertible
{
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public init(stringLiteral value: String) { self.rawValue = value }
  public var description: String { rawValue }

  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}
