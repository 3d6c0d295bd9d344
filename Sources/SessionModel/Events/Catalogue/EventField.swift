/// A value an event's payload holds as text, read back exactly as it was written.
///
/// Reading is strict (`"07"` is no `Int`), so that a payload read and written again is the same
/// text: an event that would change on the way through is kept as ``LoggedEvent/unknown(type:payload:)``.
public protocol EventField: Hashable, Sendable {
  init?(eventText: String)
  var eventText: String { get }
}

extension String: EventField {
  public init?(eventText: String) { self = eventText }
  public var eventText: String { self }
}

extension Int: EventField {
  public init?(eventText: String) {
    guard let value = Int(eventText), String(value) == eventText else { return nil }
    self = value
  }
  public var eventText: String { String(self) }
}

extension Int64: EventField {
  public init?(eventText: String) {
    guard let value = Int64(eventText), String(value) == eventText else { return nil }
    self = value
  }
  public var eventText: String { String(self) }
}

extension UInt64: EventField {
  public init?(eventText: String) {
    guard let value = UInt64(eventText), String(value) == eventText else { return nil }
    self = value
  }
  public var eventText: String { String(self) }
}

extension Bool: EventField {
  public init?(eventText: String) {
    switch eventText {
    case "true": self = true
    case "false": self = false
    default: return nil
    }
  }
  public var eventText: String { String(self) }
}

extension Identifier: EventField {
  public init?(eventText: String) { self.init(rawValue: eventText) }
  public var eventText: String { rawValue }
}

extension ParticipantCode: EventField {
  public init?(eventText: String) { self.init(rawValue: eventText) }
  public var eventText: String { rawValue }
}

extension PlayerNumber: EventField {
  public init?(eventText: String) {
    guard let number = Int(eventText: eventText) else { return nil }
    self.init(rawValue: number)
  }
  public var eventText: String { description }
}

extension PadID: EventField {
  public init?(eventText: String) {
    guard let number = Int(eventText: eventText) else { return nil }
    self.init(rawValue: number)
  }
  public var eventText: String { String(rawValue) }
}

extension CartridgeSlot: EventField {
  public init?(eventText: String) {
    guard let number = Int(eventText: eventText) else { return nil }
    self.init(rawValue: number)
  }
  public var eventText: String { description }
}

/// A list written with commas (`1,2,3`); the empty text is the empty list.
extension Array: EventField where Element: EventField {
  public init?(eventText: String) {
    guard !eventText.isEmpty else {
      self = []
      return
    }
    var elements: [Element] = []
    for part in eventText.split(separator: ",", omittingEmptySubsequences: false) {
      guard let element = Element(eventText: String(part)) else { return nil }
      elements.append(element)
    }
    self = elements
  }
  public var eventText: String { map(\.eventText).joined(separator: ",") }
}

/// Enums stored by their raw text (`GameKind`, the reasons) read and write it as is.
extension EventField where Self: RawRepresentable, RawValue == String {
  public init?(eventText: String) { self.init(rawValue: eventText) }
  public var eventText: String { rawValue }
}

extension GameKind: EventField {}
extension Difficulty: EventField {}
extension Condition: EventField {}
extension SessionKind: EventField {}
extension AttendanceStatus: EventField {}
extension AbsenceReason: EventField {}
extension AttendanceSource: EventField {}
