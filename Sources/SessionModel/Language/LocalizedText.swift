/// A sentence in French and in English, kept together so neither is forgotten.
public struct LocalizedText: Hashable, Sendable, Codable, CustomStringConvertible {
  public var french: String
  public var english: String

  public init(fr french: String, en english: String) {
    self.french = french
    self.english = english
  }

  public func text(in language: Language) -> String {
    switch language {
    case .french: french
    case .english: english
    }
  }

  /// French, the default language of the project.
  public var description: String { french }

  enum CodingKeys: String, CodingKey {
    case french = "fr"
    case english = "en"
  }
}
