import Foundation
import SessionModel

/// One thing wrong in a protocol, scent catalogue or stimulus file, with where it is and how to fix it.
public struct ProtocolProblem: Hashable, Sendable, Codable, CustomStringConvertible {
  public var location: SourceLocation
  /// "What is wrong. How to fix it." in French and English.
  public var message: LocalizedText

  public init(location: SourceLocation, message: LocalizedText) {
    self.location = location
    self.message = message
  }

  /// `file:line:column: what is wrong. how to fix it`.
  public func text(in language: Language) -> String {
    "\(location): \(message.text(in: language))"
  }

  public var description: String { text(in: .french) }
}

extension ProtocolProblem {
  /// The file itself could not be read: missing, a folder, or not UTF-8.
  static func unreadable(_ url: URL) -> ProtocolProblem {
    ProtocolProblem(
      location: SourceLocation(file: url.relativePath, line: 1, column: 1),
      message: LocalizedText(
        fr: "fichier illisible. Vérifiez que le chemin existe et que le fichier est du texte UTF-8.",
        en: "unreadable file. Check that the path exists and that the file is UTF-8 text."))
  }
}
