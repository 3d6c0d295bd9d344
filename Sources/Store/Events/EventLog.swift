import Foundation
internal import GRDB
import SessionModel

/// The append-only record of everything that happened in sessions.
///
/// Each event is read through the catalogue (``SessionEvent/kind``), and each row records the
/// catalogue version that wrote it (``StoredEvent/schemaVersion``).
///
/// An event is durable when ``append(_:)`` returns: each append is one transaction, committed to
/// the write-ahead log with `synchronous = FULL`, so neither a killed process nor a power cut loses
/// it. Use ``append(contentsOf:)`` to pay for one commit for several events that happen together.
/// The table refuses updates and deletes.
public struct EventLog: Sendable {
  let database: SessionDatabase

  public init(database: SessionDatabase) {
    self.database = database
  }

  /// Writes one event and returns its sequence number once it is on disk.
  @discardableResult
  public func append(_ event: SessionEvent) throws -> Int64 {
    let payload = try Self.payloadText(event.payload)
    return try database.write { db in try Self.insert(event, payload: payload, in: db) }
  }

  /// Writes several events in one transaction: all are durable when it returns, or none is written.
  @discardableResult
  public func append(contentsOf events: [SessionEvent]) throws -> [Int64] {
    let payloads = try events.map { try Self.payloadText($0.payload) }
    return try database.write { db in
      try zip(events, payloads).map { event, payload in try Self.insert(event, payload: payload, in: db) }
    }
  }

  /// The events of one session, in the order they were appended.
  public func events(in session: SessionID) throws -> [StoredEvent] {
    try fetch(where: "session_id = ?", arguments: [session.rawValue])
  }

  /// Every event of the log, in the order they were appended.
  public func allEvents() throws -> [StoredEvent] {
    try fetch(where: "1", arguments: [])
  }

  /// The events of the given types, in the order they were appended: what a check over every
  /// session needs (which ones opened, which ended) without reading the whole log.
  public func events(ofTypes types: [EventType]) throws -> [StoredEvent] {
    guard !types.isEmpty else { return [] }
    let placeholders = Array(repeating: "?", count: types.count).joined(separator: ", ")
    return try fetch(where: "type IN (\(placeholders))", arguments: StatementArguments(types.map(\.rawValue)))
  }

  /// Which runs resume which (every `runner.started` of the log): a make-up and a resume belong to
  /// a run's whole chain, not to the one run that recorded them.
  public func runChains() throws -> RunChains {
    RunChains(try events(ofTypes: [.runnerStarted]).map(\.event))
  }

  private func fetch(where condition: String, arguments: StatementArguments) throws -> [StoredEvent] {
    try database.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT sequence, session_id, monotonic_ns, wall_clock, type, payload, schema_version
          FROM event WHERE \(condition) ORDER BY sequence
          """,
        arguments: arguments
      ).map(Self.storedEvent)
    }
  }

  static func insert(_ event: SessionEvent, payload: String, in db: Database) throws -> Int64 {
    try db.execute(
      sql: """
        INSERT INTO event (session_id, monotonic_ns, wall_clock, type, payload, schema_version)
        VALUES (?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        event.session.rawValue, Int64(bitPattern: event.monotonicNanoseconds),
        WallClockText.text(for: event.wallClock), event.type.rawValue, payload, EventCatalogue.version,
      ])
    return db.lastInsertedRowID
  }

  static func storedEvent(_ row: Row) throws -> StoredEvent {
    let payloadText: String = row["payload"]
    let payload = try JSONDecoder().decode([String: String].self, from: Data(payloadText.utf8))
    let monotonic: Int64 = row["monotonic_ns"]
    return StoredEvent(
      sequence: row["sequence"],
      event: SessionEvent(
        session: SessionID(rawValue: row["session_id"]),
        monotonicNanoseconds: UInt64(bitPattern: monotonic),
        wallClock: try WallClockText.date(from: row["wall_clock"]),
        type: EventType(rawValue: row["type"]),
        payload: payload),
      schemaVersion: row["schema_version"])
  }

  /// Sorted keys, so the same payload is always the same text.
  package static func payloadText(_ payload: [String: String]) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(payload), as: UTF8.self)
  }
}

extension SessionDatabase {
  public var eventLog: EventLog { EventLog(database: self) }
}
