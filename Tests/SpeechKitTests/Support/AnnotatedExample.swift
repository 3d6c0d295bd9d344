import Foundation

@testable import SpeechKit

/// Short French answers annotated by hand (memories with their specificity, propositions as the
/// tokens that carry them), and the agreement of the automatic coding with them.
struct AnnotatedExample: Decodable, Sendable {
  let id: String
  let text: String
  let memories: [MemorySpecificity]
  let propositions: String

  static func load(_ name: String) throws -> [AnnotatedExample] {
    try JSONDecoder().decode([AnnotatedExample].self, from: GoldenFile.data(name))
  }
}
