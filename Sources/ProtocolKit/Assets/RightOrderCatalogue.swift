import Foundation
import SessionModel
import Yams

/// The processes of the "Le bon ordre" game, read from `bon-ordre/catalogue.yaml`.
public struct RightOrderCatalogue: Hashable, Sendable {
  /// One process: its steps in the order they happen.
  public struct Entry: Hashable, Sendable, Decodable {
    public var id: String
    public var title: LocalizedText
    public var steps: [Step]
  }

  /// One picture of a process.
  public struct Step: Hashable, Sendable, Decodable {
    public var image: String
    public var label: LocalizedText
  }

  /// The fewest and the most steps a process may have: the row must fit the screen in big pictures.
  public static let stepRange = 2...5

  public var entries: [Entry]

  /// Reads the catalogue under an assets folder; image paths become relative to that folder.
  ///
  /// - Throws: ``ProtocolValidationFailure`` naming the file when it is missing or malformed.
  public static func load(assets: URL) throws(ProtocolValidationFailure) -> RightOrderCatalogue {
    let url = assets.appendingPathComponent("bon-ordre/catalogue.yaml")
    let text = try TextFile.contents(of: url)
    let entries: [Entry]
    do {
      entries = try YAMLDecoder().decode([Entry].self, from: text)
    } catch {
      throw malformed(
        url,
        LocalizedText(
          fr:
            "le catalogue « Le bon ordre » est mal formé (\(error)). Chaque entrée a id, title {fr, en} et steps, une liste d'étapes {image, label {fr, en}} dans l'ordre.",
          en:
            "the right-order catalogue is malformed (\(error)). Each entry has id, title {fr, en} and steps, a list of steps {image, label {fr, en}} in order."
        ))
    }
    if let wrong = entries.first(where: { !stepRange.contains($0.steps.count) }) {
      throw malformed(
        url,
        LocalizedText(
          fr:
            "le processus « \(wrong.id) » a \(wrong.steps.count) étapes : donnez-lui de \(stepRange.lowerBound) à \(stepRange.upperBound) images.",
          en:
            "process '\(wrong.id)' has \(wrong.steps.count) steps: give it \(stepRange.lowerBound) to \(stepRange.upperBound) pictures."
        ))
    }
    return RightOrderCatalogue(
      entries: entries.map { entry in
        var entry = entry
        entry.steps = entry.steps.map { Step(image: "bon-ordre/\($0.image)", label: $0.label) }
        return entry
      })
  }

  private static func malformed(_ url: URL, _ message: LocalizedText) -> ProtocolValidationFailure {
    ProtocolValidationFailure(
      problems: [
        ProtocolProblem(location: SourceLocation(file: url.relativePath, line: 1, column: 1), message: message)
      ], isUnreadableFile: false)
  }
}
