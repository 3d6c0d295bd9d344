internal import GRDB
import SessionModel

/// The trials of sessions; a trial identifier is unique within its session only.
public struct TrialRepository: Sendable {
  let database: SessionDatabase

  public init(database: SessionDatabase) {
    self.database = database
  }

  /// Adds or updates one trial of a session that is already saved.
  ///
  /// - Throws: ``StoreError/databaseFailure(_:)`` when the session is unknown.
  public func save(_ trial: Trial, in session: SessionID) throws {
    try database.write { db in try Self.upsert(trial, in: session, db: db) }
  }

  /// The trial, or `nil`.
  public func fetch(_ trial: TrialID, in session: SessionID) throws -> Trial? {
    try database.read { db in
      try Row.fetchOne(
        db, sql: "SELECT * FROM trial WHERE session_id = ? AND id = ?", arguments: [session.rawValue, trial.rawValue]
      ).map(Self.trial)
    }
  }

  /// The trials of a session, in their order in the session.
  public func fetchAll(in session: SessionID) throws -> [Trial] {
    try database.read { db in try Self.trials(in: session, db: db) }
  }

  static func upsert(_ trial: Trial, in session: SessionID, db: Database) throws {
    try db.execute(
      sql: """
        INSERT INTO trial (session_id, id, number, stimulus_id, condition, game, scent_id) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (session_id, id) DO UPDATE SET number = excluded.number, stimulus_id = excluded.stimulus_id,
          condition = excluded.condition, game = excluded.game, scent_id = excluded.scent_id
        """,
      arguments: [
        session.rawValue, trial.id.rawValue, trial.number, trial.stimulus.rawValue, trial.condition.rawValue,
        trial.game?.rawValue, trial.scent?.rawValue,
      ])
  }

  static func trials(in session: SessionID, db: Database) throws -> [Trial] {
    try Row.fetchAll(
      db, sql: "SELECT * FROM trial WHERE session_id = ? ORDER BY number, id", arguments: [session.rawValue]
    ).map(trial)
  }

  private static func trial(_ row: Row) throws -> Trial {
    Trial(
      id: TrialID(rawValue: row["id"]),
      number: row["number"],
      stimulus: StimulusID(rawValue: row["stimulus_id"]),
      condition: try RowValue.decode(Condition.self, row["condition"]),
      game: try (row["game"] as String?).map { try RowValue.decode(GameKind.self, $0) },
      scent: (row["scent_id"] as String?).map(ScentID.init(rawValue:)))
  }
}

extension SessionDatabase {
  public var trials: TrialRepository { TrialRepository(database: self) }
}

extension TrialRepository {
  /// Turns a foreign-key failure into a sentence that names the trial.
  static func requireTrial(_ trial: TrialID, in session: SessionID, db: Database) throws {
    let exists = try Bool.fetchOne(
      db, sql: "SELECT EXISTS (SELECT 1 FROM trial WHERE session_id = ? AND id = ?)",
      arguments: [session.rawValue, trial.rawValue])
    if exists != true {
      throw StoreError.unknownTrial(session, trial)
    }
  }
}
