import Foundation
import SessionModel

/// The trial's primary analysis of a continuous measure: a linear mixed model fitted by REML,
///
///   y = β₀ + β_condition + β_session · session_number [+ β_site] [+ β_memory + β_condition×memory]
///       [+ b_group] + b_participant + ε,
///
/// with random intercepts for participant and, when there are at least three groups, for group
/// (participants nested in groups); the memory-disorder status and its interaction with condition
/// enter when both populations are present. In a multi-centre trial (answers from two sites or
/// more) the site enters as a fixed effect, the stratification factor of the randomisation, without
/// an interaction with condition; marginal means average over sites, each weighing the same, as
/// emmeans does. The variance ratios are found by minimising the profiled REML criterion
/// (``VarianceRatioOptimiser``) on per-participant sufficient statistics
/// (``MixedModelCrossProducts``), so the cost grows with participants, not answers. Tests of
/// linear combinations use Satterthwaite's degrees of freedom computed as lmerTest does (see
/// ``SatterthwaiteApproximation``). docs/exports-and-statistics.md has the formulas.
public enum LinearMixedModel {
  /// Whether the model includes memory-disorder status and its interaction with condition.
  public enum MemoryDisorderTerm: String, Sendable, Hashable, Codable {
    /// When both populations have answers.
    case whenBothPopulations
    case never
  }

  /// Groups needed before a group intercept enters: a variance estimated from two levels is
  /// meaningless, and in ESPOIR-AVC the two groups are the two populations, so a group intercept
  /// would only compete with the memory-disorder term.
  public static let minimumGroupsForGroupIntercept = 3

  public static func fit(
    _ observations: [MixedModelObservation], reference: Condition = .image,
    memoryDisorder: MemoryDisorderTerm = .whenBothPopulations, confidence: Double = 0.95
  ) throws(MixedModelError) -> MixedModelFit {
    let model = try FittedModel(observations, reference: reference, memoryDisorder: memoryDisorder)
    let design = model.design
    let conditions = design.conditions
    func estimate(_ name: String, _ combination: [Double]) -> MixedModelEstimate {
      model.estimate(name, combination, confidence: confidence)
    }
    let fixedEffects = design.columnNames.enumerated().map { index, name in
      estimate(name, (0..<design.columnNames.count).map { $0 == index ? 1 : 0 })
    }
    let byPopulation: [(MemoryPopulation?, Double)] =
      design.includesMemoryDisorder
      ? [(nil, 0.5), (.withoutMemoryDisorder, 0), (.withMemoryDisorder, 1)] : [(nil, 0)]
    let marginalMeans = byPopulation.flatMap { population, memory in
      conditions.map { condition in
        MarginalMean(
          condition: condition, population: population,
          mean: estimate(condition.rawValue, model.row(condition, memory: memory)))
      }
    }
    var contrasts: [MixedModelContrast] = []
    for condition in conditions.dropFirst() {
      let name = "\(condition.rawValue) - \(reference.rawValue)"
      for (population, memory) in byPopulation {
        contrasts.append(
          MixedModelContrast(
            condition: condition, reference: reference, kind: .effect, population: population,
            difference: estimate(name, model.effect(of: condition, memory: memory))))
      }
      if design.includesMemoryDisorder {
        contrasts.append(
          MixedModelContrast(
            condition: condition, reference: reference, kind: .interaction, population: nil,
            difference: estimate("(\(name)) with - without memory disorder", model.interaction(of: condition))))
      }
    }
    // The effects reported are several tests of one hypothesis (a condition helps): their
    // family-wise error is held at the nominal level, under any dependence between them.
    let effects = contrasts.indices.filter { contrasts[$0].kind == .effect }
    for (index, adjusted) in zip(effects, HolmCorrection.adjust(effects.map { contrasts[$0].difference.p })) {
      contrasts[index].holmAdjustedP = adjusted
    }
    let ratios = model.ratios
    let variance = VarianceComponents(
      participant: ratios[0] * ratios[0] * model.residualVariance,
      group: model.includesGroup ? ratios[1] * ratios[1] * model.residualVariance : nil,
      residual: model.residualVariance)
    return MixedModelFit(
      formula: formula(design, includesGroup: model.includesGroup), observations: observations.count,
      participants: model.participants, groups: model.groups, conditions: conditions,
      sites: design.sites, includesMemoryDisorder: design.includesMemoryDisorder,
      includesGroupIntercept: model.includesGroup,
      meanSession: model.meanSession, fixedEffects: fixedEffects, variance: variance,
      remlCriterion: model.remlCriterion, marginalMeans: marginalMeans, contrasts: contrasts,
      confidence: confidence, degreesOfFreedomMethod: "satterthwaite")
  }

  static func formula(_ design: MixedModelDesign, includesGroup: Bool) -> String {
    let fixed =
      (design.includesMemoryDisorder ? "condition * memory + session_number" : "condition + session_number")
      + (design.includesSite ? " + site" : "")
    return "value ~ \(fixed) + \(includesGroup ? "(1 | group) + " : "")(1 | participant)"
  }
}
