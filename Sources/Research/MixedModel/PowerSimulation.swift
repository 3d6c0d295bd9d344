import Foundation
import SessionModel

/// Power by simulation for the trial's primary analysis: draw the planned trial many times under
/// the effects the researcher gives, fit the linear mixed model to each, and count how often the
/// tested condition's effect (against image alone, averaged over populations) and its interaction
/// with memory-disorder status are significant.
///
/// The simulation model (docs/exports-and-statistics.md, "Power"): for participant j of group g,
/// session s, a trial in condition c,
///   y = b_g + b_j + δ·[c = tested] + γ·[c = tested]·memory_j + ε,
///   b_g ~ N(0, groupSD²), b_j ~ N(0, participantSD²), ε ~ N(0, residualSD²),
/// each session missed whole with probability absenceRate; the other conditions have no effect.
/// Seeded: the same seed gives the same power.
public enum PowerSimulation {
  public struct Result: Hashable, Sendable, Codable {
    public var design: PowerDesign
    public var effects: PowerEffects
    public var simulations: Int
    public var alpha: Double
    public var seed: UInt64
    /// Share of simulated trials where the averaged effect was significant.
    public var mainEffectPower: Double
    /// Share where the interaction was significant; nil with one population.
    public var interactionPower: Double?
    /// Simulated trials whose model could not be fitted (counted as not significant).
    public var failedFits: Int

    /// The Monte-Carlo standard error of a power estimate p: √(p(1−p)/n).
    public func standardError(of power: Double) -> Double {
      (power * (1 - power) / Double(simulations)).squareRoot()
    }

    enum CodingKeys: String, CodingKey {
      case design, effects, simulations, alpha, seed, mainEffectPower = "main_effect_power"
      case interactionPower = "interaction_power", failedFits = "failed_fits"
    }
  }

  public static func run(
    design: PowerDesign, effects: PowerEffects, simulations: Int = 500, alpha: Double = 0.05, seed: UInt64 = 1
  ) -> Result {
    var random = SplitMix64(seed: seed)
    var main = 0
    var interaction = 0
    var failed = 0
    for _ in 0..<simulations {
      let observations = simulate(design: design, effects: effects, using: &random)
      guard let model = try? FittedModel(observations, reference: .image, memoryDisorder: .whenBothPopulations)
      else {
        failed += 1
        continue
      }
      let averaged = model.design.includesMemoryDisorder ? 0.5 : 0
      if model.pValue(of: model.effect(of: effects.condition, memory: averaged)) < alpha { main += 1 }
      if model.design.includesMemoryDisorder && model.pValue(of: model.interaction(of: effects.condition)) < alpha {
        interaction += 1
      }
    }
    return Result(
      design: design, effects: effects, simulations: simulations, alpha: alpha, seed: seed,
      mainEffectPower: Double(main) / Double(simulations),
      interactionPower: design.populations == 2 ? Double(interaction) / Double(simulations) : nil,
      failedFits: failed)
  }

  /// One simulated trial under the model above.
  static func simulate(design: PowerDesign, effects: PowerEffects, using random: inout SplitMix64)
    -> [MixedModelObservation]
  {
    var observations: [MixedModelObservation] = []
    for population in 0..<design.populations {
      for groupNumber in 0..<design.groupsPerPopulation {
        let group = "P\(population)G\(groupNumber)"
        let groupLevel = gaussian(&random) * effects.groupSD
        for person in 0..<design.participantsPerGroup {
          let participant = "\(group)-\(person)"
          let level = groupLevel + gaussian(&random) * effects.participantSD
          for session in 1...design.sessions {
            guard Double.random(in: 0..<1, using: &random) >= design.absenceRate else { continue }
            for condition in design.conditions {
              for _ in 0..<design.trialsPerCondition {
                var value = level + gaussian(&random) * effects.residualSD
                if condition == effects.condition {
                  value += effects.effect + (population == 1 ? effects.interaction : 0)
                }
                observations.append(
                  MixedModelObservation(
                    participant: participant, group: group, condition: condition, session: session,
                    hasMemoryDisorder: population == 1, value: value))
              }
            }
          }
        }
      }
    }
    return observations
  }

  /// A standard normal deviate (Box–Muller).
  static func gaussian(_ random: inout SplitMix64) -> Double {
    let u1 = Double.random(in: Double.ulpOfOne..<1, using: &random)
    let u2 = Double.random(in: 0..<1, using: &random)
    return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
  }
}
