/// What a sync did, for the summary it prints at the end.
public struct SyncSummary: Sendable, Equatable {
  /// Rows written to the server, per table (new or changed).
  public var rowsSent: [String: Int] = [:]
  /// Rows the site no longer has, removed from the server's copy of its mirrored tables.
  public var rowsRemoved: [String: Int] = [:]
  /// Bytes of row data sent.
  public var bytesSent = 0
  public var audioCopied = 0
  public var audioBytesCopied = 0
  public var audioAlreadyStored = 0
  /// Recordings whose file is gone or no longer matches its checksum: left out of the store.
  public var audioNotCopied = 0

  public var totalRowsSent: Int { rowsSent.values.reduce(0, +) }
}

/// Where a long sync is, reported after each batch.
public struct SyncProgress: Sendable, Equatable {
  public var table: String
  public var done: Int
  public var total: Int
  public var bytesSent: Int
}
