import Foundation
import ProtocolKit
import SessionModel

/// A planned session read from its protocol: what to run, known before anything is opened or written.
struct PlannedRun: Sendable {
  var clinicalProtocol: ClinicalProtocol
  var unit: PlannedUnit
  /// The planned session, under its planned id (`G01-S01`).
  var session: Session
  /// What the plan was drawn from: the study's, or the run's own at the study's first run.
  var plan: PlanChoice
  var thenAndNow: ThenAndNowCatalogue
  var rightOrder: RightOrderCatalogue

  /// Reads the protocol, plans it and picks the session to run; refuses bad input before anything
  /// is written. `studyPlan` gives the plan a study was first run with, if it has run.
  static func read(
    _ configuration: RunConfiguration, studyPlan: (StudyID) throws(RunFailure) -> PlanChoice?
  ) throws(RunFailure) -> PlannedRun {
    let clinicalProtocol: ClinicalProtocol
    do {
      clinicalProtocol = try ProtocolLoader.load(
        contentsOf: configuration.protocolFile, assets: configuration.assetsRoot)
    } catch {
      throw RunFailure(
        LocalizedText(fr: error.text(in: .french), en: error.text(in: .english)), isBadInput: true)
    }
    let schedule = ScheduleBuilder(settings: clinicalProtocol.schedule)
      .schedule(startingOn: clinicalProtocol.schedule.start ?? CalendarDate(daysSinceEpoch: 0))
    let choice = try Self.choice(configuration, studyPlan: studyPlan(clinicalProtocol.id), study: clinicalProtocol.id)
    let plan: SessionPlan
    do {
      plan = try SessionPlanner(protocol: clinicalProtocol).plan(
        participants: choice.participants, seed: choice.seed, schedule: schedule)
    } catch {
      throw RunFailure(error.message, isBadInput: true)
    }
    let unit = try PreparedSession.unit(named: configuration.group, in: plan)
    guard unit.sessions.indices.contains(configuration.sessionNumber - 1) else {
      let count = unit.sessions.count
      throw RunFailure(
        LocalizedText(
          fr: "La séance \(configuration.sessionNumber) n'existe pas : le protocole en prévoit \(count).",
          en: "Session \(configuration.sessionNumber) does not exist: the protocol plans \(count)."),
        isBadInput: true)
    }
    let thenAndNow: ThenAndNowCatalogue
    let rightOrder: RightOrderCatalogue
    do {
      thenAndNow = try ThenAndNowCatalogue.load(assets: configuration.assetsRoot)
      rightOrder = try RightOrderCatalogue.load(assets: configuration.assetsRoot)
    } catch {
      throw RunFailure(LocalizedText(fr: error.text(in: .french), en: error.text(in: .english)), isBadInput: true)
    }
    return PlannedRun(
      clinicalProtocol: clinicalProtocol, unit: unit, session: unit.sessions[configuration.sessionNumber - 1],
      plan: choice, thenAndNow: thenAndNow, rightOrder: rightOrder)
  }

  /// The study's plan, which the run's own values may only repeat; the run's (else the standard
  /// one) for a study that has not run yet.
  static func choice(
    _ configuration: RunConfiguration, studyPlan: PlanChoice?, study: StudyID
  ) throws(RunFailure) -> PlanChoice {
    let given = (studyPlan ?? .standard).overriding(
      participants: configuration.participantCount, seed: configuration.seed)
    guard let studyPlan else { return given }
    guard given == studyPlan else {
      let (count, seed) = (studyPlan.participants, studyPlan.seed)
      throw RunFailure(
        LocalizedText(
          fr:
            "L'étude \(study) est planifiée pour \(count) participants avec la graine \(seed) depuis sa première séance ; avec --participants \(given.participants) --seed \(given.seed), les mêmes séances montreraient d'autres images. Relancez sans --participants ni --seed.",
          en:
            "Study \(study) is planned for \(count) participants with seed \(seed) since its first session; with --participants \(given.participants) --seed \(given.seed) the same sessions would show other images. Run again without --participants or --seed."
        ), isBadInput: true)
    }
    return studyPlan
  }

  var isClinical: Bool { clinicalProtocol.kind == .clinical }
  var plansScents: Bool { session.trials.contains { $0.condition.includesScent } }
}
