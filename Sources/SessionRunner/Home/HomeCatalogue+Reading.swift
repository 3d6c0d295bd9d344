import Foundation
import ProtocolKit
import SessionModel
import Store

extension HomeCatalogue {
  /// Reads every protocol in `protocolsFolder` and what the database says of their sessions. Each
  /// study is planned as it was first run (``PlanChoice``), else with `participantCount` and `seed`
  /// (ten and 1 when nil), as a run from this screen will be.
  ///
  /// Sessions a crash left open are recovered first, exactly as `connectage run` does before it
  /// starts, so that an interrupted session is offered for resume. A file that is not a valid
  /// protocol is left out (`connectage protocol validate` names its errors).
  public static func read(
    protocolsFolder: URL, assetsRoot: URL, databasePath: String, participantCount: Int? = nil, seed: UInt64? = nil
  ) -> (catalogue: HomeCatalogue, warnings: [LocalizedText]) {
    var warnings: [LocalizedText] = []
    let database: SessionDatabase? =
      FileManager.default.fileExists(atPath: databasePath) ? try? SessionDatabase(path: databasePath) : nil
    if let database {
      do {
        warnings += try SessionRecovery(database: database).recoverAll(waiting: false).map(\.summary)
      } catch {
        warnings.append(
          LocalizedText(
            fr: "Une séance interrompue n'a pas pu être récupérée : lancez « connectage db recover ».",
            en: "An interrupted session could not be recovered: run 'connectage db recover'."))
      }
    }
    let held = (try? heldSessions(in: database)) ?? []
    let files =
      ((try? FileManager.default.contentsOfDirectory(at: protocolsFolder, includingPropertiesForKeys: nil)) ?? [])
      .filter { $0.pathExtension == "yaml" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    var studies: [HomeStudy] = []
    for file in files {
      guard let clinicalProtocol = try? ProtocolLoader.load(contentsOf: file, assets: assetsRoot) else { continue }
      let schedule = ScheduleBuilder(settings: clinicalProtocol.schedule)
        .schedule(startingOn: clinicalProtocol.schedule.start ?? CalendarDate(daysSinceEpoch: 0))
      let choice =
        database.flatMap { try? $0.studies.plan(of: clinicalProtocol.id) }
        ?? PlanChoice.standard.overriding(participants: participantCount, seed: seed)
      guard
        let plan = try? SessionPlanner(protocol: clinicalProtocol).plan(
          participants: choice.participants, seed: choice.seed, schedule: schedule)
      else { continue }
      let records = clinicalProtocol.evocation.recording && clinicalProtocol.kind == .clinical
      let groups = plan.units.map { unit in
        let members = database.flatMap { try? $0.groups.fetch(GroupID(unit.name)) }.map(\.members.count)
        return HomeGroup(
          name: unit.name, registeredMembers: members.flatMap { $0 > 0 ? $0 : nil },
          sessions: unit.sessions.map { session in
            let state: HomePlannedSession.State
            if let point = database.flatMap({
              try? SessionRecovery(database: $0).resumePoint(ofPlanned: session.id, trials: session.trials)
            }), point.trialIndex < session.trials.count {
              state = .interrupted(atTrial: point.trialIndex + 1, of: session.trials.count)
            } else {
              state = held.contains(session.id.rawValue) ? .held : .planned
            }
            let budget = RecordingBudget(
              trials: session.trials.count, speakers: max(1, members ?? unit.members.count),
              maximumAnswerSeconds: clinicalProtocol.evocation.maximumAnswerSeconds)
            return HomePlannedSession(
              number: session.number, id: session.id.rawValue, date: session.date, state: state,
              neededBytes: records ? budget.neededBytes : 0,
              plansScents: session.trials.contains { $0.condition.includesScent })
          })
      }
      studies.append(
        HomeStudy(
          protocolFile: file, id: clinicalProtocol.id.rawValue, title: clinicalProtocol.title,
          isClinical: clinicalProtocol.kind == .clinical, groups: groups))
    }
    return (HomeCatalogue(studies: studies), warnings)
  }

  /// Planned sessions (`G01-S03`) that a run ended normally; run ids are `<planned>-<stamp>-<random>`.
  private static func heldSessions(in database: SessionDatabase?) throws -> Set<String> {
    guard let database else { return [] }
    var held: Set<String> = []
    for stored in try database.eventLog.events(ofTypes: [.sessionEnded]) {
      let parts = stored.event.session.rawValue.split(separator: "-")
      if parts.count >= 2 { held.insert(parts[0...1].joined(separator: "-")) }
    }
    return held
  }
}
