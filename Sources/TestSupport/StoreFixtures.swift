import Foundation
import SessionModel
import Store

/// Small, obviously fake data for the Store and Research tests: codes P01…, sessions S01…, no names
/// anywhere.
public enum StoreFixtures {
  /// A fresh folder under the system's temporary directory; each test gets its own.
  public static func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("connectage-store-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  public static let firstParticipant = Participant(
    code: fixtureCode("P01"), study: "espoir-avc", arm: "with-memory-disorder", usableHand: .right, wearsGlasses: true,
    wearsHearingAid: false, smell: .normal, aphasia: .broca, hasMemoryDisorder: true)
  public static let secondParticipant = Participant(
    code: fixtureCode("P02"), study: "espoir-avc", usableHand: .left, smell: .hyposmic)
  public static let thirdParticipant = Participant(
    code: fixtureCode("P03"), study: "autre", wearsHearingAid: true, smell: .anosmic, aphasia: .transcorticalSensory)

  public static let group = ParticipantGroup(
    id: "G1", study: "espoir-avc", site: "CHU-NANTES", arm: "with-memory-disorder",
    members: [fixtureCode("P01"), fixtureCode("P02")])

  public static let firstSession = Session(
    id: "S01", study: "espoir-avc", group: "G1", number: 1, date: CalendarDate("2027-01-14")!, kind: .clinical,
    trials: [
      Trial(id: "T1", number: 1, stimulus: "verger", condition: .image),
      Trial(id: "T2", number: 2, stimulus: "cafe", condition: .imageScent, scent: "cafe"),
      Trial(id: "T3", number: 3, stimulus: "bal", condition: .imageGame, game: .memoryPairs),
    ])
  public static let secondSession = Session(
    id: "S02", study: "autre", number: 1, date: CalendarDate("2027-01-28")!, kind: .animation,
    trials: [Trial(id: "T1", number: 1, stimulus: "plage", condition: .imageGameScent, game: .whichScent, scent: "mer")]
  )

  /// 2027-01-14T09:30:00.125Z: the fraction is exact in binary, so it survives the millisecond text.
  public static let morning = Date(timeIntervalSince1970: 1_799_919_000.125)

  /// An event `offset` nanoseconds into the session; its wall clock moves in eighths of a second,
  /// which the millisecond text of the log keeps exactly.
  public static func event(
    _ session: SessionID, _ type: EventType, at offset: UInt64, _ payload: [String: String] = [:]
  )
    -> SessionEvent
  {
    SessionEvent(
      session: session, monotonicNanoseconds: 5_000_000_000 + offset,
      wallClock: morning.addingTimeInterval(Double(offset / 125_000_000) * 0.125), type: type, payload: payload)
  }

  /// Participants P01 and P02 answering the three trials of S01 (image, image_scent, image_game),
  /// each answer with a ten-second recording and plausible measures, in a file `sqlite3` can edit.
  public static func measuredFile(in folder: URL) throws -> (SessionDatabase, String) {
    let path = folder.appendingPathComponent("study.sqlite").path
    let database = try SessionDatabase(path: path)
    for participant in [StoreFixtures.firstParticipant, StoreFixtures.secondParticipant] {
      try database.participants.add(participant)
    }
    try database.groups.add(StoreFixtures.group)
    try database.sessions.save(StoreFixtures.firstSession)
    for (person, participant) in [fixtureCode("P01"), fixtureCode("P02")].enumerated() {
      for (index, trial) in StoreFixtures.firstSession.trials.enumerated() {
        let answer = AnswerKey(session: "S01", trial: trial.id, participant: participant)
        try database.recordings.save(
          Recording(
            session: "S01", trial: trial.id, participant: participant, path: "audio/\(trial.id)-\(participant).wav",
            sha256: String(repeating: "0", count: 64), durationSeconds: 10))
        let words = 4 + 3 * index + person
        try database.measures.save(
          AnswerMeasures(
            answer: answer, firstWordOnsetSeconds: 1, lastWordOffsetSeconds: 1 + Double(words) / 2,
            speakingTimeSeconds: Double(words) / 3, pauseCount: 1, pauseTotalSeconds: 0.5, words: words,
            wordsSplit: words, ideas: words / 3, automaticMemories: 0, ruleSetVersion: "wc-fr-chat-1.0"))
      }
    }
    return (database, path)
  }

  /// Values no analysis can produce, written behind the Store's back: what `db check` must name
  /// and exports and statistics must survive (used on ``measuredFile(in:)``).
  public static let extremes = """
    UPDATE answer_measures SET t_first_word_s = 9e999, t_last_word_end_s = 1e308, phonation_time_s = -9e999,
      silent_pauses_n = 9223372036854775807, silent_pauses_total_s = -1, words = 1e308, ideas_n = -1
      WHERE trial_id = 'T1' AND participant_code = 'P01';
    UPDATE answer_measures SET t_first_word_s = -1, t_last_word_end_s = 9e999, words = 9223372036854775807,
      words_split = 2.5, memories_auto_n = -9e999
      WHERE trial_id = 'T2' AND participant_code = 'P02';
    UPDATE recording SET duration_s = 9e999 WHERE trial_id = 'T3' AND participant_code = 'P02';
    """

  /// SQL that makes SQLite refuse every save of answer measures, as a full disk or an I/O error
  /// would between an answer's recording row and its measures; ``allowingMeasures`` undoes it.
  public static let refusingMeasures = """
    CREATE TRIGGER refuse_new_measures BEFORE INSERT ON answer_measures
      BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END;
    CREATE TRIGGER refuse_changed_measures BEFORE UPDATE ON answer_measures
      BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END;
    """
  public static let allowingMeasures = "DROP TRIGGER refuse_new_measures; DROP TRIGGER refuse_changed_measures;"

  /// Participants P01–P03, group G1 and sessions S01 and S02 with their trials.
  public static func plannedDatabase() throws -> SessionDatabase {
    let database = try SessionDatabase.inMemory()
    for participant in [firstParticipant, secondParticipant, thirdParticipant] {
      try database.participants.add(participant)
    }
    try database.groups.add(group)
    try database.sessions.save(firstSession)
    try database.sessions.save(secondSession)
    return database
  }
}

/// Fixture codes are always valid.
private func fixtureCode(_ text: String) -> ParticipantCode {
  ParticipantCode(rawValue: text)!
}
