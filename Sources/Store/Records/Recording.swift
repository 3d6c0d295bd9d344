import SessionModel

/// The audio file of one participant's answer to one trial, with the hash that proves it unchanged.
public struct Recording: Hashable, Sendable {
  public var session: SessionID
  public var trial: TrialID
  public var participant: ParticipantCode
  /// Relative to the folder that holds the database file, or absolute for a file kept elsewhere
  /// (``SessionDatabase/recordingFile(atStoredPath:)`` resolves it).
  public var path: String
  /// Lower-case hexadecimal SHA-256 of the file's bytes.
  public var sha256: String
  public var durationSeconds: Double

  public init(
    session: SessionID, trial: TrialID, participant: ParticipantCode, path: String, sha256: String,
    durationSeconds: Double
  ) {
    self.session = session
    self.trial = trial
    self.participant = participant
    self.path = path
    self.sha256 = sha256
    self.durationSeconds = durationSeconds
  }

  /// The answer this recording holds.
  public var answer: AnswerKey { AnswerKey(session: session, trial: trial, participant: participant) }

  /// Describes the file at `path`, hashing it now.
  ///
  /// - Throws: ``StoreError/databaseFailure(_:)`` when the file cannot be read.
  public static func ofFile(
    at path: String, session: SessionID, trial: TrialID, participant: ParticipantCode, durationSeconds: Double
  ) throws -> Recording {
    Recording(
      session: session, trial: trial, participant: participant, path: path,
      sha256: try SHA256.hexDigest(ofFileAt: path), durationSeconds: durationSeconds)
  }
}
