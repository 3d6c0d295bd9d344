internal import GRDB

extension Migrations {
  /// Where each answer's transcript came from: `asr` (an unreviewed speech-recognition draft),
  /// `typed`, `chat` or `reviewed` (SpeechKit's `TranscriptSource`). Answers filed before stay
  /// NULL until measured again: the database cannot tell which file they were measured from.
  static func transcriptSource(_ db: Database) throws {
    try db.execute(
      sql: """
        ALTER TABLE answer_measures ADD COLUMN transcript_source TEXT
          CHECK (transcript_source IN ('asr', 'typed', 'chat', 'reviewed'))
        """)
  }
}
