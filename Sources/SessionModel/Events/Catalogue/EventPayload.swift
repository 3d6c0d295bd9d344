/// Reads a stored payload key by key; whatever it cannot read makes the whole event unreadable.
struct PayloadReader {
  struct Unreadable: Error {}

  private(set) var remaining: [String: String]

  init(_ payload: [String: String]) { remaining = payload }

  /// The value at `key`; the event is unreadable without it.
  mutating func required<Value: EventField>(_ key: String) throws -> Value {
    guard let value: Value = try optional(key) else { throw Unreadable() }
    return value
  }

  /// The value at `key`, nil when the key is absent (older versions did not write every key).
  mutating func optional<Value: EventField>(_ key: String) throws -> Value? {
    guard let text = remaining.removeValue(forKey: key) else { return nil }
    guard let value = Value(eventText: text) else { throw Unreadable() }
    return value
  }

  /// A value written as the empty text when there is none (`participant` of a seat with no code).
  mutating func emptyMeansNone<Value: EventField>(_ key: String) throws -> Value? {
    guard let text = remaining.removeValue(forKey: key) else { throw Unreadable() }
    guard !text.isEmpty else { return nil }
    guard let value = Value(eventText: text) else { throw Unreadable() }
    return value
  }

  /// The trial the engine tags its events with (`trial`, `trialNumber`), nil outside a trial.
  mutating func trialTag() throws -> TrialTag? {
    guard remaining["trial"] != nil || remaining["trialNumber"] != nil else { return nil }
    return TrialTag(trial: try required("trial"), number: try optional("trialNumber"))
  }

  /// The keys not read yet, for events whose details vary (a game's answer, a rejected command).
  mutating func rest() -> [String: String] {
    defer { remaining = [:] }
    return remaining
  }
}

/// Builds the stored payload of an event key by key.
struct PayloadWriter {
  private(set) var payload: [String: String] = [:]

  /// Writes `value` at `key`; nothing when it is nil.
  mutating func set<Value: EventField>(_ key: String, _ value: Value?) {
    if let value { payload[key] = value.eventText }
  }

  /// Writes `value` at `key`, or the empty text when it is nil.
  mutating func setEmptyForNone<Value: EventField>(_ key: String, _ value: Value?) {
    payload[key] = value?.eventText ?? ""
  }

  mutating func set(_ tag: TrialTag?) {
    guard let tag else { return }
    payload["trial"] = tag.trial.rawValue
    payload["trialNumber"] = tag.number.map(String.init)
  }

  /// Adds keys the catalogue does not name; the named keys win.
  mutating func add(_ details: [String: String]) {
    payload.merge(details) { named, _ in named }
  }
}
