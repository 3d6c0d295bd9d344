import SessionModel

/// An event as the log keeps it: the event and the sequence number the log gave it.
public struct StoredEvent: Hashable, Sendable {
  /// Increases with every append across the whole log, so it orders events of all sessions.
  public var sequence: Int64
  public var event: SessionEvent
  /// The ``EventCatalogue/version`` of the code that wrote the event; 1 for events written before
  /// the catalogue existed.
  public var schemaVersion: Int

  public init(sequence: Int64, event: SessionEvent, schemaVersion: Int = EventCatalogue.version) {
    self.sequence = sequence
    self.event = event
    self.schemaVersion = schemaVersion
  }
}
