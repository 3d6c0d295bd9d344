import SessionModel

/// A linear mixed model at its REML optimum, before any table is made: what
/// ``LinearMixedModel/fit(_:reference:memoryDisorder:confidence:)`` reports from, and what the
/// power simulation tests with (two combinations, not the whole table).
struct FittedModel {
  let design: MixedModelDesign
  let includesGroup: Bool
  let participants: Int
  let groups: Int
  let meanSession: Double
  /// τ = σ_b / σ for participant (and group).
  let ratios: [Double]
  let residualVariance: Double
  let remlCriterion: Double
  private let optimum: MixedModelCrossProducts.Evaluation
  private let satterthwaite: SatterthwaiteApproximation
  private let freeDegrees: Double

  init(
    _ observations: [MixedModelObservation], reference: Condition,
    memoryDisorder: LinearMixedModel.MemoryDisorderTerm
  ) throws(MixedModelError) {
    guard !observations.isEmpty else { throw MixedModelError.noObservations }
    let present = Set(observations.map(\.condition))
    guard present.contains(reference) else { throw MixedModelError.referenceConditionMissing(reference) }
    let populations = Set(observations.map(\.hasMemoryDisorder))
    let sites = Set(observations.map(\.site)).sorted()
    let design = MixedModelDesign(
      conditions: [reference] + present.subtracting([reference]).sorted(), sites: sites.count >= 2 ? sites : [],
      includesMemoryDisorder: memoryDisorder == .whenBothPopulations && populations.count == 2)
    let people = Self.participants(of: observations)
    let groupNames = Set(people.map(\.group)).sorted()
    let includesGroup = groupNames.count >= LinearMixedModel.minimumGroupsForGroupIntercept
    self.design = design
    self.includesGroup = includesGroup
    participants = people.count
    groups = groupNames.count
    let groupIndex = Dictionary(uniqueKeysWithValues: groupNames.enumerated().map { ($1, $0) })
    let p = design.columnNames.count
    let n = observations.count
    guard people.count >= 2, n > p else {
      throw MixedModelError.tooFewData(participants: people.count, answers: n)
    }
    let sums = people.map { person in
      ParticipantSums(
        group: includesGroup ? groupIndex[person.group]! : 0,
        rows: person.rows.map {
          design.row(
            observations[$0].condition, session: Double(observations[$0].session),
            site: design.siteColumns(of: observations[$0].site), memory: observations[$0].hasMemoryDisorder ? 1 : 0)
        },
        responses: person.rows.map { observations[$0].value })
    }
    let model = MixedModelCrossProducts(
      columns: p, observations: n, groups: includesGroup ? groupNames.count : 1, participants: sums)
    let freeDegrees = Double(n - p)
    let evaluate: SatterthwaiteApproximation.Evaluate = { ratios in
      model.evaluate(
        participantRatio: ratios[0] * ratios[0], groupRatio: ratios.count > 1 ? ratios[1] * ratios[1] : 0)
    }
    let ratios = VarianceRatioOptimiser.minimise(dimensions: includesGroup ? 2 : 1) { ratios in
      evaluate(ratios)?.profiledDeviance(freeDegrees: freeDegrees) ?? .infinity
    }
    guard let optimum = evaluate(ratios) else { throw MixedModelError.fixedEffectsNotEstimable }
    self.ratios = ratios
    self.optimum = optimum
    self.freeDegrees = freeDegrees
    residualVariance = optimum.residualSumOfSquares / freeDegrees
    remlCriterion = optimum.profiledDeviance(freeDegrees: freeDegrees)
    meanSession = observations.reduce(0) { $0 + Double($1.session) } / Double(n)
    satterthwaite = SatterthwaiteApproximation(
      ratios: ratios, sigma: residualVariance.squareRoot(), freeDegrees: freeDegrees, evaluate: evaluate)
  }

  /// The fixed-effect row of `condition` at the mean session, averaged over sites; `memory` ½
  /// averages the populations.
  func row(_ condition: Condition, memory: Double) -> [Double] {
    design.row(condition, session: meanSession, site: design.averageSiteColumns, memory: memory)
  }

  /// `condition` minus the reference, in the population `memory` (½: averaged).
  func effect(of condition: Condition, memory: Double) -> [Double] {
    zip(row(condition, memory: memory), row(design.reference, memory: memory)).map { $0 - $1 }
  }

  /// The effect of `condition` with a memory disorder minus without.
  func interaction(of condition: Condition) -> [Double] {
    zip(effect(of: condition, memory: 1), effect(of: condition, memory: 0)).map { $0 - $1 }
  }

  /// Lβ̂ with its standard error σ̂·‖R⁻ᵀLᵀ‖, Satterthwaite df, two-sided t test and interval.
  func estimate(_ name: String, _ combination: [Double], confidence: Double) -> MixedModelEstimate {
    let value = zip(combination, optimum.coefficients).reduce(0) { $0 + $1.0 * $1.1 }
    let variance = residualVariance * optimum.crossProduct.inverseQuadraticForm(combination)
    let df = satterthwaite.degreesOfFreedom(of: combination, variance: variance) ?? freeDegrees
    let standardError = variance.squareRoot()
    let t = value / standardError
    let quantile = SpecialFunctions.studentQuantile(1 - (1 - confidence) / 2, degreesOfFreedom: df)
    return MixedModelEstimate(
      name: name, estimate: value, standardError: standardError, degreesOfFreedom: df, t: t,
      p: 2 * SpecialFunctions.studentCDF(-abs(t), degreesOfFreedom: df),
      lower: value - quantile * standardError, upper: value + quantile * standardError)
  }

  /// The two-sided p-value of Lβ = 0 alone (no interval: the power simulation needs only this).
  func pValue(of combination: [Double]) -> Double {
    let value = zip(combination, optimum.coefficients).reduce(0) { $0 + $1.0 * $1.1 }
    let variance = residualVariance * optimum.crossProduct.inverseQuadraticForm(combination)
    let df = satterthwaite.degreesOfFreedom(of: combination, variance: variance) ?? freeDegrees
    return 2 * SpecialFunctions.studentCDF(-abs(value / variance.squareRoot()), degreesOfFreedom: df)
  }

  /// Each participant's rows, in order of first appearance, with the group they attended most
  /// (ties to the first in alphabetical order): participants are nested in groups.
  private static func participants(of observations: [MixedModelObservation]) -> [(group: String, rows: [Int])] {
    var order: [String] = []
    var rows: [String: [Int]] = [:]
    for (index, observation) in observations.enumerated() {
      if rows[observation.participant] == nil { order.append(observation.participant) }
      rows[observation.participant, default: []].append(index)
    }
    return order.map { code in
      let indices = rows[code]!
      let counts = Dictionary(grouping: indices.map { observations[$0].group }) { $0 }.mapValues(\.count)
      let home = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
      return (home, indices)
    }
  }
}
