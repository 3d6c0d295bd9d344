import SessionModel
import SpeechKit
import Store

/// The columns of the CSV exports, with their type, unit and definition.
///
/// Definitions follow the project's measures reference (rule set `wc-fr-chat-1.0`); a column added
/// here appears in the file and in the codebook together.
public enum Codebook {
  public static let measuresFile = "measures.csv"
  public static let eventsFile = "events.csv"
  public static let codebookFile = "codebook.csv"
  public static let attendanceFile = "attendance.csv"
  public static let participationFile = "participation.csv"

  /// Every column of every CSV export, in file order.
  public static var entries: [CodebookEntry] {
    measureColumns.map(\.entry) + eventColumns.map(\.entry) + attendanceColumns.map(\.entry)
      + participationColumns.map(\.entry)
  }

  static let measureColumns: [ExportColumn<AnalysedAnswer>] = {
    let file = measuresFile
    return [
      .studyID(file), .siteID(file),
      .init(file, "group_id", "text", "", "Group that attended the session.") { $0.session.group?.rawValue ?? "" },
      .init(file, "session_id", "text", "", "Session identifier.") { $0.session.id.rawValue },
      .sessionNumber(file), .plannedDate(file),
      .init(
        file, "session_date", "date", "",
        "Day the session took place (YYYY-MM-DD, local calendar of the computer that ran it); empty if unknown."
      ) { $0.session.heldOn?.description ?? "" },
      .participantCode(file), .trialID(file), .trialNumber(file),
      .init(
        file, "takes_n", "integer", "takes",
        "Takes of this answer filed across every run of the planned session (resumes, redos, recovered takes); the row describes the one recorded last."
      ) { String($0.takes) },
      .plannedCondition(file),
      .init(
        file, "condition_delivered", "text", "",
        "Cue condition actually delivered: the planned one, without scent when scent_delivered is 0."
      ) { $0.deliveredCondition.rawValue },
      .init(file, "stimulus_id", "text", "", "Image shown in the trial.") { $0.trial.stimulus.rawValue },
      .init(file, "scent_id", "text", "", "Scent planned in scent conditions; empty otherwise.") {
        $0.trial.scent?.rawValue ?? ""
      },
      .init(
        file, "scent_delivered", "boolean", "",
        "1 if the diffuser acknowledged the cue scent (scent_outcome released or released_late), 0 if not; empty when no scent was planned or the log has no record of the trial."
      ) { $0.scent?.outcome.isDelivered.map { $0 ? "1" : "0" } ?? "" },
      .init(
        file, "scent_outcome", "text", "",
        "What the log says of the cue scent: released, released_late (acknowledged after the engine gave up), refused (by the device), skipped (not sent: safety limit, operator, pause), unconfirmed (no acknowledgement in time), requested (no outcome logged), not_sent, not_logged; empty when no scent was planned."
      ) { $0.scent?.outcome.rawValue ?? "" },
      .init(
        file, "scent_ack_s", "decimal", "s",
        "When the diffuser acknowledged the cue scent, after the trial started (host monotonic clock); empty when not delivered."
      ) { CSVText.fixed($0.scent?.acknowledgedAfterSeconds) },
      .init(file, "game_id", "text", "", "Game played in game conditions; empty otherwise.") {
        $0.trial.game?.rawValue ?? ""
      },
      .init(file, "recording_sha256", "text", "", "SHA-256 of the answer's audio file, lower-case hexadecimal.") {
        $0.recording?.sha256 ?? ""
      },
      .init(file, "recording_duration_s", "decimal", "s", "Length of the answer's recording.") {
        CSVText.fixed($0.recording?.durationSeconds)
      },
      .init(
        file, "t_first_word", "decimal", "s",
        "Onset of the first countable word, on the recording's clock (0 = its first sample): the coders' consensus, else the reviewed mark (mean of the coders' when several), else the automatic one; onset_source says which."
      ) { CSVText.fixed($0.firstWordOnset.value) },
      .init(
        file, "t_last_word_end", "decimal", "s",
        "Offset of the last countable word, on the recording's clock; same rule as t_first_word, offset_source says which."
      ) { CSVText.fixed($0.lastWordOffset.value) },
      .init(
        file, "speech_duration_s", "decimal", "s",
        "t_last_word_end - t_first_word (first to last word); empty if fewer than one word."
      ) { CSVText.fixed($0.speechDurationSeconds) },
      .init(
        file, "phonation_time_s", "decimal", "s",
        "Speaking time: speech_duration_s minus the silent pauses of at least pause_threshold_ms, between the automatic first and last word (never moved by a reviewed mark); shorter gaps count as speaking."
      ) { CSVText.fixed($0.measures.speakingTimeSeconds) },
      .init(
        file, "silent_pauses_n", "integer", "pauses",
        "Gaps between consecutive vocal tokens inside the speech span lasting at least pause_threshold_ms; empty, not 0, when no speech was measured (no first word, so no span to pause in)."
      ) { CSVText.integer($0.measures.pauseCount) },
      .init(
        file, "silent_pauses_total_s", "decimal", "s",
        "Summed duration of those silent pauses; empty when silent_pauses_n is."
      ) { CSVText.fixed($0.measures.pauseTotalSeconds) },
      .init(file, "pause_threshold_ms", "integer", "ms", "Shortest silence counted as a pause (default 250 ms).") {
        String($0.measures.pauseThresholdMilliseconds)
      },
      .init(
        file, "words", "integer", "words",
        "Countable words of the participant (rule set in ruleset_version); an elision such as j'ai is 1 word. The coders' consensus when one was recorded (words_source)."
      ) { CSVText.integer($0.words.value) },
      .init(
        file, "words_split", "integer", "words",
        "Countable words with elisions split (j'ai is 2 words); comparable with UD %mor counts."
      ) { CSVText.integer($0.measures.wordsSplit) },
      .init(file, "ideas_n", "integer", "ideas", "Idea units (propositions) in the answer.") {
        CSVText.integer($0.measures.ideas)
      },
      .init(
        file, "idea_density", "decimal", "ideas per 10 words",
        "ideas_n / words x 10, with the words of this row (the consensus when there is one); empty when words is 0 or empty."
      ) { CSVText.fixed($0.ideaDensity) },
      .init(
        file, "memories_auto_n", "integer", "memories",
        "Distinct autobiographical memory episodes found automatically, before confirmation."
      ) { CSVText.integer($0.measures.automaticMemories) },
      .init(
        file, "memories_n", "integer", "memories",
        "Distinct autobiographical memory episodes analysed: the coders' consensus, else the coder's count (latest coding), else the automatic pre-coding (memories_auto_n) when nobody coded the answer; memories_source says which. Empty only when the answer has no transcript."
      ) { CSVText.integer($0.memories.value) },
      .init(
        file, "memories_coder_id", "text", "",
        "Code of the coder of the latest coding (never a name): the coder of memories_n unless memories_source is consensus."
      ) {
        $0.coding?.coder ?? ""
      },
      .init(file, "memories_coded_at", "datetime", "", "When memories_n was coded (ISO 8601, UTC).") {
        $0.coding?.codedAt.map { WallClockText.text(for: $0) } ?? ""
      },
      .init(file, "ruleset_version", "text", "", "Word-counting rule set used for words and words_split.") {
        $0.measures.ruleSetVersion
      },
      .init(
        file, "measures_missing_reason", "text", "",
        "Why measures of this answer are empty, never 0: codes joined by ';'. no_transcript = no transcript beside the recording (words, ideas, memories empty); no_speech_of_speaker = the transcript has no utterance of the answering speaker (participant code, else PAR, else the only speaker); no_speech_in_recording = no speech in the words' times or the audio (timing empty); stored_value_not_a_number = a stored value is infinite or not a whole count (only an edit of the database can do that; exported empty; run connectage db check). Empty when nothing is missing or the answer was measured before reasons were kept."
      ) { $0.measures.missingReason ?? "" },
      source(file, "onset_source", of: "t_first_word", times: true) { $0.firstWordOnset.source },
      source(file, "offset_source", of: "t_last_word_end", times: true) { $0.lastWordOffset.source },
      source(file, "words_source", of: "words") { $0.words.source },
      source(
        file, "memories_source", of: "memories_n",
        automatic: "not coded: memories_n is the automatic pre-coding, memories_auto_n"
      ) { $0.memories.source },
      .init(
        file, "transcript_source", "text", "",
        "Where the transcript's words came from: asr = a speech-recognition draft nobody has checked (connectage transcribe; its words, ideas and memories are provisional and left out of stats unless --include-drafts; its timing is the audio's); typed = plain text typed by a person; chat = a CHAT or TextGrid transcript; reviewed = a draft corrected by a person. Empty when the answer has no transcript or was measured before sources were kept."
      ) { $0.measures.transcriptSource?.rawValue ?? "" },
      .memoryDisorder(file),
      .smellScreening(file, note: " The smell sensitivity analysis leaves out hyposmic and anosmic participants."),
      .init(
        file, "make_up", "boolean", "",
        "1 if the participant gave this answer while making up a planned session they missed (a catch-up run of the same planned session, same trial order, or another group's run; attendance.csv made_up_in_session_id), 0 otherwise."
      ) { $0.isMakeUp ? "1" : "0" },
      .init(
        file, "scent_trial_smell_flagged", "boolean", "",
        "1 if the trial planned a scent and the participant's smell screening was hyposmic or anosmic (they still attend; analyses can leave these trials out), 0 if it planned a scent otherwise; empty when no scent was planned."
      ) { $0.isSmellFlaggedScentTrial.map { $0 ? "1" : "0" } ?? "" },
    ]
  }()

  static let attendanceColumns: [ExportColumn<Attendance>] = {
    let file = attendanceFile
    return [
      .init(file, "study_id", "text", "", "Study.") { $0.study.rawValue },
      .init(file, "group_id", "text", "", "The participant's group.") { $0.group.rawValue },
      .init(file, "session_number", "integer", "", "Planned session number in the group's schedule, from 1.") {
        String($0.sessionNumber)
      },
      .init(file, "participant_code", "text", "", "Pseudonymous participant code.") { $0.participant.rawValue },
      .init(
        file, "status", "text", "",
        "present, absent or left_early (came and left before the end: the answers given before leaving are in measures.csv). A recorded fact: a participant without a row has no attendance recorded for that session."
      ) { $0.status.rawValue },
      .init(
        file, "absence_reason", "text", "", "Why absent: ill, appointment, discharged or refused; empty unless absent."
      ) { $0.reason?.rawValue ?? "" },
      .init(
        file, "made_up_in_session_id", "text", "",
        "The run (session_id in measures.csv) where the missed session was made up: when that run was interrupted and resumed, the first of its runs (the answers of every run that resumed it have make_up 1 too). Empty when it was not made up."
      ) { $0.madeUpIn?.rawValue ?? "" },
      .init(
        file, "recorded_by", "text", "",
        "Who recorded the status: therapist (connectage session attendance), run (the participants seated when the run ended) or recovery (inferred from the log of a run killed before it could record attendance: the group members it shows seated or answering); empty for a record made before ConnectAge kept it."
      ) { $0.recordedBy?.rawValue ?? "" },
    ]
  }()

  static let participationColumns: [ExportColumn<ParticipationRow>] = {
    let file = participationFile
    return [
      .studyID(file), .siteID(file),
      .init(file, "group_id", "text", "", "Group whose session it is (as group_id in measures.csv).") {
        $0.session.group?.rawValue ?? ""
      },
      .init(
        file, "session_id", "text", "",
        "The run: where the counted take was recorded when answered is 1 (session_id of its measures.csv row), else the last run that showed the trial's image."
      ) { $0.session.id.rawValue },
      .sessionNumber(file), .plannedDate(file), .participantCode(file), .trialID(file), .trialNumber(file),
      .plannedCondition(file),
      .init(
        file, "condition_delivered", "text", "",
        "Cue condition actually delivered, by the rule of measures.csv: the planned one, without scent when the log says the cue scent did not come out (scent_outcome)."
      ) { $0.deliveredCondition.rawValue },
      .init(
        file, "scent_outcome", "text", "",
        "What the log says of the cue scent, as scent_outcome in measures.csv; empty when no scent was planned."
      ) { $0.scent?.outcome.rawValue ?? "" },
      .init(
        file, "attendance_status", "text", "",
        "The participant's attendance at the planned session (attendance.csv): present or left_early (the trials shown after they left count as not answered, so the statistics leave these rows out); a make-up is present."
      ) { $0.attendance.rawValue },
      .init(
        file, "make_up", "boolean", "",
        "1 if the participant was at the table to make up a planned session they missed (as make_up in measures.csv), 0 otherwise."
      ) { $0.isMakeUp ? "1" : "0" },
      .init(
        file, "asked", "boolean", "",
        "1 if the evocation question came up after the image (evocation.started) in a run that showed it, 0 if the trial ended or the session stopped before it (answered is then 0, no_answer_reason not_asked, and the statistics leave the row out)."
      ) { $0.wasAsked ? "1" : "0" },
      .init(
        file, "answered", "boolean", "",
        "1 if a take of this participant for this trial was filed in a run of the planned session (the row of measures.csv exists, whatever its measures: a take with no word still counts), 0 if not. One row per participant present at the planned session x trial whose image was shown (trial.stimulusShown); trials never shown (a session stopped early) have no row, absent participants neither."
      ) { $0.answered ? "1" : "0" },
      .init(
        file, "no_answer_reason", "text", "",
        "Why answered is 0, from the log: not_asked = the image was shown and the evocation question never came up (skipped on the image, or the session stopped); no_take = the question came up and no take of theirs was started (they never took the floor); take_failed = the recorder failed during their take; take_unfiled = their take was recorded but could not be filed (its file is on disk: connectage db recover may file it); take_not_filed = a take was started and nothing says what became of it. Empty when answered is 1."
      ) { $0.noAnswer?.rawValue ?? "" },
      .memoryDisorder(file), .smellScreening(file),
    ]
  }()

  /// Where an analysed column's value comes from (``ValueSource``).
  private static func source(
    _ file: String, _ column: String, of measure: String, times: Bool = false,
    automatic: String = "the automatic measurement",
    _ source: @escaping @Sendable (AnalysedAnswer) -> ValueSource
  ) -> ExportColumn<AnalysedAnswer> {
    let mean = times ? ", coders_mean (mean of the coders' reviewed marks, no consensus yet)" : ""
    return .init(
      file, column, "text", "",
      "Where \(measure) comes from: consensus (the value the coders agreed on in the review), coder (a coder's value)\(mean) or automatic (\(automatic))."
    ) { source($0).rawValue }
  }

  static let eventColumns: [ExportColumn<StoredEvent>] = {
    let file = eventsFile
    return [
      .init(file, "session_id", "text", "", "Session the event belongs to.") { $0.event.session.rawValue },
      .init(file, "sequence", "integer", "", "Position in the whole event log; orders events of all sessions.") {
        String($0.sequence)
      },
      .init(
        file, "monotonic_ns", "integer", "ns",
        "Host monotonic clock (CLOCK_MONOTONIC), counted from the computer's start; use differences only, never as a date, and only between events logged on the same computer since the same start: a recovery after a restart or a review on another computer logs on another clock (order those by sequence or wall_clock)."
      ) { String($0.event.monotonicNanoseconds) },
      .init(file, "wall_clock", "datetime", "", "Wall-clock time of the event (ISO 8601, UTC, milliseconds).") {
        WallClockText.text(for: $0.event.wallClock)
      },
      .init(file, "type", "text", "", "Kind of event, a dotted name such as scent.released.") {
        $0.event.type.rawValue
      },
      .init(
        file, "payload", "text", "",
        "Details of the event as a JSON object of text values, keys sorted; output folders, device addresses and file paths are redacted (a path keeps its file name)."
      ) {
        (try? EventLog.payloadText(EventRedaction.redacted($0.event.payload, of: $0.event.type))) ?? "{}"
      },
    ]
  }()
}
