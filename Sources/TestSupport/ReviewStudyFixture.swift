import Foundation
import SessionModel
import SpeechKit
import Store

/// A small study in a database file for the review workstation's tests: one session of trials in
/// the four conditions, participants P01… answering each, a real WAV per answer (a voiced burst in
/// silence) with its checksum, and automatic measures; some answers have a draft beside them.
///
/// - answer 1 (T1, P01): a typed `.txt` transcript;
/// - answer 2 (T1, P02): a WebVTT draft from an ASR;
/// - the others: nothing beside the recording.
public struct ReviewStudyFixture: Sendable {
  public let folder: URL
  public let database: SessionDatabase
  public let answers: [AnswerKey]
  public let recordingSeconds: Double
  /// Where the synthetic voice starts and ends in every recording.
  public static let speechStart = 0.75
  public static let speechEnd = 2.25

  public static let typedTranscript = "Ça me rappelle le verger de mon grand-père, en 1962.\n"
  public static let webVTTDraft = """
    WEBVTT

    00:00:00.750 --> 00:00:02.250
    euh le bal du village on dansait

    """

  /// - Parameters:
  ///   - participants: P01… (at most 10, one group).
  ///   - trials: T1… of session S01, conditions in turn.
  ///   - withRecordings: false files measures only (a large queue for benchmarks), no WAV.
  public init(
    participants: Int = 2, trials: Int = 4, recordingSeconds: Double = 3, sampleRate: Int = 16_000,
    withRecordings: Bool = true
  ) throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("connectage-review-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    // A large fixture is written without waiting for the disk at each row: it is rebuilt if lost.
    database = try SessionDatabase(
      path: folder.appendingPathComponent("connectage.sqlite").path, synchronous: withRecordings ? .full : .normal)
    self.recordingSeconds = recordingSeconds
    let codes = (1...participants).map { ParticipantCode.numbered($0) }
    for code in codes { try database.participants.add(Participant(code: code, study: "espoir-avc")) }
    try database.groups.add(ParticipantGroup(id: "G1", study: "espoir-avc", members: codes))
    let conditions: [Condition] = [.image, .imageGame, .imageScent, .imageGameScent]
    let session = Session(
      id: "S01", study: "espoir-avc", group: "G1", number: 1, date: CalendarDate("2027-01-14")!, kind: .clinical,
      trials: (1...trials).map { number in
        let condition = conditions[(number - 1) % conditions.count]
        return Trial(
          id: TrialID(rawValue: "T\(number)"), number: number, stimulus: StimulusID(rawValue: "image\(number)"),
          condition: condition,
          game: condition == .imageGame || condition == .imageGameScent ? .memoryPairs : nil,
          scent: condition == .imageScent || condition == .imageGameScent ? "cafe" : nil)
      })
    try database.sessions.save(session)
    let audio = folder.appendingPathComponent("audio/S01")
    try FileManager.default.createDirectory(at: audio, withIntermediateDirectories: true)
    let samples = Self.voice(seconds: recordingSeconds, sampleRate: sampleRate)
    var answers: [AnswerKey] = []
    for trial in session.trials {
      for code in codes {
        let answer = AnswerKey(session: session.id, trial: trial.id, participant: code)
        let file = audio.appendingPathComponent("\(trial.id.rawValue)-\(code.rawValue)-turn1.wav")
        if withRecordings {
          try WAVFile.write(
            samples, format: WAVFormat(encoding: .signed16, sampleRate: sampleRate, channels: 1), to: file)
          var recording = try Recording.ofFile(
            at: file.path, session: session.id, trial: trial.id, participant: code, durationSeconds: recordingSeconds)
          // Stored relative to the database's folder, as sessions store them.
          recording.path = database.storedPath(for: file)
          try database.recordings.save(recording)
        }
        try database.measures.save(
          AnswerMeasures(
            answer: answer, firstWordOnsetSeconds: Self.speechStart, lastWordOffsetSeconds: Self.speechEnd,
            speakingTimeSeconds: Self.speechEnd - Self.speechStart, pauseCount: 0, pauseTotalSeconds: 0,
            ruleSetVersion: "wc-fr-chat-1.0", pauseIntervals: [], missingReason: "no_transcript"))
        answers.append(answer)
      }
    }
    self.answers = answers
    guard withRecordings else { return }
    try Self.typedTranscript.write(to: transcript(of: answers[0], extension: "txt"), atomically: true, encoding: .utf8)
    if answers.count > 1 {
      try Self.webVTTDraft.write(to: transcript(of: answers[1], extension: "vtt"), atomically: true, encoding: .utf8)
    }
  }

  /// The file named like the answer's recording with `pathExtension`.
  public func transcript(of answer: AnswerKey, extension pathExtension: String) -> URL {
    folder.appendingPathComponent(
      "audio/\(answer.session.rawValue)/\(answer.trial.rawValue)-\(answer.participant.rawValue)-turn1.\(pathExtension)")
  }

  public func recording(of answer: AnswerKey) -> URL { transcript(of: answer, extension: "wav") }

  public func remove() {
    try? FileManager.default.removeItem(at: folder)
  }

  /// Silence with a voiced burst between ``speechStart`` and ``speechEnd``: a 140 Hz glottal-like
  /// pulse train through two formants, loud enough for the voice activity detector.
  static func voice(seconds: Double, sampleRate: Int) -> [Float] {
    let count = Int(seconds * Double(sampleRate))
    var samples = [Float](repeating: 0, count: count)
    let start = Int(speechStart * Double(sampleRate))
    let end = min(count, Int(speechEnd * Double(sampleRate)))
    guard start < end else { return samples }
    for index in start..<end {
      let time = Double(index) / Double(sampleRate)
      let phase = (time * 140).truncatingRemainder(dividingBy: 1)
      let pulse = exp(-phase * 12)
      samples[index] = Float(0.3 * pulse * (sin(2 * .pi * 700 * time) + 0.6 * sin(2 * .pi * 1_200 * time)))
    }
    return samples
  }
}
