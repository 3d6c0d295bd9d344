import SessionModel

/// The fixed-effect columns: intercept, one indicator per condition other than the reference,
/// the session number (a linear trend), and, when both populations are present, memory-disorder
/// status and its interaction with each condition indicator. R's treatment coding, so the
/// coefficients carry lmer's names.
struct MixedModelDesign {
  let conditions: [Condition]
  let includesMemoryDisorder: Bool

  var reference: Condition { conditions[0] }

  var columnNames: [String] {
    let indicators = conditions.dropFirst().map { "condition\($0.rawValue)" }
    return ["(Intercept)"] + indicators + ["session_number"]
      + (includesMemoryDisorder ? ["memorywith"] + indicators.map { "\($0):memorywith" } : [])
  }

  /// The row of one answer; `memory` is 1 with a memory disorder, 0 without, ½ for an average
  /// over the two populations.
  func row(_ condition: Condition, session: Double, memory: Double) -> [Double] {
    let indicators = conditions.dropFirst().map { $0 == condition ? 1.0 : 0.0 }
    return [1] + indicators + [session]
      + (includesMemoryDisorder ? [memory] + indicators.map { $0 * memory } : [])
  }
}
