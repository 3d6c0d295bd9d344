import Store

/// The server's schema, as versioned migrations: each is applied once, in order, and recorded in
/// `connectage_migration`. A migration that has shipped is never edited; a change to
/// `ReplicatedTable.catalogue` comes with a new migration here that brings the tables along, and
/// `SiteSyncTests.theSchemaCheckSaysWhatDiffers` checks that the migrated server matches the catalogue.
enum ServerMigrations {
  struct Migration: Sendable {
    let name: String
    let statements: [String]
    /// A step that rewrites rows with a rule only Swift holds (run after the statements, in the
    /// same transaction), so that the rule is never copied into SQL.
    var rewrite: (@Sendable (ServerConnection) async throws(SyncError) -> Void)? = nil
  }

  static let all: [Migration] = [
    Migration(
      name: "s1-trial-tables",
      statements: bookkeeping + trialTables + filesBesideRecordings + appendOnlyGuards + indexes),
    Migration(name: "s2-site-qualified-identifiers", statements: siteOwners + qualifiedIdentifiers),
    Migration(name: "s3-attendance-source", statements: attendanceSource),
    Migration(name: "s4-transcript-file-bytes", statements: transcriptFileBytes),
    Migration(name: "s5-redacted-rows", statements: [], rewrite: ServerRedaction.clean),
  ]

  /// Transcript files as their exact bytes, in base64 (a UTF-16 TextGrid could not be sent as
  /// text). The files already there were UTF-8 text and are encoded in place (PostgreSQL's base64
  /// breaks lines, which are taken out); their rows keep the old hash, so the next sync of each
  /// site sends them again, equal.
  private static let transcriptFileBytes = [
    "ALTER TABLE transcript_file ADD COLUMN content_base64 text",
    #"UPDATE transcript_file SET content_base64 = translate(encode(convert_to(content, 'UTF8'), 'base64'), E'\n', '')"#,
    "ALTER TABLE transcript_file ALTER COLUMN content_base64 SET NOT NULL",
    "ALTER TABLE transcript_file DROP COLUMN content",
  ]

  /// Who recorded each attendance status (the site's `recorded_by`). Rows already on the server
  /// keep their old hash, so the next sync sends them again with the column filled as the site has it.
  private static let attendanceSource = ["ALTER TABLE attendance ADD COLUMN recorded_by text"]

  /// Which installation pushes under each site code: the first one to sync, and no other.
  private static let siteOwners = [
    """
    CREATE TABLE connectage_site (
      site text PRIMARY KEY,
      installation text NOT NULL,
      first_sync_at timestamptz NOT NULL DEFAULT now()
    )
    """
  ]

  /// Sessions, runs and groups are held qualified with their site's code (`LYON-G01-S01`) from
  /// here on: rows sent before are qualified in place, the event log's payload keys included
  /// (`session`, `resumes`, `replacedSession`, `madeUpIn`, `group`), with the append-only guards
  /// lifted for this one transaction. Mirrored rows keep their old hash and are sent again by the
  /// next sync, which rewrites them as equal.
  private static let qualifiedIdentifiers =
    [
      """
      CREATE FUNCTION connectage_qualified(site text, identifier text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN identifier IS NULL OR identifier = '' THEN identifier ELSE site || '-' || identifier END
      $$
      """,
      "UPDATE participant_group SET id = connectage_qualified(site, id)",
      "UPDATE group_member SET group_id = connectage_qualified(site, group_id)",
      "UPDATE session SET id = connectage_qualified(site, id), group_id = connectage_qualified(site, group_id)",
      "UPDATE attendance SET group_id = connectage_qualified(site, group_id), made_up_in = connectage_qualified(site, made_up_in)",
    ]
    + ["trial", "recording", "answer_measures", "answer_revision", "transcript_file"].map {
      "UPDATE \($0) SET session_id = connectage_qualified(site, session_id)"
    }
    + ["memory_coding", "reviewed_transcript", "reviewed_timing", "consensus"].flatMap {
      [
        "ALTER TABLE \($0) DISABLE TRIGGER \($0)_is_append_only",
        "UPDATE \($0) SET session_id = connectage_qualified(site, session_id)",
        "ALTER TABLE \($0) ENABLE TRIGGER \($0)_is_append_only",
      ]
    }
    + [
      "ALTER TABLE event DISABLE TRIGGER event_is_append_only",
      #"""
      UPDATE event SET session_id = connectage_qualified(site, session_id),
        payload = regexp_replace(payload, '([{,]"(session|resumes|replacedSession|madeUpIn|group)":")(?=[^"])',
          '\1' || site || '-', 'g')
      """#,
      "ALTER TABLE event ENABLE TRIGGER event_is_append_only",
    ]

  private static let bookkeeping = [
    """
    CREATE TABLE connectage_sync_run (
      id bigserial PRIMARY KEY,
      site text NOT NULL,
      started_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz,
      rows_sent bigint NOT NULL DEFAULT 0,
      bytes_sent bigint NOT NULL DEFAULT 0
    )
    """
  ]

  /// One table per replicated table, with the site that sent each row. Mirrored and claimed rows
  /// carry `row_hash`, the hash of their values, so a sync sends only what changed.
  private static let trialTables = [
    """
    CREATE TABLE study (
      site text NOT NULL,
      id text NOT NULL,
      title text NOT NULL,
      protocol text NOT NULL,
      participant_code_pattern text,
      row_hash text NOT NULL,
      PRIMARY KEY (site, id)
    )
    """,
    """
    CREATE TABLE participant (
      site text NOT NULL,
      code text NOT NULL,
      study_id text,
      arm text,
      usable_hand text NOT NULL,
      wears_glasses bigint NOT NULL,
      wears_hearing_aid bigint NOT NULL,
      smell text NOT NULL,
      aphasia text NOT NULL,
      has_memory_disorder bigint NOT NULL,
      stroke_month text,
      stroke_count bigint,
      lesion_side text,
      language_assessment text NOT NULL,
      row_hash text NOT NULL,
      PRIMARY KEY (code)
    )
    """,
    """
    CREATE TABLE participant_group (
      site text NOT NULL,
      id text NOT NULL,
      study_id text,
      site_id text,
      arm text,
      row_hash text NOT NULL,
      PRIMARY KEY (id)
    )
    """,
    """
    CREATE TABLE group_member (
      site text NOT NULL,
      group_id text NOT NULL,
      participant_code text NOT NULL,
      position bigint NOT NULL,
      row_hash text NOT NULL,
      PRIMARY KEY (site, group_id, participant_code)
    )
    """,
    """
    CREATE TABLE session (
      site text NOT NULL,
      id text NOT NULL,
      study_id text,
      group_id text,
      number bigint NOT NULL,
      date text NOT NULL,
      kind text NOT NULL,
      session_date text,
      row_hash text NOT NULL,
      PRIMARY KEY (id)
    )
    """,
    """
    CREATE TABLE trial (
      site text NOT NULL,
      session_id text NOT NULL,
      id text NOT NULL,
      number bigint NOT NULL,
      stimulus_id text NOT NULL,
      "condition" text NOT NULL,
      game text,
      scent_id text,
      row_hash text NOT NULL,
      PRIMARY KEY (site, session_id, id)
    )
    """,
    """
    CREATE TABLE recording (
      site text NOT NULL,
      session_id text NOT NULL,
      trial_id text NOT NULL,
      participant_code text NOT NULL,
      path text NOT NULL,
      sha256 text NOT NULL,
      duration_s double precision NOT NULL,
      row_hash text NOT NULL,
      PRIMARY KEY (site, session_id, trial_id, participant_code)
    )
    """,
    """
    CREATE TABLE answer_measures (
      site text NOT NULL,
      session_id text NOT NULL,
      trial_id text NOT NULL,
      participant_code text NOT NULL,
      t_first_word_s double precision,
      t_last_word_end_s double precision,
      phonation_time_s double precision,
      silent_pauses_n bigint,
      silent_pauses_total_s double precision,
      pause_threshold_ms bigint NOT NULL,
      words bigint,
      words_split bigint,
      ideas_n bigint,
      memories_auto_n bigint,
      ruleset_version text NOT NULL,
      silent_pauses_json text,
      missing_reason text,
      transcript_source text,
      row_hash text NOT NULL,
      PRIMARY KEY (site, session_id, trial_id, participant_code)
    )
    """,
    """
    CREATE TABLE coder (
      site text NOT NULL,
      code text NOT NULL,
      added_at text NOT NULL,
      row_hash text NOT NULL,
      PRIMARY KEY (site, code)
    )
    """,
    """
    CREATE TABLE memory_coding (
      site text NOT NULL,
      id bigint NOT NULL,
      session_id text NOT NULL,
      trial_id text NOT NULL,
      participant_code text NOT NULL,
      coder text NOT NULL,
      coded_at text NOT NULL,
      memories_n bigint NOT NULL,
      episodes_json text,
      specific_n bigint,
      PRIMARY KEY (site, id)
    )
    """,
    """
    CREATE TABLE answer_revision (
      site text NOT NULL,
      session_id text NOT NULL,
      trial_id text NOT NULL,
      participant_code text NOT NULL,
      revision bigint NOT NULL,
      row_hash text NOT NULL,
      PRIMARY KEY (site, session_id, trial_id, participant_code)
    )
    """,
    """
    CREATE TABLE reviewed_timing (
      site text NOT NULL,
      session_id text NOT NULL,
      trial_id text NOT NULL,
      participant_code text NOT NULL,
      coder text NOT NULL,
      reviewed_at text NOT NULL,
      t_first_word_s double precision,
      t_last_word_end_s double precision,
      PRIMARY KEY (site, session_id, trial_id, participant_code, coder, reviewed_at)
    )
    """,
    """
    CREATE TABLE reviewed_transcript (
      site text NOT NULL,
      id bigint NOT NULL,
      session_id text NOT NULL,
      trial_id text NOT NULL,
      participant_code text NOT NULL,
      coder text NOT NULL,
      saved_at text NOT NULL,
      transcript_file text NOT NULL,
      text text NOT NULL,
      previous_transcript_file text,
      previous_text text,
      words bigint,
      PRIMARY KEY (site, id)
    )
    """,
    """
    CREATE TABLE consensus (
      site text NOT NULL,
      session_id text NOT NULL,
      trial_id text NOT NULL,
      participant_code text NOT NULL,
      measure text NOT NULL,
      value double precision,
      recorded_by text NOT NULL,
      recorded_at text NOT NULL,
      PRIMARY KEY (site, session_id, trial_id, participant_code, measure, recorded_at)
    )
    """,
    """
    CREATE TABLE attendance (
      site text NOT NULL,
      study_id text NOT NULL,
      group_id text NOT NULL,
      session_number bigint NOT NULL,
      participant_code text NOT NULL,
      status text NOT NULL,
      reason text,
      made_up_in text,
      recorded_at text NOT NULL,
      row_hash text NOT NULL,
      PRIMARY KEY (site, study_id, group_id, session_number, participant_code)
    )
    """,
    """
    CREATE TABLE event (
      site text NOT NULL,
      sequence bigint NOT NULL,
      session_id text NOT NULL,
      monotonic_ns bigint NOT NULL,
      wall_clock text NOT NULL,
      type text NOT NULL,
      payload text NOT NULL,
      schema_version bigint NOT NULL,
      PRIMARY KEY (site, sequence)
    )
    """,
  ]

  /// The transcripts kept as files beside each recording (`TranscriptBesideRecording`): typed,
  /// CHAT, TextGrid or a speech-recognition draft, mirrored like the site's tables.
  private static let filesBesideRecordings = [
    """
    CREATE TABLE transcript_file (
      site text NOT NULL,
      session_id text NOT NULL,
      trial_id text NOT NULL,
      participant_code text NOT NULL,
      extension text NOT NULL,
      content text NOT NULL,
      row_hash text NOT NULL,
      PRIMARY KEY (site, session_id, trial_id, participant_code, extension)
    )
    """
  ]

  /// What the catalogue calls append-only or history stays so on the server, whoever connects.
  private static let appendOnlyGuards: [String] =
    [
      """
      CREATE FUNCTION connectage_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$
      """
    ]
    + ["event", "memory_coding", "reviewed_transcript", "reviewed_timing", "consensus"].map {
      "CREATE TRIGGER \($0)_is_append_only BEFORE UPDATE OR DELETE ON \($0) FOR EACH ROW EXECUTE FUNCTION connectage_refuse_change()"
    }

  private static let indexes = [
    "CREATE INDEX event_by_session ON event (session_id, site, sequence)",
    "CREATE INDEX participant_by_site ON participant (site)",
    "CREATE INDEX participant_group_by_site ON participant_group (site)",
    "CREATE INDEX session_by_site ON session (site)",
  ]
}
