import Foundation
internal import GRDB

/// The schema's history. A migration that has shipped is never edited: change the schema by
/// appending a new, named migration, so every existing database follows the same path.
enum Migrations {
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1-foundation", migrate: foundation)
    migrator.registerMigration("v2-memory-episodes", migrate: memoryEpisodes)
    migrator.registerMigration("v3-pause-intervals", migrate: pauseIntervals)
    migrator.registerMigration("v3-missing-reasons", migrate: missingReasons)
    migrator.registerMigration("v3-session-dates", migrate: sessionDates)
    migrator.registerMigration("v3-relative-recording-paths", migrate: relativeRecordingPaths)
    migrator.registerMigration("v3-blind-coding-sheet", migrate: blindCodingSheet)
    migrator.registerMigration("v3-participant-code-patterns", migrate: participantCodePatterns)
    migrator.registerMigration("v4-review", migrate: review)
    migrator.registerMigration("v4-transcript-source", migrate: transcriptSource)
    migrator.registerMigration("v4-event-schema-version", migrate: eventSchemaVersion)
    migrator.registerMigration("v5-review-queue", migrate: reviewQueue)
    migrator.registerMigration("v5-inclusion", migrate: inclusion)
    migrator.registerMigration("v5-attendance", migrate: attendance)
    migrator.registerMigration("v6-sites", migrate: sites)
    migrator.registerMigration("v7-installation-identity", migrate: installationIdentity)
    migrator.registerMigration("v8-attendance-source", migrate: attendanceSource)
    migrator.registerMigration("v9-study-plan", migrate: studyPlan)
    return migrator
  }

  /// Studies, sites, participants, groups, sessions, trials, the event log, recordings,
  /// measures and memory codings.
  ///
  /// Study, site and group identifiers on participants and sessions are plain labels rather than
  /// foreign keys where a protocol may name them before anyone describes them. The event log has no
  /// foreign key on purpose: it must never refuse an event, and `db check` reports events whose
  /// session is unknown instead.
  private static func foundation(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE study (
          id TEXT PRIMARY KEY NOT NULL,
          title TEXT NOT NULL,
          protocol TEXT NOT NULL
        );

        CREATE TABLE site (
          id TEXT PRIMARY KEY NOT NULL,
          label TEXT NOT NULL
        );

        -- A participant is a pseudonymous code and planning fields only: no name, birth date or free text.
        CREATE TABLE participant (
          code TEXT PRIMARY KEY NOT NULL,
          study_id TEXT,
          arm TEXT,
          usable_hand TEXT NOT NULL CHECK (usable_hand IN ('left', 'right', 'both')),
          wears_glasses INTEGER NOT NULL CHECK (wears_glasses IN (0, 1)),
          wears_hearing_aid INTEGER NOT NULL CHECK (wears_hearing_aid IN (0, 1)),
          smell TEXT NOT NULL,
          aphasia TEXT NOT NULL,
          has_memory_disorder INTEGER NOT NULL CHECK (has_memory_disorder IN (0, 1))
        );

        CREATE TABLE participant_group (
          id TEXT PRIMARY KEY NOT NULL,
          study_id TEXT,
          site_id TEXT,
          arm TEXT
        );

        CREATE TABLE group_member (
          group_id TEXT NOT NULL REFERENCES participant_group(id) ON DELETE CASCADE,
          participant_code TEXT NOT NULL REFERENCES participant(code),
          position INTEGER NOT NULL,
          PRIMARY KEY (group_id, participant_code)
        );
        CREATE INDEX group_member_by_participant ON group_member(participant_code);

        CREATE TABLE session (
          id TEXT PRIMARY KEY NOT NULL,
          study_id TEXT,
          group_id TEXT REFERENCES participant_group(id),
          number INTEGER NOT NULL,
          date TEXT NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('clinical', 'animation'))
        );

        CREATE TABLE trial (
          session_id TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
          id TEXT NOT NULL,
          number INTEGER NOT NULL,
          stimulus_id TEXT NOT NULL,
          condition TEXT NOT NULL,
          game TEXT,
          scent_id TEXT,
          PRIMARY KEY (session_id, id)
        );

        -- Append-only: the triggers below refuse every update and delete.
        CREATE TABLE event (
          sequence INTEGER PRIMARY KEY AUTOINCREMENT,
          session_id TEXT NOT NULL,
          monotonic_ns INTEGER NOT NULL,
          wall_clock TEXT NOT NULL,
          type TEXT NOT NULL,
          payload TEXT NOT NULL CHECK (json_valid(payload))
        );
        CREATE INDEX event_by_session ON event(session_id, sequence);
        CREATE TRIGGER event_refuses_update BEFORE UPDATE ON event
          BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
        CREATE TRIGGER event_refuses_delete BEFORE DELETE ON event
          BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;

        CREATE TABLE recording (
          session_id TEXT NOT NULL,
          trial_id TEXT NOT NULL,
          participant_code TEXT NOT NULL REFERENCES participant(code),
          path TEXT NOT NULL,
          sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
          duration_s REAL NOT NULL CHECK (duration_s >= 0),
          PRIMARY KEY (session_id, trial_id, participant_code),
          FOREIGN KEY (session_id, trial_id) REFERENCES trial(session_id, id)
        );

        -- One row per answer (participant x session x trial): what the analysis measured.
        CREATE TABLE answer_measures (
          session_id TEXT NOT NULL,
          trial_id TEXT NOT NULL,
          participant_code TEXT NOT NULL REFERENCES participant(code),
          t_first_word_s REAL,
          t_last_word_end_s REAL,
          phonation_time_s REAL,
          silent_pauses_n INTEGER,
          silent_pauses_total_s REAL,
          pause_threshold_ms INTEGER NOT NULL,
          words INTEGER,
          words_split INTEGER,
          ideas_n INTEGER,
          memories_auto_n INTEGER,
          ruleset_version TEXT NOT NULL,
          PRIMARY KEY (session_id, trial_id, participant_code),
          FOREIGN KEY (session_id, trial_id) REFERENCES trial(session_id, id)
        );

        -- A coder's confirmed count of memories for one answer; the latest coding is the one exported.
        CREATE TABLE memory_coding (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          session_id TEXT NOT NULL,
          trial_id TEXT NOT NULL,
          participant_code TEXT NOT NULL,
          coder TEXT NOT NULL,
          coded_at TEXT NOT NULL,
          memories_n INTEGER NOT NULL CHECK (memories_n >= 0),
          FOREIGN KEY (session_id, trial_id, participant_code)
            REFERENCES answer_measures(session_id, trial_id, participant_code)
        );
        """)
  }

  /// The coder's episodes beside their count: a coding is SpeechKit's `MemoryCoding` (automatic
  /// pre-coding and confirmed episodes), kept whole as JSON so agreement can be measured later.
  /// Codings saved before this migration keep their count only (`episodes_json` is NULL).
  private static func memoryEpisodes(_ db: Database) throws {
    // `IS NULL OR`: SQLite before 3.45 says json_valid(NULL) = 0, which would refuse the old rows.
    try db.execute(
      sql:
        "ALTER TABLE memory_coding ADD COLUMN episodes_json TEXT CHECK (episodes_json IS NULL OR json_valid(episodes_json))"
    )
  }

  /// The silent pauses an answer's `silent_pauses_n` counts, as `[[start, end], …]` in seconds,
  /// so the TextGrid export shows exactly those pauses. Rows measured before have none (NULL).
  private static func pauseIntervals(_ db: Database) throws {
    try db.execute(
      sql: """
        ALTER TABLE answer_measures ADD COLUMN silent_pauses_json TEXT
          CHECK (silent_pauses_json IS NULL OR json_valid(silent_pauses_json))
        """)
  }

  /// Why an answer's measures are missing (SpeechKit's `MissingMeasureReason` codes joined by `;`),
  /// so an empty `words` says "no transcript" or "no speech of the speaker" rather than nothing.
  /// Answers filed before this migration have NULL: their reason was not recorded.
  private static func missingReasons(_ db: Database) throws {
    try db.execute(sql: "ALTER TABLE answer_measures ADD COLUMN missing_reason TEXT")
  }

  /// `session.date` is the day the protocol planned; `session_date` is the day the session took
  /// place. Existing runs get the local day of their first logged event; sessions that never ran
  /// stay NULL.
  private static func sessionDates(_ db: Database) throws {
    try db.execute(
      sql: """
        ALTER TABLE session ADD COLUMN session_date TEXT;
        UPDATE session SET session_date = (
          SELECT date(min(wall_clock), 'localtime') FROM event WHERE event.session_id = session.id
        );
        """)
  }

  /// Recording paths inside the database's folder become relative to it, as new ones are stored
  /// (``SessionDatabase/storedPath(for:)``): the folder, often under a person's home, leaves the
  /// database, and the study folder can move whole. Paths elsewhere stay absolute.
  private static func relativeRecordingPaths(_ db: Database) throws {
    let file = try String.fetchOne(db, sql: "SELECT file FROM pragma_database_list WHERE name = 'main'") ?? ""
    guard !file.isEmpty else { return }
    let folder = URL(fileURLWithPath: file).standardizedFileURL.deletingLastPathComponent().path
    let rows = try Row.fetchAll(
      db, sql: "SELECT session_id, trial_id, participant_code, path FROM recording WHERE path LIKE '/%'")
    for row in rows {
      let path: String = row["path"]
      let standard = URL(fileURLWithPath: path).standardizedFileURL.path
      guard let relative = SessionDatabase.relativePath(of: standard, inside: folder) else { continue }
      try db.execute(
        sql: "UPDATE recording SET path = ? WHERE session_id = ? AND trial_id = ? AND participant_code = ?",
        arguments: [
          relative, row["session_id"] as String, row["trial_id"] as String, row["participant_code"] as String,
        ])
    }
  }

  /// The secret key of the coding sheet's opaque answer ids (`CodingSheetKey`): one per database,
  /// drawn when the first sheet is made, never exported.
  private static func blindCodingSheet(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE coding_sheet_key (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          secret TEXT NOT NULL CHECK (length(secret) = 64)
        );
        """)
  }

  /// A study's own participant-code pattern, from its protocol; NULL is the standard pattern
  /// (letters and digits with at least one digit).
  private static func participantCodePatterns(_ db: Database) throws {
    try db.execute(sql: "ALTER TABLE study ADD COLUMN participant_code_pattern TEXT")
  }

  /// The review workstation's records (`connectage review`): coders, each answer's revision
  /// (optimistic concurrency), reviewed timings and transcripts per coder, the specific memories of
  /// a coding, and consensus values. Every coder's value is kept beside the automatic one and beside
  /// the other coder's; nothing a coder saved is ever replaced except by the same coder.
  private static func review(_ db: Database) throws {
    try db.execute(
      sql: """
        -- A coder is a code (ORT1), never a name: the same pattern as participant codes.
        CREATE TABLE coder (
          code TEXT PRIMARY KEY NOT NULL CHECK (length(code) BETWEEN 1 AND 16 AND code NOT GLOB '*[^A-Z0-9-]*'
            AND code GLOB '[A-Z]*'),
          added_at TEXT NOT NULL
        );

        -- Grows by one with every change to an answer's measures or review records; a save names the
        -- revision it was based on and is refused when the answer has moved on. No row: revision 0.
        CREATE TABLE answer_revision (
          session_id TEXT NOT NULL,
          trial_id TEXT NOT NULL,
          participant_code TEXT NOT NULL,
          revision INTEGER NOT NULL CHECK (revision >= 0),
          PRIMARY KEY (session_id, trial_id, participant_code),
          FOREIGN KEY (session_id, trial_id, participant_code)
            REFERENCES answer_measures(session_id, trial_id, participant_code)
        );

        -- A coder's first-word and last-word marks, beside the automatic ones in answer_measures.
        -- Both NULL: the coder heard no word of the participant.
        CREATE TABLE reviewed_timing (
          session_id TEXT NOT NULL,
          trial_id TEXT NOT NULL,
          participant_code TEXT NOT NULL,
          coder TEXT NOT NULL REFERENCES coder(code),
          reviewed_at TEXT NOT NULL,
          t_first_word_s REAL CHECK (t_first_word_s IS NULL OR t_first_word_s >= 0),
          t_last_word_end_s REAL,
          CHECK ((t_first_word_s IS NULL) = (t_last_word_end_s IS NULL)),
          CHECK (t_last_word_end_s IS NULL OR t_last_word_end_s >= t_first_word_s),
          PRIMARY KEY (session_id, trial_id, participant_code, coder),
          FOREIGN KEY (session_id, trial_id, participant_code)
            REFERENCES answer_measures(session_id, trial_id, participant_code)
        );

        -- Every transcript a coder saved, in order: the text, and the word counts it gave, so that
        -- agreement on words compares each coder's own transcript.
        CREATE TABLE reviewed_transcript (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          session_id TEXT NOT NULL,
          trial_id TEXT NOT NULL,
          participant_code TEXT NOT NULL,
          coder TEXT NOT NULL REFERENCES coder(code),
          saved_at TEXT NOT NULL,
          transcript_file TEXT NOT NULL,
          text TEXT NOT NULL,
          -- The transcript beside the recording before this save (NULL: none), so a second coder can
          -- start from the same draft as the first, never from the first coder's transcript.
          previous_transcript_file TEXT,
          previous_text TEXT,
          words INTEGER CHECK (words IS NULL OR words >= 0),
          FOREIGN KEY (session_id, trial_id, participant_code)
            REFERENCES answer_measures(session_id, trial_id, participant_code)
        );
        CREATE INDEX reviewed_transcript_by_answer ON reviewed_transcript(session_id, trial_id, participant_code);

        -- The value analysed when the coders disagreed, per answer and measure; the codings stay.
        CREATE TABLE consensus (
          session_id TEXT NOT NULL,
          trial_id TEXT NOT NULL,
          participant_code TEXT NOT NULL,
          measure TEXT NOT NULL CHECK (measure IN ('memories', 'specific_memories', 'words', 'onset', 'offset')),
          value REAL CHECK (value IS NULL OR value >= 0),
          recorded_by TEXT NOT NULL REFERENCES coder(code),
          recorded_at TEXT NOT NULL,
          PRIMARY KEY (session_id, trial_id, participant_code, measure),
          FOREIGN KEY (session_id, trial_id, participant_code)
            REFERENCES answer_measures(session_id, trial_id, participant_code)
        );

        -- How many of the confirmed memories are specific; NULL when the coding did not say (coding
        -- sheets give a count only).
        ALTER TABLE memory_coding ADD COLUMN specific_n INTEGER
          CHECK (specific_n IS NULL OR (specific_n >= 0 AND specific_n <= memories_n));
        """)
  }

  /// The version of the event catalogue that wrote each event (`EventCatalogue.version`). Events
  /// written before the catalogue existed read as version 1.
  private static func eventSchemaVersion(_ db: Database) throws {
    try db.execute(
      sql: "ALTER TABLE event ADD COLUMN schema_version INTEGER NOT NULL DEFAULT 1 CHECK (schema_version >= 1)")
  }

  /// The review queue read a page at a time: each measured answer's opaque id (`CodingSheetKey`, a
  /// keyed hash the queue is ordered by, so the order reveals neither trial nor condition) kept
  /// with an index, and an index for each answer's latest memory coding per coder (the queue's
  /// states). SQLite cannot compute the keyed hash: the store fills the ids of answers that have
  /// none when the queue is read (`ReviewRepository`), which also fills databases made before this.
  private static func reviewQueue(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE answer_blind_key (
          session_id TEXT NOT NULL,
          trial_id TEXT NOT NULL,
          participant_code TEXT NOT NULL,
          answer_id TEXT NOT NULL CHECK (length(answer_id) = 14 AND answer_id GLOB 'A-*'),
          PRIMARY KEY (session_id, trial_id, participant_code)
        );
        CREATE INDEX answer_blind_key_by_id ON answer_blind_key(answer_id);
        CREATE INDEX memory_coding_by_answer ON memory_coding(session_id, trial_id, participant_code, coder, id);
        CREATE INDEX consensus_by_measure ON consensus(measure, session_id, trial_id, participant_code);
        """)
  }
}

extension Migrations {
  /// What the inclusion criteria need: the stroke's month (`YYYY-MM`, never a day), the number of
  /// strokes, the lesion side and the language assessment's verdict.
  static func inclusion(_ db: Database) throws {
    try db.execute(
      sql: """
        ALTER TABLE participant ADD COLUMN stroke_month TEXT
          CHECK (stroke_month IS NULL OR stroke_month GLOB '[12][0-9][0-9][0-9]-[01][0-9]');
        ALTER TABLE participant ADD COLUMN stroke_count INTEGER CHECK (stroke_count IS NULL OR stroke_count >= 1);
        ALTER TABLE participant ADD COLUMN lesion_side TEXT
          CHECK (lesion_side IS NULL OR lesion_side IN ('left', 'right', 'bilateral'));
        ALTER TABLE participant ADD COLUMN language_assessment TEXT NOT NULL DEFAULT 'not_assessed';
        """)
  }

  /// Attendance facts: one row per participant and planned session of their group, with the run
  /// that made a missed session up, if any.
  static func attendance(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE attendance (
          study_id TEXT NOT NULL,
          group_id TEXT NOT NULL,
          session_number INTEGER NOT NULL CHECK (session_number >= 1),
          participant_code TEXT NOT NULL REFERENCES participant(code),
          status TEXT NOT NULL CHECK (status IN ('present', 'absent', 'left_early')),
          reason TEXT CHECK ((status = 'absent') = (reason IS NOT NULL)
            AND (reason IS NULL OR reason IN ('ill', 'appointment', 'discharged', 'refused'))),
          made_up_in TEXT,
          recorded_at TEXT NOT NULL,
          PRIMARY KEY (study_id, group_id, session_number, participant_code)
        );
        """)
  }
}
