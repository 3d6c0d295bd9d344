import Foundation
import SessionModel
import Yams

/// Validates any file of `Protocols/`: a protocol or the scent catalogue, told apart by `format:`.
public enum ProtocolFileValidator {
  /// What a valid file turned out to be.
  public enum ValidatedFile: Hashable, Sendable {
    case clinicalProtocol(ClinicalProtocol)
    case scentCatalogue(ScentCatalogue)
  }

  /// Reads and composes `url` once, then checks the nodes as the kind of file its `format:` names.
  public static func validate(contentsOf url: URL, assets: URL) throws(ProtocolValidationFailure) -> ValidatedFile {
    let problems = ProblemCollector(file: url.relativePath)
    let root = try YAMLDocument.root(ofFileAt: url, reportingTo: problems)
    if let root, declaredFormat(of: root) == ProtocolFormat.scentsV1 {
      return .scentCatalogue(try ScentCatalogue.load(root, problems: problems))
    }
    // Anything else, unreadable YAML included, is reported line by line as a protocol.
    return .clinicalProtocol(try ProtocolLoader.load(root, of: url, assets: assets, problems: problems))
  }

  /// The `format:` value, or `nil` when the root is not a mapping or has no textual `format:`.
  private static func declaredFormat(of root: Node) -> String? {
    root.mapping?.first { $0.key.scalar?.string == "format" }?.value.scalar?.string
  }
}
