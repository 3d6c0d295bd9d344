internal import GRDB

extension Migrations {
  /// The plan each study was first run with (SessionModel's `PlanChoice`). The seed is kept as
  /// decimal text: SQLite's integers stop at 2^63 - 1, a seed goes to 2^64 - 1.
  static func studyPlan(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE study_plan (
          study_id TEXT PRIMARY KEY NOT NULL REFERENCES study(id),
          participants INTEGER NOT NULL CHECK (participants >= 1),
          seed TEXT NOT NULL,
          recorded_at TEXT NOT NULL
        )
        """)
  }
}
