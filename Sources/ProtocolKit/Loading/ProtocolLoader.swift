import Foundation
import SessionModel
import Yams

/// Reads a protocol file, its scent catalogue and its stimuli, and checks all of them together.
public enum ProtocolLoader {
  /// The keys a protocol file may hold at its top level, in the order docs/protocol-format.md lists them.
  static let topLevelKeys = [
    "format", "id", "title", "kind", "population", "arms", "group_size", "conditions",
    "trials_per_session", "counterbalancing", "stimuli", "scent_catalogue", "games", "evocation",
    "presentation", "scent_safety", "schedule", "participant_code_pattern", "inclusion", "stratification",
  ]

  /// Loads and validates `url`, resolving stimuli under `assets` and the scent catalogue beside the file.
  ///
  /// - Throws: every problem found, each with its file, line and column; `isUnreadableFile`
  ///   when the protocol file itself cannot be read.
  public static func load(contentsOf url: URL, assets: URL) throws(ProtocolValidationFailure) -> ClinicalProtocol {
    let problems = ProblemCollector(file: url.relativePath)
    let root = try YAMLDocument.root(ofFileAt: url, reportingTo: problems)
    return try load(root, of: url, assets: assets, problems: problems)
  }

  /// Checks a protocol already composed from `url`, reporting to the collector that composed it.
  static func load(
    _ root: Node?, of url: URL, assets: URL, problems: ProblemCollector
  ) throws(ProtocolValidationFailure) -> ClinicalProtocol {
    let reader = ProtocolReader(file: url, library: StimulusLibrary(root: assets), problems: problems)
    let loaded = reader.read(root)
    if let failure = problems.failure { throw failure }
    guard let loaded else {
      // Unreachable: the reader reports a problem whenever it returns nil.
      throw ProtocolValidationFailure(problems: [ProtocolProblem.unreadable(url)])
    }
    return loaded
  }
}
