import SessionModel

/// The code a coder signs every review save with (`ORT1`): capitals, digits and dashes, starting
/// with a letter, 1 to 16 characters, the pattern of participant codes. A code, never a name.
public struct CoderCode: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
  public let rawValue: String

  /// Nil when `rawValue` is not a code (`Marie`, `ort1`, an empty string).
  public init?(rawValue: String) {
    guard ParticipantCode.isValid(rawValue) else { return nil }
    self.rawValue = rawValue
  }

  /// The code, or ``StoreError/coderIsNotACode(_:)`` with the words a coder needs.
  public static func checked(_ text: String) throws -> CoderCode {
    guard let code = CoderCode(rawValue: text) else { throw StoreError.coderIsNotACode(text) }
    return code
  }

  public var description: String { rawValue }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
