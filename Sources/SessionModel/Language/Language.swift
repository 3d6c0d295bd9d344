/// The language of everything a patient or therapist reads. French comes first.
public enum Language: String, CaseIterable, Sendable, Codable {
  case french = "fr"
  case english = "en"

  /// The language chosen for this process: `CONNECTAGE_LANG=en` selects English, anything else French.
  ///
  /// Read from the environment only, never from `LANG`, so that tests and CI
  /// see the same words whatever the machine's locale.
  public static func fromEnvironment(_ environment: [String: String]) -> Language {
    environment["CONNECTAGE_LANG"].flatMap { Language(rawValue: $0.lowercased()) } ?? .french
  }
}
