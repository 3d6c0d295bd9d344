import Foundation
import SessionModel
import Yams

/// The node tree of one YAML file, with line and column for every key and value.
///
/// Reading goes through `Yams.compose` rather than `Decodable` because a decoder forgets
/// where a value came from, and every message must point at its line.
enum YAMLDocument {
  /// Reads `url` and composes it, once: the same nodes serve for the values and for every problem's line.
  ///
  /// - Returns: the root node, or `nil` after reporting why the text is not readable YAML.
  /// - Throws: the unreadable-file failure of ``TextFile`` when the file cannot be read at all.
  static func root(
    ofFileAt url: URL, reportingTo problems: ProblemCollector
  ) throws(ProtocolValidationFailure) -> Node? {
    root(of: try TextFile.contents(of: url), reportingTo: problems)
  }

  /// The root node, or `nil` after reporting why the text is not readable YAML.
  static func root(of text: String, reportingTo problems: ProblemCollector) -> Node? {
    do {
      guard let root = try Yams.compose(yaml: text) else {
        problems.report(ProblemText.emptyFile, at: nil as Mark?)
        return nil
      }
      return root
    } catch let error as YamlError {
      report(error, to: problems)
      return nil
    } catch {
      problems.report(ProblemText.unreadableYAML(String(describing: error)), at: nil as Mark?)
      return nil
    }
  }

  private static func report(_ error: YamlError, to problems: ProblemCollector) {
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      problems.report(ProblemText.unreadableYAML(problem), at: mark)
    case .duplicatedKeysInMapping(let duplicates, let context):
      problems.report(ProblemText.duplicateKeys(duplicates), at: context.mark)
    default:
      problems.report(ProblemText.unreadableYAML(String(describing: error)), at: nil as Mark?)
    }
  }
}
