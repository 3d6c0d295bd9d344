import SessionModel
import Yams

/// One YAML mapping whose keys are all known in advance: any other key is reported,
/// with the closest known key as a suggestion.
struct MappingReader {
  let node: Node
  private let pairs: [(key: Node, value: Node)]
  private let problems: ProblemCollector

  /// Returns `nil` after reporting when `node` is not a mapping.
  init?(_ node: Node, keys: [String], problems: ProblemCollector, what: LocalizedText) {
    guard let mapping = node.mapping else {
      problems.report(ProblemText.expectedMapping(what), at: node)
      return nil
    }
    self.node = node
    self.problems = problems
    self.pairs = Array(mapping)
    for pair in pairs {
      let key = pair.key.scalar?.string ?? ""
      if !keys.contains(key) {
        problems.report(
          ProblemText.unknownKey(key, suggestion: NearMiss.suggestion(for: key, among: keys), known: keys),
          at: pair.key)
      }
    }
  }

  func contains(_ key: String) -> Bool { value(key) != nil }

  /// The value under `key`, or `nil` when it is absent or written as `~`/`null`.
  func value(_ key: String) -> Node? {
    guard let pair = pairs.first(where: { $0.key.scalar?.string == key }) else { return nil }
    if let scalar = pair.value.scalar, scalar.style == .plain || scalar.style == .any,
      ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    {
      return nil
    }
    return pair.value
  }

  /// The value under `key`, reporting at the start of the mapping when it is missing.
  func required(_ key: String) -> Node? {
    guard let found = value(key) else {
      problems.report(ProblemText.missingKey(key), at: node)
      return nil
    }
    return found
  }
}
