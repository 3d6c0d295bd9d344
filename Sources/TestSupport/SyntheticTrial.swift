import Foundation
import SessionModel
import SpeechKit
import Store

/// A seeded trial in a database file, with condition effects planted so that an analysis can be
/// checked against them: groups of patients (`G1-P01`…), fortnightly clinical sessions of trials
/// in three conditions (image, image + game, image + scent; two of each in six trials, in an order
/// that turns with the session), patients who miss sessions, and each session's log as the engine
/// writes it (seats, trials, scents released or refused, the therapist's pauses, redos and skips,
/// a pad lost, a recording recovered, a disk warning).
///
/// Words per answer: 18 + the patient's own level (normal, SD 4) + 0.3 per session + the
/// condition's effect (``wordsEffect``) + noise (normal, SD 3). Speech duration: 2 s + 0.45 s per
/// word + ``speechDurationEffect``. Memories: Poisson with a mean of 0.8 times ``memoriesRatio``.
/// Effects hold for the condition delivered: a refused scent makes its trial an image-only one.
public struct SyntheticTrial: Sendable {
  public struct Design: Sendable {
    public var groups: Int
    public var patientsPerGroup: Int
    public var sessions: Int
    /// A multiple of 3: each condition the same number of times per session.
    public var trialsPerSession: Int
    public var seed: UInt64
    /// Sessions 1…this have transcripts (words); later ones are recorded and timed only.
    public var transcribedSessions: Int
    /// Sessions 1…this have memories coded by a coder.
    public var codedSessions: Int
    /// Whether a text transcript is written beside each transcribed answer's recording path.
    public var writesTranscripts: Bool
    /// Whether patients miss sessions (about one in twelve, and the last one leaves after session 10).
    public var missesSessions: Bool
    /// Whether the second half of each group has a memory disorder (the two populations of
    /// ESPOIR-AVC); the planted effects are the same in both.
    public var twoPopulations: Bool
    /// Put before every group and participant code, so that several sites' trials can meet.
    public var codePrefix = ""
    /// Put before participant codes only: two sites' trials whose groups and sessions are named
    /// alike, as when both run the same protocol.
    public var participantPrefix = ""

    public init(
      groups: Int = 1, patientsPerGroup: Int = 10, sessions: Int = 13, trialsPerSession: Int = 6, seed: UInt64 = 12,
      transcribedSessions: Int = 11, codedSessions: Int = 9, writesTranscripts: Bool = true,
      missesSessions: Bool = true,
      twoPopulations: Bool = false
    ) {
      self.missesSessions = missesSessions
      self.twoPopulations = twoPopulations
      self.groups = groups
      self.patientsPerGroup = patientsPerGroup
      self.sessions = sessions
      self.trialsPerSession = trialsPerSession
      self.seed = seed
      self.transcribedSessions = transcribedSessions
      self.codedSessions = codedSessions
      self.writesTranscripts = writesTranscripts
    }

    /// The full trial of the protocol, everyone present: 10 groups × 10 patients × 13 sessions × 9
    /// trials = 11,700 answers.
    public static let fullTrial = Design(groups: 10, trialsPerSession: 9, missesSessions: false)
  }

  public static let study: StudyID = "synthetic"
  public static let conditions: [Condition] = [.image, .imageGame, .imageScent]
  /// Words added to an answer by its condition (image alone: none).
  public static let wordsEffect: [Condition: Double] = [.image: 0, .imageGame: 3, .imageScent: 6]
  /// Seconds added to an answer's speech duration by its condition, beyond its words' time.
  public static let speechDurationEffect: [Condition: Double] = [.image: 0, .imageGame: 1.5, .imageScent: 3]
  /// The memories' Poisson mean relative to image alone.
  public static let memoriesRatio: [Condition: Double] = [.image: 1, .imageGame: 1.25, .imageScent: 1.6]

  public let folder: URL
  public let databasePath: String
  public let design: Design
  public let sessions: [Session]
  /// Per session, the patients of its group who did not come.
  public let absent: [SessionID: Set<ParticipantCode>]
  /// Scent trials whose scent the diffuser refused (delivered as image alone).
  public let refusedScents: Set<String>

  public init(design: Design = Design()) throws {
    self.design = design
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("connectage-trial-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    databasePath = folder.appendingPathComponent("connectage.sqlite").path
    // Rebuilt if lost, so written without waiting for the disk at each row.
    let database = try SessionDatabase(path: databasePath, synchronous: .normal)
    var random = SeededGenerator(seed: design.seed)
    var sessions: [Session] = []
    var absent: [SessionID: Set<ParticipantCode>] = [:]
    var refused: Set<String> = []
    var measures: [AnswerMeasures] = []
    var codings: [AnswerCoding] = []
    var events: [SessionEvent] = []
    for groupNumber in 1...design.groups {
      let group = GroupID(rawValue: "\(design.codePrefix)G\(groupNumber)")
      let members = (1...design.patientsPerGroup).map {
        ParticipantCode.numbered($0, prefix: "\(design.participantPrefix)\(design.codePrefix)G\(groupNumber)-P")
      }
      for (index, code) in members.enumerated() {
        let memory = design.twoPopulations && index >= members.count / 2
        try database.participants.add(Participant(code: code, study: Self.study, hasMemoryDisorder: memory))
      }
      try database.groups.add(ParticipantGroup(id: group, study: Self.study, site: "SITE-1", members: members))
      let levels = members.map { _ in Double(random.gaussian()) * 4 }
      for number in 1...design.sessions {
        let session = Self.session(group: group, number: number, trials: design.trialsPerSession)
        sessions.append(session)
        // Saved first: a recording names one of its trials.
        try database.sessions.save(session)
        // About one patient in twelve misses a session; the last patient leaves after session 10.
        let missing = Set(
          members.enumerated().filter { index, _ in
            design.missesSessions
              && ((index == members.count - 1 && number > 10) || Double.random(in: 0..<1, using: &random) < 0.08)
          }.map(\.element))
        absent[session.id] = missing
        let present = members.enumerated().filter { !missing.contains($0.element) }
        var log = SessionLog(session: session, start: Self.morning(of: session))
        log.seat(present.map { (PlayerNumber(rawValue: $0.offset + 1)!, $0.element) })
        for trial in session.trials {
          let scentRefused = trial.condition == .imageScent && (number + groupNumber + trial.number) % 7 == 0
          if scentRefused { refused.insert("\(session.id.rawValue)/\(trial.id.rawValue)") }
          log.trial(trial, scentRefused: scentRefused, players: present.count)
          let delivered = scentRefused ? Condition.image : trial.condition
          for (index, code) in present {
            let answer = AnswerKey(session: session.id, trial: trial.id, participant: code)
            let words = max(
              1,
              Int(
                (18 + levels[index] + 0.3 * Double(number - 1) + Self.wordsEffect[delivered]!
                  + Double(random.gaussian()) * 3).rounded()))
            let duration = 2 + 0.45 * Double(words) + Self.speechDurationEffect[delivered]! + Double(random.gaussian())
            let memories = random.poisson(mean: 0.8 * Self.memoriesRatio[delivered]!)
            let transcribed = number <= design.transcribedSessions
            measures.append(
              AnswerMeasures(
                answer: answer, firstWordOnsetSeconds: 1, lastWordOffsetSeconds: 1 + max(duration, 0.5),
                speakingTimeSeconds: 0.3 * Double(words), pauseCount: words / 5, pauseTotalSeconds: 0.2 * Double(words),
                words: transcribed ? words : nil, wordsSplit: transcribed ? words + 1 : nil,
                ideas: transcribed ? words / 3 : nil, automaticMemories: transcribed ? memories : nil,
                ruleSetVersion: "wc-fr-chat-1.0", missingReason: transcribed ? nil : "no_transcript"))
            let path = "audio/\(session.id.rawValue)/\(trial.id.rawValue)-\(code.rawValue).wav"
            try database.recordings.save(
              Recording(
                session: session.id, trial: trial.id, participant: code, path: path,
                sha256: String(repeating: "0", count: 64), durationSeconds: duration + 3))
            if transcribed && design.writesTranscripts {
              try Self.writeTranscript(words: words, besideRecording: folder.appendingPathComponent(path))
            }
            if number <= design.codedSessions {
              let evoked = (0..<memories).map { EvokedMemory(specificity: .specific, text: "souvenir \($0 + 1)") }
              codings.append(
                AnswerCoding(
                  answer: answer,
                  coding: MemoryCoding(automatic: evoked, confirmed: evoked, coder: "C1", codedAt: log.wallClock)))
            }
          }
        }
        log.incidents(number: number, players: present.map { PlayerNumber(rawValue: $0.offset + 1)! })
        events += log.events
      }
    }
    for measure in measures { try database.measures.save(measure) }
    _ = try database.measures.save(codings)
    _ = try database.eventLog.append(contentsOf: events)
    try Self.agree(on: measures.prefix(3).map(\.answer), codings: codings, in: database)
    self.sessions = sessions
    self.absent = absent
    refusedScents = refused
  }

  public var database: SessionDatabase {
    get throws { try SessionDatabase(path: databasePath) }
  }

  public func remove() {
    try? FileManager.default.removeItem(at: folder)
  }

  /// Trials in the three conditions, as many of each, in an order that turns with the session.
  static func session(group: GroupID, number: Int, trials: Int) -> Session {
    Session(
      id: SessionID(rawValue: "\(group.rawValue)-S\(number < 10 ? "0" : "")\(number)"), study: study, group: group,
      number: number, date: CalendarDate("2027-01-07")!.adding(days: 14 * (number - 1)), kind: .clinical,
      trials: (1...trials).map { index in
        let condition = conditions[(index + number) % conditions.count]
        return Trial(
          id: TrialID(rawValue: "T\(index)"), number: index, stimulus: StimulusID(rawValue: "image\(index)"),
          condition: condition, game: condition == .imageGame ? .memoryPairs : nil,
          scent: condition == .imageScent ? "pomme" : nil)
      })
  }

  static func morning(of session: Session) -> Date {
    Date(timeIntervalSince1970: Double(session.date.daysSinceEpoch) * 86_400 + 9.5 * 3_600)
  }

  static let vocabulary = [
    "le", "verger", "de", "mon", "grand-père", "on", "cueillait", "les", "pommes", "en", "automne", "avec", "ma",
    "sœur", "et", "ça", "sentait", "bon", "la", "confiture",
  ]

  static func writeTranscript(words: Int, besideRecording recording: URL) throws {
    try FileManager.default.createDirectory(
      at: recording.deletingLastPathComponent(), withIntermediateDirectories: true)
    let text = (0..<words).map { vocabulary[$0 % vocabulary.count] }.joined(separator: " ") + ".\n"
    try text.write(
      to: recording.deletingPathExtension().appendingPathExtension("txt"), atomically: false, encoding: .utf8)
  }

  /// Two coders count the memories of `answers` and record their consensus: answers "agreed".
  static func agree(on answers: [AnswerKey], codings: [AnswerCoding], in database: SessionDatabase) throws {
    let first = try database.review.addCoder("C2")
    let second = try database.review.addCoder("C3")
    for answer in answers {
      let count = codings.first { $0.answer == answer }?.coding.confirmed?.count ?? 0
      var view = try database.review.saveMemories(
        MemoryCount(memories: count, specific: nil), of: answer, by: first,
        basedOn: try database.review.view(of: answer, for: first).revision)
      view = try database.review.saveMemories(
        MemoryCount(memories: count, specific: nil), of: answer, by: second, basedOn: view.revision)
      try database.review.saveConsensus(Double(count), for: .memories, of: answer, by: first, basedOn: view.revision)
    }
  }
}
