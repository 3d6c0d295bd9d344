/// A gamepad, named by a number that survives unplugging and plugging back.
///
/// The device layer matches a replugged pad to its old number (by GUID and
/// serial), so the session keeps the patient's avatar on it.
public struct PadID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  public let rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }
  public var description: String { "pad \(rawValue)" }
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The buttons of a standard gamepad; sticks arrive as the four directions.
public enum PadButton: String, CaseIterable, Hashable, Sendable, Codable {
  case a, b, x, y
  case back, guide, start
  case leftStick, rightStick, leftShoulder, rightShoulder
  case up, down, left, right
}

/// What a gamepad did.
public enum PadInput: Hashable, Sendable, Codable {
  case connected(PadID, name: String)
  case disconnected(PadID)
  case pressed(PadID, PadButton)
  case released(PadID, PadButton)

  public var pad: PadID {
    switch self {
    case .connected(let pad, _), .disconnected(let pad), .pressed(let pad, _), .released(let pad, _): pad
    }
  }
}
