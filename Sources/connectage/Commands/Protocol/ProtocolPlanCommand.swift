import ArgumentParser
import Foundation
import ProtocolKit
import SessionModel

/// `connectage protocol plan FILE --participants N --seed S [--json]`: the counterbalanced sessions.
struct ProtocolPlanCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plan",
    abstract: "Plan counterbalanced sessions for N participants from a seed (a table, or JSON with --json).")

  @OptionGroup var options: ProtocolFileOptions

  @Option(help: "How many participants to plan for.")
  var participants: Int

  @Option(help: "The seed of the randomisation; the same seed gives the same plan.")
  var seed: UInt64

  func run() async throws {
    guard participants >= 1 else {
      throw CommandFailure.badInput(
        LocalizedText(
          fr: "--participants vaut \(participants). Donnez au moins 1 participant.",
          en: "--participants is \(participants). Give at least 1 participant."))
    }
    let clinicalProtocol = try ProtocolInput.load(options.file, assets: options.assets)
    let firstDay = try ProtocolInput.startDate(options.start, protocol: clinicalProtocol)
    let schedule = ScheduleBuilder(settings: clinicalProtocol.schedule).schedule(startingOn: firstDay)
    let plan: SessionPlan
    do {
      plan = try SessionPlanner(protocol: clinicalProtocol).plan(
        participants: participants, seed: seed, schedule: schedule)
    } catch {
      throw CommandFailure.badInput(error.message)
    }
    if options.json {
      try ProtocolInput.printJSON(plan)
    } else {
      Terminal.print(Self.table(plan, protocol: clinicalProtocol))
    }
  }

  static func table(_ plan: SessionPlan, protocol clinicalProtocol: ClinicalProtocol) -> String {
    let language = Terminal.language
    let isGroup = plan.unit == .group
    let summary = LocalizedText(
      fr:
        "Plan \(plan.study) : graine \(plan.seed), \(plan.participants) participant(s), \(plan.units.count) \(isGroup ? "groupe(s)" : "unité(s)")",
      en:
        "Plan \(plan.study): seed \(plan.seed), \(plan.participants) participant(s), \(plan.units.count) \(isGroup ? "group(s)" : "unit(s)")"
    )
    let header = LocalizedText(
      fr: "\(isGroup ? "Groupe" : "Participant")|Séance|Date|Essai|Condition|Image|Jeu ou odeur",
      en: "\(isGroup ? "Group" : "Participant")|Session|Date|Trial|Condition|Image|Game or scent")
    var rows = [header.text(in: language).split(separator: "|").map(String.init)]
    for unit in plan.units {
      for session in unit.sessions {
        for trial in session.trials {
          rows.append([
            unit.name, "\(session.number)", "\(session.date)", "\(trial.number)", trial.condition.rawValue,
            trial.stimulus.rawValue, extra(trial, protocol: clinicalProtocol).text(in: language),
          ])
        }
      }
    }
    return summary.text(in: language) + "\n" + ProtocolInput.table(rows)
  }

  private static func extra(_ trial: Trial, protocol clinicalProtocol: ClinicalProtocol) -> LocalizedText {
    var parts: [LocalizedText] = []
    if let game = trial.game {
      parts.append(LocalizedText(fr: "jeu \(game.rawValue)", en: "game \(game.rawValue)"))
    }
    if let scent = trial.scent {
      let channel = clinicalProtocol.scent(scent).map { "\($0.slot)" } ?? "?"
      parts.append(LocalizedText(fr: "odeur \(scent) (canal \(channel))", en: "scent \(scent) (channel \(channel))"))
    }
    return LocalizedText(
      fr: parts.map(\.french).joined(separator: ", "), en: parts.map(\.english).joined(separator: ", "))
  }
}
