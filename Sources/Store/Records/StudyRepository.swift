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
  /// The code pattern of `study` when the database knows it, else the standard one.
  public func participantCodes(of study: StudyID?) throws -> ParticipantCodePattern {
    try study.flatMap { try fetch($0) }?.participantCodes ?? .standard
  }
}

extension SessionDatabase {
  public var studies: StudyRepository { StudyRepository(database: self) }
}
