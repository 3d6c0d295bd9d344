import Foundation
internal import GRDB
import SessionModel

/// Studies and sites: the descriptions behind the identifiers that participants, groups and
/// sessions carry.
public struct StudyRepository: Sendable {
  let database: SessionDatabase

  public init(database: SessionDatabase) {
    self.database = database
  }

  public func save(_ study: Study) throws {
    try database.write { db in
      try db.execute(
        sql: """
          INSERT INTO study (id, title, protocol, participant_code_pattern) VALUES (?, ?, ?, ?)
          ON CONFLICT (id) DO UPDATE SET title = excluded.title, protocol = excluded.protocol,
            participant_code_pattern = excluded.participant_code_pattern
          """,
        arguments: [
          study.id.rawValue, study.title, study.protocolName,
          study.participantCodes == .standard ? nil : study.participantCodes.pattern,
        ])
    }
  }

  public func fetch(_ id: StudyID) throws -> Study? {
    try database.read { db in
      try Row.fetchOne(db, sql: "SELECT * FROM study WHERE id = ?", arguments: [id.rawValue]).map {
        Study(
          id: StudyID(rawValue: $0["id"]), title: $0["title"], protocolName: $0["protocol"],
          participantCodes: ($0["participant_code_pattern"] as String?).flatMap(ParticipantCodePattern.init)
            ?? .standard)
      }
    }
  }

  public func save(_ site: Site) throws {
    try database.write { db in
      try db.execute(
        sql: "INSERT INTO site (id, label) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET label = excluded.label",
        arguments: [site.id.rawValue, site.label])
    }
  }

  public func fetch(_ id: SiteID) throws -> Site? {
    try database.read { db in
      try Row.fetchOne(db, sql: "SELECT * FROM site WHERE id = ?", arguments: [id.rawValue]).map {
        Site(id: SiteID(rawValue: $0["id"]), label: $0["label"])
      }
    }
  }
}

extension StudyRepository {
  /// The plan `study` was first run with, if it has run.
  public func plan(of study: StudyID) throws -> PlanChoice? {
    try database.read { db in
      try Row.fetchOne(
        db, sql: "SELECT participants, seed FROM study_plan WHERE study_id = ?", arguments: [study.rawValue]
      )
      .flatMap { row in
        (row["seed"] as String?).flatMap(UInt64.init).map { PlanChoice(participants: row["participants"], seed: $0) }
      }
    }
  }

  /// Keeps `plan` as the study's unless it already has one; returns the one kept. The study must
  /// be saved first.
  @discardableResult
  public func record(_ plan: PlanChoice, for study: StudyID, at date: Date = Date()) throws -> PlanChoice {
    try database.write { db in
      try db.execute(
        sql: """
          INSERT INTO study_plan (study_id, participants, seed, recorded_at) VALUES (?, ?, ?, ?)
          ON CONFLICT (study_id) DO NOTHING
          """,
        arguments: [study.rawValue, plan.participants, String(plan.seed), WallClockText.text(for: date)])
    }
    return try self.plan(of: study) ?? plan
  }

  /// The code pattern of `study` when the database knows it, else the standard one.
  public func participantCodes(of study: StudyID?) throws -> ParticipantCodePattern {
    try study.flatMap { try fetch($0) }?.participantCodes ?? .standard
  }
}

extension SessionDatabase {
  public var studies: StudyRepository { StudyRepository(database: self) }
}
