import Foundation
import SessionModel
import Yams

/// The pictures of the "Autrefois et aujourd'hui" game, read from `then-and-now/catalogue.yaml`.
public struct ThenAndNowCatalogue: Hashable, Sendable {
  /// One picture and the period it belongs to.
  public struct Entry: Hashable, Sendable, Decodable {
    public var id: String
    public var image: String
    public var label: LocalizedText
    public var era: Era
    public var pair: String
  }

  public enum Era: String, Hashable, Sendable, Decodable {
    case autrefois
    case aujourdhui
  }

  public var entries: [Entry]

  /// Reads the catalogue under an assets folder; image paths become relative to that folder.
  ///
  /// - Throws: ``ProtocolValidationFailure`` naming the file when it is missing or malformed.
  public static func load(assets: URL) throws(ProtocolValidationFailure) -> ThenAndNowCatalogue {
    let url = assets.appendingPathComponent("then-and-now/catalogue.yaml")
    let text = try TextFile.contents(of: url)
    do {
      let entries = try YAMLDecoder().decode([Entry].self, from: text)
      return ThenAndNowCatalogue(
        entries: entries.map { entry in
          var entry = entry
          entry.image = "then-and-now/\(entry.image)"
          return entry
        })
    } catch {
      throw ProtocolValidationFailure(
        problems: [
          ProtocolProblem(
            location: SourceLocation(file: url.relativePath, line: 1, column: 1),
            message: LocalizedText(
              fr:
                "le catalogue « Autrefois et aujourd'hui » est mal formé (\(error)). Chaque entrée a id, image, label {fr, en}, era (autrefois ou aujourdhui) et pair.",
              en:
                "the then-and-now catalogue is malformed (\(error)). Each entry has id, image, label {fr, en}, era (autrefois or aujourdhui) and pair."
            ))
        ], isUnreadableFile: false)
    }
  }
}
