internal import GRDB
import SessionModel

/// Participants: pseudonymous codes and planning fields, never a name.
public struct ParticipantRepository: Sendable {
  let database: SessionDatabase

  public init(database: SessionDatabase) {
    self.database = database
  }

  /// Adds a new participant.
  ///
  /// - Throws: ``StoreError/participantAlreadyExists(_:)`` when the code is taken, so that two
  ///   people never end up sharing one code by accident.
  public func add(_ participant: Participant) throws {
    try database.write { db in
      if try Self.exists(participant.code, in: db) {
        throw StoreError.participantAlreadyExists(participant.code)
      }
      try Self.upsert(participant, in: db)
    }
  }

  /// Adds the participant or replaces the planning fields of the one with the same code.
  public func save(_ participant: Participant) throws {
    try database.write { db in try Self.upsert(participant, in: db) }
  }

  /// The participant with this code, or `nil`.
  public func fetch(_ code: ParticipantCode) throws -> Participant? {
    try database.read { db in
      try Row.fetchOne(db, sql: "SELECT * FROM participant WHERE code = ?", arguments: [code.rawValue])
        .map(Self.participant)
    }
  }

  /// Every participant, ordered by code.
  public func fetchAll() throws -> [Participant] {
    try database.read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM participant ORDER BY code").map(Self.participant)
    }
  }

  static func exists(_ code: ParticipantCode, in db: Database) throws -> Bool {
    try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM participant WHERE code = ?)", arguments: [code.rawValue])
      ?? false
  }

  private static func upsert(_ participant: Participant, in db: Database) throws {
    try db.execute(
      sql: """
        INSERT INTO participant (code, study_id, arm, usable_hand, wears_glasses, wears_hearing_aid, smell,
          aphasia, has_memory_disorder, stroke_month, stroke_count, lesion_side, language_assessment)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (code) DO UPDATE SET
          study_id = excluded.study_id, arm = excluded.arm, usable_hand = excluded.usable_hand,
          wears_glasses = excluded.wears_glasses, wears_hearing_aid = excluded.wears_hearing_aid,
          smell = excluded.smell, aphasia = excluded.aphasia, has_memory_disorder = excluded.has_memory_disorder,
          stroke_month = excluded.stroke_month, stroke_count = excluded.stroke_count,
          lesion_side = excluded.lesion_side, language_assessment = excluded.language_assessment
        """,
      arguments: [
        participant.code.rawValue, participant.study?.rawValue, participant.arm,
        participant.usableHand.rawValue, participant.wearsGlasses, participant.wearsHearingAid,
        participant.smell.rawValue, participant.aphasia.rawValue, participant.hasMemoryDisorder,
        participant.strokeMonth?.description, participant.strokeCount, participant.lesionSide?.rawValue,
        participant.languageAssessment.rawValue,
      ])
  }

  private static func participant(_ row: Row) throws -> Participant {
    Participant(
      code: try RowValue.code(row["code"]),
      study: (row["study_id"] as String?).map(StudyID.init(rawValue:)),
      arm: row["arm"],
      usableHand: try RowValue.decode(UsableHand.self, row["usable_hand"]),
      wearsGlasses: row["wears_glasses"],
      wearsHearingAid: row["wears_hearing_aid"],
      smell: try RowValue.decode(SmellScreening.self, row["smell"]),
      aphasia: try RowValue.decode(AphasiaType.self, row["aphasia"]),
      hasMemoryDisorder: row["has_memory_disorder"],
      strokeMonth: (row["stroke_month"] as String?).flatMap(StrokeMonth.init),
      strokeCount: row["stroke_count"],
      lesionSide: try (row["lesion_side"] as String?).map { try RowValue.decode(LesionSide.self, $0) },
      languageAssessment: try RowValue.decode(LanguageAssessment.self, row["language_assessment"]))
  }
}

extension SessionDatabase {
  public var participants: ParticipantRepository { ParticipantRepository(database: self) }
}
