import Foundation
import ProtocolKit
import SessionModel

/// A planned session read from its protocol: what to run, known before anything is opened or written.
struct PlannedRun: Sendable {
  var clinicalProtocol: ClinicalProtocol
  var unit: PlannedUnit
  /// The planned session, under its planned id (`G01-S01`).
  var session: Session
  var thenAndNow: ThenAndNowCatalogue
  var rightOrder: RightOrderCatalogue

  /// Reads the protocol, plans it and picks the session to run; refuses bad input before any
  /// database or folder is touched.
  static func read(_ configuration: RunConfiguration) throws(RunFailure) -> PlannedRun {
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
    let plan: SessionPlan
    do {
      plan = try SessionPlanner(protocol: clinicalProtocol).plan(
        participants: configuration.participantCount, seed: configuration.seed, schedule: schedule)
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
      thenAndNow: thenAndNow, rightOrder: rightOrder)
  }

  var isClinical: Bool { clinicalProtocol.kind == .clinical }
  var plansScents: Bool { session.trials.contains { $0.condition.includesScent } }
}
