import ArgumentParser
import Foundation
import ProtocolKit
import Research
import SessionModel

/// `connectage protocol power [FILE | --study S] --effect E --participant-sd P --residual-sd R [options]`:
/// the power of the primary analysis, by simulating the planned trial under the given effects.
struct ProtocolPowerCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "power",
    abstract: "Power of the mixed model for the main effect and the memory-disorder interaction, by simulation.",
    discussion: """
      Draws the planned trial (populations, groups, participants, sessions, trials per condition, absences) \
      many times under the effects given, in the measure's unit (seconds of speech, for example), fits the \
      linear mixed model of `connectage stats` to each draw, and reports how often the tested condition's effect \
      against image alone and its interaction with memory-disorder status are significant. The design comes from \
      the protocol file (FILE, or Protocols/<study>.yaml with --study); every option overrides it. Seeded: the \
      same options give the same figures. The simulation model is in docs/exports-and-statistics.md.
      """)

  @Argument(help: "The protocol file (or --study).") var file: String?
  @Option(help: "The study whose protocol is Protocols/<study>.yaml.") var study: String?
  @OptionGroup var assets: AssetsOption

  @Option(help: "Populations: 2 (without and with memory disorder) or 1 (default: the protocol's arms, at most 2).")
  var populations: Int?
  @Option(help: "Groups in each population (default 1).") var groupsPerPopulation = 1
  @Option(help: "Participants per group (default: the protocol's group_size).") var groupSize: Int?
  @Option(help: "Sessions per participant (default: the protocol's schedule).") var sessions: Int?
  @Option(help: "Trials of each condition per session (default: trials_per_session / conditions).")
  var trialsPerCondition: Int?
  @Option(help: "Probability that a participant misses a session (default 0.1).") var absenceRate = 0.1

  @Option(help: "The condition tested against image alone (default image_scent).") var condition = "image_scent"
  @Option(help: "Its expected effect without memory disorder, in the measure's unit.") var effect: Double
  @Option(help: "How much larger the effect is with a memory disorder (default 0).") var interaction = 0.0
  @Option(help: "Standard deviation between participants.") var participantSD: Double
  @Option(help: "Standard deviation between groups (default 0).") var groupSD = 0.0
  @Option(help: "Standard deviation of answers within a participant.") var residualSD: Double

  @Option(help: "Simulated trials (default 500).") var simulations = 500
  @Option(help: "Seed of the simulation (default 1).") var seed: UInt64 = 1
  @Option(help: "Significance level (default 0.05).") var alpha = 0.05
  @Flag(help: "Print JSON instead of sentences.") var json = false

  func run() async throws {
    let design = try plannedDesign()
    guard let tested = Condition(rawValue: condition), tested != .image, design.conditions.contains(tested) else {
      throw CommandFailure.badInput(
        LocalizedText(
          fr:
            "« \(condition) » n'est pas une condition du protocole à comparer à l'image seule (\(design.conditions.dropFirst().map(\.rawValue).joined(separator: ", "))).",
          en:
            "'\(condition)' is not a protocol condition to compare with image alone (\(design.conditions.dropFirst().map(\.rawValue).joined(separator: ", ")))."
        ))
    }
    guard simulations > 0, alpha > 0, alpha < 1, participantSD >= 0, groupSD >= 0, residualSD > 0,
      (0..<1).contains(absenceRate)
    else {
      throw CommandFailure.badInput(
        LocalizedText(
          fr:
            "--simulations doit être positif, --alpha entre 0 et 1, --absence-rate dans [0 ; 1[, les écarts-types positifs (--residual-sd > 0).",
          en:
            "--simulations must be positive, --alpha between 0 and 1, --absence-rate in [0, 1), the standard deviations positive (--residual-sd > 0)."
        ))
    }
    let effects = PowerEffects(
      condition: tested, effect: effect, interaction: interaction, participantSD: participantSD, groupSD: groupSD,
      residualSD: residualSD)
    let result = PowerSimulation.run(
      design: design, effects: effects, simulations: simulations, alpha: alpha, seed: seed)
    if json {
      try ProtocolInput.printJSON(result)
    } else {
      Terminal.print(Self.text(result).text(in: Terminal.language))
    }
  }

  /// The protocol's design with the options applied; the options alone when there is no protocol.
  private func plannedDesign() throws -> PowerDesign {
    var design = PowerDesign()
    if let path = file ?? study.map({ "Protocols/\($0).yaml" }) {
      let clinicalProtocol = try ProtocolInput.load(path, assets: assets)
      design.conditions = [.image] + clinicalProtocol.conditions.filter { $0 != .image }
      design.populations = min(max(clinicalProtocol.arms.count, 1), 2)
      design.participantsPerGroup = clinicalProtocol.groupSize
      design.trialsPerCondition = max(1, clinicalProtocol.trialsPerSession / max(clinicalProtocol.conditions.count, 1))
      let start = clinicalProtocol.schedule.start ?? CalendarDate(year: 2027, month: 1, day: 11)!
      design.sessions = ScheduleBuilder(settings: clinicalProtocol.schedule).schedule(startingOn: start).sessions.count
    }
    if let populations { design.populations = populations }
    design.groupsPerPopulation = groupsPerPopulation
    if let groupSize { design.participantsPerGroup = groupSize }
    if let sessions { design.sessions = sessions }
    if let trialsPerCondition { design.trialsPerCondition = trialsPerCondition }
    design.absenceRate = absenceRate
    guard (1...2).contains(design.populations), design.groupsPerPopulation > 0, design.participantsPerGroup > 0,
      design.sessions > 0, design.trialsPerCondition > 0
    else {
      throw CommandFailure.badInput(
        LocalizedText(
          fr: "--populations vaut 1 ou 2 ; groupes, participants, séances et essais doivent être positifs.",
          en: "--populations is 1 or 2; groups, participants, sessions and trials must be positive."))
    }
    return design
  }

  static func text(_ result: PowerSimulation.Result) -> LocalizedText {
    let design = result.design
    let effects = result.effects
    func percent(_ power: Double) -> String {
      String(format: "%.1f %% (± %.1f)", 100 * power, 100 * result.standardError(of: power))
    }
    let people = design.populations * design.groupsPerPopulation * design.participantsPerGroup
    var fr = """
      Plan simulé : \(design.populations) population(s) × \(design.groupsPerPopulation) groupe(s) × \(design.participantsPerGroup) participants (\(people)), \(design.sessions) séances, \(design.trialsPerCondition) essai(s) par condition et séance (\(design.conditions.map(\.rawValue).joined(separator: ", "))), absences \(String(format: "%.0f", 100 * design.absenceRate)) %.
      Effets : \(effects.condition.rawValue) − image = \(effects.effect) sans trouble mnésique, + \(effects.interaction) avec ; ET participant \(effects.participantSD), groupe \(effects.groupSD), résiduel \(effects.residualSD).
      \(result.simulations) essais simulés (graine \(result.seed)), seuil \(result.alpha) :
      Puissance pour l'effet de \(effects.condition.rawValue) (moyenne des populations) : \(percent(result.mainEffectPower))
      """
    var en = """
      Simulated design: \(design.populations) population(s) × \(design.groupsPerPopulation) group(s) × \(design.participantsPerGroup) participants (\(people)), \(design.sessions) sessions, \(design.trialsPerCondition) trial(s) per condition and session (\(design.conditions.map(\.rawValue).joined(separator: ", "))), absences \(String(format: "%.0f", 100 * design.absenceRate))%.
      Effects: \(effects.condition.rawValue) − image = \(effects.effect) without memory disorder, + \(effects.interaction) with; SD participant \(effects.participantSD), group \(effects.groupSD), residual \(effects.residualSD).
      \(result.simulations) simulated trials (seed \(result.seed)), level \(result.alpha):
      Power for the effect of \(effects.condition.rawValue) (averaged over populations): \(percent(result.mainEffectPower))
      """
    if let interaction = result.interactionPower {
      fr += "\nPuissance pour l'interaction avec le trouble mnésique : \(percent(interaction))"
      en += "\nPower for the interaction with memory disorder: \(percent(interaction))"
    }
    if result.failedFits > 0 {
      fr += "\n\(result.failedFits) modèle(s) non ajusté(s), comptés non significatifs."
      en += "\n\(result.failedFits) model(s) could not be fitted, counted as not significant."
    }
    return LocalizedText(fr: fr, en: en)
  }
}
