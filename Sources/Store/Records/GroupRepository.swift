internal import GRDB
import SessionModel

/// Groups of up to ten participants who meet in front of one screen.
public struct GroupRepository: Sendable {
  let database: SessionDatabase

  public init(database: SessionDatabase) {
    self.database = database
  }

  /// Adds a new group after checking its members.
  ///
  /// - Throws: ``StoreError/groupAlreadyExists(_:)``, ``StoreError/emptyGroup``,
  ///   ``StoreError/tooManyMembers(_:)``, ``StoreError/repeatedMember(_:)`` or
  ///   ``StoreError/unknownParticipants(_:)``; nothing is written then.
  public func add(_ group: ParticipantGroup) throws {
    try database.write { db in
      let exists = try Bool.fetchOne(
        db, sql: "SELECT EXISTS (SELECT 1 FROM participant_group WHERE id = ?)", arguments: [group.id.rawValue])
      if exists == true {
        throw StoreError.groupAlreadyExists(group.id)
      }
      try Self.write(group, in: db)
    }
  }

  /// Adds several new groups in one transaction: all of them, or none when one is refused.
  public func add(_ groups: [ParticipantGroup]) throws {
    try database.write { db in
      for group in groups {
        let exists = try Bool.fetchOne(
          db, sql: "SELECT EXISTS (SELECT 1 FROM participant_group WHERE id = ?)", arguments: [group.id.rawValue])
        if exists == true {
          throw StoreError.groupAlreadyExists(group.id)
        }
        try Self.write(group, in: db)
      }
    }
  }

  /// Adds the group or replaces the one with the same identifier, members included.
  public func save(_ group: ParticipantGroup) throws {
    try database.write { db in try Self.write(group, in: db) }
  }

  /// The group with this identifier, members in the order they were given, or `nil`.
  public func fetch(_ id: GroupID) throws -> ParticipantGroup? {
    try database.read { db in
      try Row.fetchOne(db, sql: "SELECT * FROM participant_group WHERE id = ?", arguments: [id.rawValue])
        .map { try Self.group($0, in: db) }
    }
  }

  /// Every group, ordered by identifier.
  public func fetchAll() throws -> [ParticipantGroup] {
    try database.read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM participant_group ORDER BY id").map { try Self.group($0, in: db) }
    }
  }

  /// The groups a participant belongs to, ordered by identifier.
  public func groups(of participant: ParticipantCode) throws -> [GroupID] {
    try database.read { db in
      try String.fetchAll(
        db, sql: "SELECT group_id FROM group_member WHERE participant_code = ? ORDER BY group_id",
        arguments: [participant.rawValue]
      ).map(GroupID.init(rawValue:))
    }
  }

  private static func write(_ group: ParticipantGroup, in db: Database) throws {
    try validate(group.members, in: db)
    try db.execute(
      sql: """
        INSERT INTO participant_group (id, study_id, site_id, arm) VALUES (?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET study_id = excluded.study_id, site_id = excluded.site_id, arm = excluded.arm
        """,
      arguments: [group.id.rawValue, group.study?.rawValue, group.site?.rawValue, group.arm])
    try db.execute(sql: "DELETE FROM group_member WHERE group_id = ?", arguments: [group.id.rawValue])
    for (position, member) in group.members.enumerated() {
      try db.execute(
        sql: "INSERT INTO group_member (group_id, participant_code, position) VALUES (?, ?, ?)",
        arguments: [group.id.rawValue, member.rawValue, position + 1])
    }
  }

  private static func validate(_ members: [ParticipantCode], in db: Database) throws {
    if members.isEmpty {
      throw StoreError.emptyGroup
    }
    if members.count > ParticipantGroup.maximumSize {
      throw StoreError.tooManyMembers(members.count)
    }
    var seen = Set<ParticipantCode>()
    for member in members where !seen.insert(member).inserted {
      throw StoreError.repeatedMember(member)
    }
    let unknown = try members.filter { try !ParticipantRepository.exists($0, in: db) }
    if !unknown.isEmpty {
      throw StoreError.unknownParticipants(unknown)
    }
  }

  private static func group(_ row: Row, in db: Database) throws -> ParticipantGroup {
    let id: String = row["id"]
    let members = try String.fetchAll(
      db, sql: "SELECT participant_code FROM group_member WHERE group_id = ? ORDER BY position", arguments: [id])
    return ParticipantGroup(
      id: GroupID(rawValue: id),
      study: (row["study_id"] as String?).map(StudyID.init(rawValue:)),
      // A group filed without a site belongs to the installation's site, once one is set.
      site: try ((row["site_id"] as String?) ?? String.fetchOne(db, sql: "SELECT site_id FROM installation"))
        .map(SiteID.init(rawValue:)),
      arm: row["arm"],
      members: try members.map(RowValue.code))
  }
}

extension SessionDatabase {
  public var groups: GroupRepository { GroupRepository(database: self) }
}
