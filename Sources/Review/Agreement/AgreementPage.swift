import Research
import Store

/// The agreement page of the study: `Store`'s agreement report (kappa, ICC, disagreements with
/// both values) and each disagreeing answer's revision, which a consensus save must name.
public struct AgreementPage: Hashable, Sendable {
  public var report: AgreementReport
  /// By opaque id.
  public var revisions: [String: Int]
}
