extension ReplicatedTable {
  /// Everything a trial needs centrally, in the order rows must be written where foreign keys
  /// hold (studies before participants, sessions before trials, answers before their codings).
  ///
  /// Left out on purpose: `coding_sheet_key` (the secret behind the blind answer ids: it never
  /// leaves the installation), `answer_blind_key` (derived from it, made again wherever answers
  /// are reviewed), `site` (labels; the site code is the installation's), `installation` and
  /// `study_plan` (how this installation planned its own groups).
  public static let catalogue: [ReplicatedTable] = [
    ReplicatedTable(
      name: "study",
      columns: [
        .init("id", .text), .init("title", .text), .init("protocol", .text),
        .init("participant_code_pattern", .text, nullable: true),
      ],
      key: ["id"], keeping: .mirror),
    ReplicatedTable(
      name: "participant",
      columns: [
        .init("code", .text), .init("study_id", .text, nullable: true), .init("arm", .text, nullable: true),
        .init("usable_hand", .text), .init("wears_glasses", .integer), .init("wears_hearing_aid", .integer),
        .init("smell", .text), .init("aphasia", .text), .init("has_memory_disorder", .integer),
        .init("stroke_month", .text, nullable: true), .init("stroke_count", .integer, nullable: true),
        .init("lesion_side", .text, nullable: true), .init("language_assessment", .text),
      ],
      key: ["code"], keeping: .claimed),
    ReplicatedTable(
      name: "participant_group",
      columns: [
        .init("id", .text, identifies: .group), .init("study_id", .text, nullable: true),
        .init("site_id", .text, nullable: true), .init("arm", .text, nullable: true),
      ],
      key: ["id"], keeping: .claimed),
    ReplicatedTable(
      name: "group_member",
      columns: [
        .init("group_id", .text, identifies: .group), .init("participant_code", .text), .init("position", .integer),
      ],
      key: ["group_id", "participant_code"], keeping: .mirror),
    ReplicatedTable(
      name: "session",
      columns: [
        .init("id", .text, identifies: .session), .init("study_id", .text, nullable: true),
        .init("group_id", .text, nullable: true, identifies: .group), .init("number", .integer), .init("date", .text),
        .init("kind", .text),
        .init("session_date", .text, nullable: true),
      ],
      key: ["id"], keeping: .claimed),
    ReplicatedTable(
      name: "trial",
      columns: [
        .init("session_id", .text, identifies: .session), .init("id", .text), .init("number", .integer),
        .init("stimulus_id", .text),
        .init("condition", .text), .init("game", .text, nullable: true), .init("scent_id", .text, nullable: true),
      ],
      key: ["session_id", "id"], keeping: .mirror),
    ReplicatedTable(
      name: "recording",
      columns: answer + [
        .init("path", .text, redacted: .fileName), .init("sha256", .text), .init("duration_s", .real),
      ],
      key: answerKey, keeping: .mirror),
    ReplicatedTable(
      name: "answer_measures",
      columns: answer + [
        .init("t_first_word_s", .real, nullable: true), .init("t_last_word_end_s", .real, nullable: true),
        .init("phonation_time_s", .real, nullable: true), .init("silent_pauses_n", .integer, nullable: true),
        .init("silent_pauses_total_s", .real, nullable: true), .init("pause_threshold_ms", .integer),
        .init("words", .integer, nullable: true), .init("words_split", .integer, nullable: true),
        .init("ideas_n", .integer, nullable: true), .init("memories_auto_n", .integer, nullable: true),
        .init("ruleset_version", .text), .init("silent_pauses_json", .text, nullable: true),
        .init("missing_reason", .text, nullable: true), .init("transcript_source", .text, nullable: true),
      ],
      key: answerKey, keeping: .mirror),
    ReplicatedTable(
      name: "coder", columns: [.init("code", .text), .init("added_at", .text)], key: ["code"], keeping: .mirror),
    ReplicatedTable(
      name: "memory_coding",
      columns: [.init("id", .integer)] + answer + [
        .init("coder", .text), .init("coded_at", .text), .init("memories_n", .integer),
        .init("episodes_json", .text, nullable: true), .init("specific_n", .integer, nullable: true),
      ],
      key: [], keeping: .appendOnly(cursor: "id")),
    ReplicatedTable(
      name: "answer_revision", columns: answer + [.init("revision", .integer)], key: answerKey, keeping: .mirror),
    ReplicatedTable(
      name: "reviewed_timing",
      columns: answer + [
        .init("coder", .text), .init("reviewed_at", .text), .init("t_first_word_s", .real, nullable: true),
        .init("t_last_word_end_s", .real, nullable: true),
      ],
      key: answerKey + ["coder"], keeping: .history(at: "reviewed_at")),
    ReplicatedTable(
      name: "reviewed_transcript",
      columns: [.init("id", .integer)] + answer + [
        .init("coder", .text), .init("saved_at", .text), .init("transcript_file", .text, redacted: .fileName),
        .init("text", .text), .init("previous_transcript_file", .text, nullable: true, redacted: .fileName),
        .init("previous_text", .text, nullable: true),
        .init("words", .integer, nullable: true),
      ],
      key: [], keeping: .appendOnly(cursor: "id")),
    ReplicatedTable(
      name: "consensus",
      columns: answer + [
        .init("measure", .text), .init("value", .real, nullable: true), .init("recorded_by", .text),
        .init("recorded_at", .text),
      ],
      key: answerKey + ["measure"], keeping: .history(at: "recorded_at")),
    ReplicatedTable(
      name: "attendance",
      columns: [
        .init("study_id", .text), .init("group_id", .text, identifies: .group), .init("session_number", .integer),
        .init("participant_code", .text), .init("status", .text), .init("reason", .text, nullable: true),
        .init("made_up_in", .text, nullable: true, identifies: .session), .init("recorded_at", .text),
        .init("recorded_by", .text, nullable: true),
      ],
      key: ["study_id", "group_id", "session_number", "participant_code"], keeping: .mirror),
    ReplicatedTable(
      name: "event",
      columns: [
        .init("sequence", .integer), .init("session_id", .text, identifies: .session), .init("monotonic_ns", .integer),
        .init("wall_clock", .text), .init("type", .text), .init("payload", .text, redacted: .eventPayload),
        .init("schema_version", .integer),
      ],
      key: [], keeping: .appendOnly(cursor: "sequence")),
  ]

  private static let answerKey = ["session_id", "trial_id", "participant_code"]
  private static let answer: [ReplicatedColumn] = answerKey.map {
    .init($0, .text, identifies: $0 == "session_id" ? .session : nil)
  }

  /// The tables holding a column whose values are redacted as they leave the site.
  public static var redacted: [ReplicatedTable] {
    catalogue.filter { $0.columns.contains { $0.redaction != nil } }
  }

  /// The catalogue's table called `name`.
  public static func named(_ name: String) -> ReplicatedTable? { catalogue.first { $0.name == name } }
}
