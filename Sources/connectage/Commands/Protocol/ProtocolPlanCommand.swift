import ArgumentParser
import Foundation
import ProtocolKit
import SessionModel
import Store

/// `connectage protocol plan FILE --participants N --seed S [--json] [--record]`: the counterbalanced
/// sessions; `--record` fixes them as the study's in the database, before its first session.
struct ProtocolPlanCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plan",
    abstract: "Plan counterbalanced sessions for N participants from a seed (a table, or JSON with --json).")

  @OptionGroup var options: ProtocolFileOptions

  @Option(help: "How many participants to plan for.")
  var participants: Int

  @Option(help: "The seed of the randomisation; the same seed gives the same plan.")
  var seed: UInt64

  @Flag(
    help: """
      Fix this plan as the study's in the database (--db): every run and the home screen then plan \
      the study with these participants and this seed. Refused if the study already has another.
      """)
  var record = false

  @OptionGroup var store: StoreOptions

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
    if record { try recordPlan(of: clinicalProtocol) }
    if options.json {
      try ProtocolInput.printJSON(plan)
    } else {
      Terminal.print(Self.table(plan, protocol: clinicalProtocol))
    }
  }

  /// Keeps the plan as the study's (SessionModel's `PlanChoice`), as its first run would.
  private func recordPlan(of clinicalProtocol: ClinicalProtocol) throws {
    let wanted = PlanChoice(participants: participants, seed: seed)
    let kept = try store.withDatabase(creating: true) { database in
      try database.studies.save(
        clinicalProtocol.study(
          protocolName: URL(fileURLWithPath: options.file).deletingPathExtension().lastPathComponent))
      return try database.studies.record(wanted, for: clinicalProtocol.id)
    }
    guard kept == wanted else {
      throw CommandFailure.badInput(
        LocalizedText(
          fr:
            "L'étude \(clinicalProtocol.id) est déjà planifiée pour \(kept.participants) participants avec la graine \(kept.seed) ; ce plan ne peut plus changer.",
          en:
            "Study \(clinicalProtocol.id) is already planned for \(kept.participants) participants with seed \(kept.seed); that plan can no longer change."
        ))
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
