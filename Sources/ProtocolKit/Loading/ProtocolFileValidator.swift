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

  public static func validate(contentsOf url: URL, assets: URL) throws(ProtocolValidationFailure) -> ValidatedFile {
    if declaredFormat(of: url) == ProtocolFormat.scentsV1 {
      return .scentCatalogue(try ScentCatalogue.load(contentsOf: url))
    }
    return .clinicalProtocol(try ProtocolLoader.load(contentsOf: url, assets: assets))
  }

  /// The `format:` value, or `nil` when the file cannot be read far enough to find it; the
  /// protocol loader then reports why, line by line.
  private static func declaredFormat(of url: URL) -> String? {
    guard let text = try? String(contentsOf: url, encoding: .utf8),
      let root = try? Yams.compose(yaml: text),
      let mapping = root.mapping
    else { return nil }
    return mapping.first { $0.key.scalar?.string == "format" }?.value.scalar?.string
  }
}
