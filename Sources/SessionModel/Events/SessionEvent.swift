import Foundation

/// Something that happened during a session, stamped with two clocks.
///
/// The monotonic time orders events and measures intervals exactly (it never
/// jumps); the wall-clock time lets a researcher place the event in the day.
/// What happened is a ``LoggedEvent`` of the catalogue; ``type`` and ``payload`` are its stored form.
public struct SessionEvent: Hashable, Sendable {
  public var session: SessionID
  /// Nanoseconds on the host's monotonic clock (`CLOCK_MONOTONIC`).
  public var monotonicNanoseconds: UInt64
  public var wallClock: Date
  public var kind: LoggedEvent
  /// Set when the journal wrote the event after a later one: it then carries that later time, and
  /// its own is kept here (stored in the payload as `happenedAtNanoseconds`, on any type).
  public var happenedAtNanoseconds: UInt64?

  public init(
    session: SessionID, monotonicNanoseconds: UInt64, wallClock: Date, _ kind: LoggedEvent,
    happenedAtNanoseconds: UInt64? = nil
  ) {
    self.session = session
    self.monotonicNanoseconds = monotonicNanoseconds
    self.wallClock = wallClock
    self.kind = kind
    self.happenedAtNanoseconds = happenedAtNanoseconds
  }

  /// An event from its stored form, read through the catalogue (kept as `unknown` when it cannot be).
  public init(
    session: SessionID, monotonicNanoseconds: UInt64, wallClock: Date, type: EventType,
    payload: [String: String] = [:]
  ) {
    self.init(
      session: session, monotonicNanoseconds: monotonicNanoseconds, wallClock: wallClock,
      .unknown(type: type.rawValue, payload: [:]))
    self.payload = payload
  }

  /// The stored name of the event's type.
  public var type: EventType { kind.type }

  /// The stored details: flat key/value text, so the log stays readable with `sqlite3`.
  public var payload: [String: String] {
    get {
      var payload = kind.payload
      payload[Self.happenedAtKey] = happenedAtNanoseconds?.eventText
      return payload
    }
    set {
      var payload = newValue
      happenedAtNanoseconds = payload[Self.happenedAtKey].flatMap(UInt64.init(eventText:))
      if happenedAtNanoseconds != nil { payload[Self.happenedAtKey] = nil }
      kind = LoggedEvent(type: kind.type, payload: payload)
    }
  }

  static let happenedAtKey = "happenedAtNanoseconds"
}

/// The stored name of an event's type, a dotted name such as `scent.released`.
///
/// The catalogue names every type this version writes (`EventType+Catalogue.swift`); a log may
/// hold others, written by a later version, which are kept as they are.
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
