import Foundation

/// The shape a study requires of its participant codes, on top of what every code must be
/// (``ParticipantCode``): by default letters and digits with at least one digit, so a name such as
/// `DURAND` or `MARIE` is refused; a protocol may set its own (`participant_code_pattern`).
public struct ParticipantCodePattern: Hashable, Sendable, Codable, CustomStringConvertible {
  /// A regular expression the whole code must match (ICU syntax, as `NSRegularExpression` reads it).
  public let pattern: String

  /// At least one digit: `P01`, `AVC-M-07`; never a bare word, which is how names slip in.
  public static let standard = ParticipantCodePattern(uncheckedPattern: "[A-Z0-9-]*[0-9][A-Z0-9-]*")

  /// Returns `nil` when `pattern` is not a regular expression.
  public init?(_ pattern: String) {
    guard (try? NSRegularExpression(pattern: pattern)) != nil else { return nil }
    self.pattern = pattern
  }

  private init(uncheckedPattern: String) {
    pattern = uncheckedPattern
  }

  public var description: String { pattern }

  public func matches(_ text: String) -> Bool {
    guard let expression = try? NSRegularExpression(pattern: "^(?:\(pattern))$") else { return false }
    return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
  }

  /// Why `text` is refused as a code of this study, in the words a clinician needs; `nil` when valid.
  public func problem(with text: String) -> LocalizedText? {
    if let problem = ParticipantCode.problem(with: text) { return problem }
    guard !matches(text) else { return nil }
    if self == .standard {
      return LocalizedText(
        fr:
          "« \(text) » ressemble à un nom : un code pseudonyme contient au moins un chiffre (par exemple P01 ou AVC-M-07). N'utilisez jamais le nom du patient.",
        en:
          "'\(text)' looks like a name: a pseudonymous code holds at least one digit (for example P01 or AVC-M-07). Never use the patient's name."
      )
    }
    return LocalizedText(
      fr:
        "« \(text) » n'a pas la forme des codes de cette étude (motif \(pattern) du protocole). N'utilisez jamais le nom du patient.",
      en:
        "'\(text)' does not have the shape of this study's codes (the protocol's pattern \(pattern)). Never use the patient's name."
    )
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let pattern = ParticipantCodePattern(text) else {
      throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a regular expression")
    }
    self = pattern
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(pattern)
  }
}
