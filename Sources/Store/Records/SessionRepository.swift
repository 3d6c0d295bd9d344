internal import GRDB
import SessionModel

/// Sessions and their planned trials.
public struct SessionRepository: Sendable {
  let database: SessionDatabase

  public init(database: SessionDatabase) {
    self.database = database
  }

  /// Adds the session or updates it; its trials are added or updated, never removed, because
  /// recordings and measures may already refer to them.
  public func save(_ session: Session) throws {
    try database.write { db in
      try db.execute(
        sql: """
          INSERT INTO session (id, study_id, group_id, number, date, kind, session_date)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT (id) DO UPDATE SET study_id = excluded.study_id, group_id = excluded.group_id,
            number = excluded.number, date = excluded.date, kind = excluded.kind,
            session_date = coalesce(excluded.session_date, session.session_date)
          """,
        arguments: [
          session.id.rawValue, session.study?.rawValue, session.group?.rawValue, session.number,
          session.date.description, session.kind.rawValue, session.heldOn?.description,
        ])
      for trial in session.trials {
        try TrialRepository.upsert(trial, in: session.id, db: db)
      }
    }
  }

  /// The session with its trials in order, or `nil`.
  public func fetch(_ id: SessionID) throws -> Session? {
    try database.read { db in
      try Row.fetchOne(db, sql: "SELECT * FROM session WHERE id = ?", arguments: [id.rawValue])
        .map { try Self.session($0, in: db) }
    }
  }

  /// Every session, or those of one study, ordered by date, then identifier.
  public func fetchAll(study: StudyID? = nil) throws -> [Session] {
    try database.read { db in
      try Row.fetchAll(
        db,
        sql: "SELECT * FROM session WHERE (?1 IS NULL OR study_id = ?1) ORDER BY date, id",
        arguments: [study?.rawValue]
      ).map { try Self.session($0, in: db) }
    }
  }

  private static func session(_ row: Row, in db: Database) throws -> Session {
    let id = SessionID(rawValue: row["id"])
    let dateText: String = row["date"]
    guard let date = CalendarDate(dateText) else {
      throw StoreError.databaseFailure("session \(id) has an unreadable date '\(dateText)'")
    }
    let heldOnText: String? = row["session_date"]
    return Session(
      id: id,
      study: (row["study_id"] as String?).map(StudyID.init(rawValue:)),
      group: (row["group_id"] as String?).map(GroupID.init(rawValue:)),
      number: row["number"],
      date: date,
      kind: try RowValue.decode(SessionKind.self, row["kind"]),
      trials: try TrialRepository.trials(in: id, db: db),
      heldOn: heldOnText.flatMap(CalendarDate.init))
  }
}

extension SessionDatabase {
  public var sessions: SessionRepository { SessionRepository(database: self) }
}
