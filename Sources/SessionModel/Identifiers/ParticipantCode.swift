/// The pseudonymous code that stands for a patient everywhere: `P01`, `AVC-M-07`.
///
/// A code is one to sixteen upper-case letters, digits and dashes, starting
/// with a letter. Lower-case letters and spaces are refused on purpose: they
/// are how a real name slips into a research database ("Jeanne D").
public struct ParticipantCode: RawRepresentable, Hashable, Comparable, Sendable, Codable,
  CustomStringConvertible
{
  public let rawValue: String

  /// Returns `nil` when the text is not a valid pseudonymous code.
  public init?(rawValue: String) {
    guard Self.isValid(rawValue) else { return nil }
    self.rawValue = rawValue
  }

  /// Makes a code for a generated participant: `numbered(3)` is `P03`.
  public static func numbered(_ number: Int, prefix: String = "P") -> ParticipantCode {
    let digits = number < 10 ? "0\(number)" : "\(number)"
    return ParticipantCode(rawValue: prefix + digits)!
  }

  public static func isValid(_ text: String) -> Bool {
    guard (1...16).contains(text.count), let first = text.unicodeScalars.first,
      ("A"..."Z").contains(first)
    else { return false }
    return text.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
  }

  /// Why `text` is refused, in the words a clinician needs; `nil` when it is valid.
  public static func problem(with text: String) -> LocalizedText? {
    if isValid(text) { return nil }
    return LocalizedText(
      fr:
        "« \(text) » n'est pas un code pseudonyme : utilisez 1 à 16 majuscules, chiffres ou tirets, en commençant par une lettre (par exemple P01). N'utilisez jamais le nom du patient.",
      en:
        "'\(text)' is not a pseudonymous code: use 1 to 16 capital letters, digits or dashes, starting with a letter (for example P01). Never use the patient's name."
    )
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let code = ParticipantCode(rawValue: text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: ParticipantCode.problem(with: text)!.english)
    }
    self = code
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  public var description: String { rawValue }
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
