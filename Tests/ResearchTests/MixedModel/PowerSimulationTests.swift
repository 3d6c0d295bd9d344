import Foundation
import Testing

@testable import Research

/// The power simulation against the closed form where one exists: one population, one group, no
/// absence, image and image + scent in equal numbers each session. The contrast is then estimated
/// within participants with Var = 2σ²/(n·m) (m trials per condition per participant, the session
/// trend orthogonal to it), and the two-sided power at level α is
/// Φ(δ/SE − z) + Φ(−δ/SE − z), z = Φ⁻¹(1 − α/2); Satterthwaite's df are in the hundreds, so t ≈ z.
@Suite struct PowerSimulationTests {
  static func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

  @Test(arguments: [0.45])
  func agreesWithTheClosedFormInTheBalancedCase(effect: Double) {
    let design = PowerDesign(
      populations: 1, groupsPerPopulation: 1, participantsPerGroup: 10, sessions: 13,
      conditions: [.image, .imageScent], trialsPerCondition: 2, absenceRate: 0)
    let effects = PowerEffects(condition: .imageScent, effect: effect, participantSD: 1.5, residualSD: 2)
    let result = PowerSimulation.run(design: design, effects: effects, simulations: 400, seed: 7)
    let standardError = 2 * (2 / Double(10 * 26)).squareRoot()
    let z = 1.959_963_984_540_054
    let expected = Self.normalCDF(effect / standardError - z) + Self.normalCDF(-effect / standardError - z)
    #expect(
      abs(result.mainEffectPower - expected) <= 3 * result.standardError(of: expected),
      "\(result.mainEffectPower) vs \(expected)")
    #expect(result.interactionPower == nil)
    #expect(result.failedFits == 0)
  }

  @Test func withoutAnEffectThePowerIsTheLevel() {
    let design = PowerDesign(populations: 2, participantsPerGroup: 8, sessions: 6, absenceRate: 0.1)
    let effects = PowerEffects(condition: .imageGame, effect: 0, interaction: 0, participantSD: 1, residualSD: 2)
    let result = PowerSimulation.run(design: design, effects: effects, simulations: 200, seed: 3)
    #expect(abs(result.mainEffectPower - 0.05) <= 3 * result.standardError(of: 0.05))
    #expect(abs((result.interactionPower ?? 1) - 0.05) <= 3 * result.standardError(of: 0.05))
  }

  @Test func theSameSeedGivesTheSameFigures() {
    let design = PowerDesign(participantsPerGroup: 5, sessions: 4)
    let effects = PowerEffects(effect: 1, interaction: 1, participantSD: 1, residualSD: 2)
    #expect(
      PowerSimulation.run(design: design, effects: effects, simulations: 20, seed: 9)
        == PowerSimulation.run(design: design, effects: effects, simulations: 20, seed: 9))
  }
}
