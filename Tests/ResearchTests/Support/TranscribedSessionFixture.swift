import Foundation
import Research
import SessionModel
import SpeechKit
import Store
import TestSupport

/// One session of ``TrialStudyFixture`` in a database file, with recordings whose transcripts sit
/// beside them as the session runner and a researcher leave them:
///
/// - P01, T1 (image): a typed `.txt` transcript, one sentence, no times.
/// - P01, T2 (image_game): a CHAT transcript with the therapist's prompt and `%wor` word times.
/// - P02, T1: a recording without transcript.
/// - P02, T2: a typed transcript of two sentences with a year in digits, no times; its measures
///   (from the audio) keep the two pauses they count.
/// - P02, T3 (image_scent): measures only, no recording.
struct TranscribedSessionFixture {
  let folder: URL
  let database: SessionDatabase

  static let chatTranscript = """
    @UTF8
    @Begin
    @Languages:\tfra
    @Participants:\tINV Investigator, PAR Participant
    @ID:\tfra|connectage|INV|||||Investigator|||
    @ID:\tfra|connectage|PAR|||||Participant|||
    *INV:\tet là ?
    *PAR:\t&-euh le bal du village (.) on dansait . \u{15}1200_4600\u{15}
    %wor:\teuh \u{15}1200_1500\u{15} le \u{15}1900_2000\u{15} bal \u{15}2000_2400\u{15} du \u{15}2400_2500\u{15} village \u{15}2500_3100\u{15} on \u{15}3700_3800\u{15} dansait \u{15}3800_4600\u{15} .
    @End

    """

  init() throws {
    folder = try StoreFixtures.temporaryFolder()
    database = try SessionDatabase(path: folder.appendingPathComponent("connectage.sqlite").path)
    let codes = [ParticipantCode.numbered(1), ParticipantCode.numbered(2)]
    for code in codes { try database.participants.add(Participant(code: code, study: "espoir-avc")) }
    try database.groups.add(ParticipantGroup(id: "G1", study: "espoir-avc", members: codes))
    var session = TrialStudyFixture.session(1)
    session.heldOn = CalendarDate(year: 2027, month: 1, day: 5)  // four days after its planned day
    try database.sessions.save(session)
    let audio = folder.appendingPathComponent("audio/S01")
    try FileManager.default.createDirectory(at: audio, withIntermediateDirectories: true)
    try "Ça me rappelle le verger de mon grand-père.\n".write(
      to: audio.appendingPathComponent("T1-P01-turn1.txt"), atomically: true, encoding: .utf8)
    try Self.chatTranscript.write(
      to: audio.appendingPathComponent("T2-P01-turn1.cha"), atomically: true, encoding: .utf8)
    try Self.typedTranscript.write(
      to: audio.appendingPathComponent("T2-P02-turn1.txt"), atomically: true, encoding: .utf8)

    try save(codes[0], "T1", first: 0.8, last: 5.6, words: 8, recording: 7.5)
    try save(codes[0], "T2", first: 1.9, last: 4.6, words: 6, recording: 6, pauses: [(3.1, 3.7)])
    try save(codes[1], "T1", first: 2.25, last: 3.5, words: 3, recording: 4)
    try save(codes[1], "T2", first: 0.5, last: 6.25, words: 19, recording: 7, pauses: [(2.25, 2.75), (3.5, 4.125)])
    try save(codes[1], "T3", first: 1, last: 2, words: 2, recording: nil)
  }

  static let typedTranscript = "Ah, l'odeur du foin ! En 1958, je faisais les foins à la ferme de mon oncle.\n"

  private func save(
    _ code: ParticipantCode, _ trial: TrialID, first: Double, last: Double, words: Int, recording: Double?,
    pauses: [(start: Double, end: Double)] = []
  )
    throws
  {
    let answer = AnswerKey(session: "S01", trial: trial, participant: code)
    try database.measures.save(
      AnswerMeasures(
        answer: answer, firstWordOnsetSeconds: first, lastWordOffsetSeconds: last, pauseCount: pauses.count,
        pauseTotalSeconds: pauses.reduce(0) { $0 + $1.end - $1.start }, words: words, wordsSplit: words,
        ruleSetVersion: "wc-fr-chat-1.0", pauseIntervals: pauses.map { SpeechSegment(start: $0.start, end: $0.end) }))
    if let recording {
      try database.recordings.save(
        Recording(
          session: "S01", trial: trial, participant: code,
          path: "audio/S01/\(trial.rawValue)-\(code.rawValue)-turn1.wav",
          sha256: String(repeating: "ab", count: 32), durationSeconds: recording))
    }
  }

  func remove() {
    try? FileManager.default.removeItem(at: folder)
  }
}
