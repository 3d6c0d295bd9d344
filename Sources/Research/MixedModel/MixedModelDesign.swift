import SessionModel

/// The fixed-effect columns: intercept, one indicator per condition other than the reference,
/// the session number (a linear trend), one indicator per site other than the first when the
/// answers come from several sites (a multi-centre trial's stratification factor), and, when both
/// populations are present, memory-disorder status and its interaction with each condition
/// indicator. R's treatment coding, so the coefficients carry lmer's names.
struct MixedModelDesign {
  let conditions: [Condition]
  /// The sites in R's level order (sorted), the reference first; empty with a single site.
  let sites: [String]
  let includesMemoryDisorder: Bool

  var reference: Condition { conditions[0] }
  var includesSite: Bool { !sites.isEmpty }

  var columnNames: [String] {
    let indicators = conditions.dropFirst().map { "condition\($0.rawValue)" }
    return ["(Intercept)"] + indicators + ["session_number"] + sites.dropFirst().map { "site\($0)" }
      + (includesMemoryDisorder ? ["memorywith"] + indicators.map { "\($0):memorywith" } : [])
  }

  /// The site columns of an answer recorded at `site`.
  func siteColumns(of site: String) -> [Double] {
    sites.dropFirst().map { $0 == site ? 1.0 : 0.0 }
  }

  /// The site columns of the average over sites, each weighing the same (as emmeans averages over
  /// a factor's levels).
  var averageSiteColumns: [Double] {
    sites.dropFirst().map { _ in 1 / Double(sites.count) }
  }

  /// The row of one answer; `memory` is 1 with a memory disorder, 0 without, ½ for an average
  /// over the two populations.
  func row(_ condition: Condition, session: Double, site: [Double], memory: Double) -> [Double] {
    let indicators = conditions.dropFirst().map { $0 == condition ? 1.0 : 0.0 }
    return [1] + indicators + [session] + site
      + (includesMemoryDisorder ? [memory] + indicators.map { $0 * memory } : [])
  }
}
