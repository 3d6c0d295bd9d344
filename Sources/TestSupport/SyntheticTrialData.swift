import Foundation
import SessionModel
import SpeechKit
import Store

/// A seeded trial of the ESPOIR-AVC design with known effects, for the mixed model's tests:
/// populations without and with memory disorder (groups `N1…` and `M1…`), fortnightly sessions
/// of trials in image, image + game and image + scent (equal numbers, order turning with the
/// session), whole sessions missed at random, and some anosmic or hyposmic patients.
///
/// Speech duration (s) = 6 + group level + patient level + 0.05 × (session − 1)
///   + ``Design/durationEffect``[condition] + memory × (``Design/memoryEffect`` + ``Design/durationInteraction``[condition])
///   + noise, with normal levels and noise of the design's standard deviations; the scent adds
///   nothing for a patient who cannot smell (``Design/smellImpairedEvery``).
/// Speaking time = 0.6 × speech duration. Words ~ Poisson(speech duration × 1.8 words/s ×
/// ``Design/wordRateRatio``[condition] × e^{patient level / 10}); memories ~ Poisson(0.8 ×
/// ``Design/memoriesRatio``[condition] × e^{patient level / 10}).
public struct SyntheticTrialData: Sendable {
  public struct Design: Sendable {
    public var groupsPerPopulation: Int = 1
    /// Both populations, or only patients without memory disorder.
    public var bothPopulations: Bool = true
    public var patientsPerGroup: Int = 10
    public var sessions: Int = 13
    /// Trials of each condition per session.
    public var trialsPerCondition: Int = 2
    public var seed: UInt64 = 16
    public var durationEffect: [Condition: Double] = [.image: 0, .imageGame: 1, .imageScent: 2]
    /// Extra effect with a memory disorder (the hypothesis); zero means no interaction.
    public var durationInteraction: [Condition: Double] = [.image: 0, .imageGame: 0, .imageScent: 1.5]
    public var memoryEffect: Double = -1
    /// Each site's shift of every answer: one site per entry, groups dealt to them in turn
    /// (`SITE-1`, `SITE-2`…). One entry: a single-centre trial.
    public var siteEffects: [Double] = [0]
    public var patientSD: Double = 1.5
    public var groupSD: Double = 0.5
    public var residualSD: Double = 2
    /// Probability that a patient misses a session.
    public var absenceRate: Double = 0.08
    /// Every k-th patient (1-based) is anosmic (odd k-multiples) or hyposmic (even): the scent does
    /// nothing for them. `nil`: everybody smells normally.
    public var smellImpairedEvery: Int? = 5
    public var wordRateRatio: [Condition: Double] = [.image: 1, .imageGame: 1.1, .imageScent: 1.25]
    public var memoriesRatio: [Condition: Double] = [.image: 1, .imageGame: 1.25, .imageScent: 1.6]

    public init() {}

    /// The same design with no interaction planted.
    public var withoutInteraction: Design {
      var design = self
      design.durationInteraction = [.image: 0, .imageGame: 0, .imageScent: 0]
      return design
    }
  }

  public struct Row: Hashable, Sendable {
    public var participant: String
    public var group: String
    public var site: String
    public var hasMemoryDisorder: Bool
    public var smell: SmellScreening
    public var session: Int
    public var trial: Int
    public var condition: Condition
    public var speechDuration: Double
    public var speakingTime: Double
    public var words: Int
    public var memories: Int
  }

  public static let study: StudyID = "synthetic-lmm"
  public static let conditions: [Condition] = [.image, .imageGame, .imageScent]
  /// When the synthetic coder confirmed every coding (a confirmed coding needs its time).
  static let codedAt = Date(timeIntervalSince1970: 1_800_000_000)

  public let design: Design
  public let rows: [Row]
  public let participants: [Participant]
  public let groups: [ParticipantGroup]

  public init(design: Design = Design()) {
    self.design = design
    var random = SeededGenerator(seed: design.seed)
    var rows: [Row] = []
    var participants: [Participant] = []
    var groups: [ParticipantGroup] = []
    let populations = design.bothPopulations ? [false, true] : [false]
    var patientNumber = 0
    for memory in populations {
      for groupNumber in 1...design.groupsPerPopulation {
        let groupName = "\(memory ? "M" : "N")\(groupNumber)"
        let siteIndex = (groupNumber - 1) % design.siteEffects.count
        let site = "SITE-\(siteIndex + 1)"
        let groupLevel = Double(random.gaussian()) * design.groupSD + design.siteEffects[siteIndex]
        var members: [ParticipantCode] = []
        for _ in 0..<design.patientsPerGroup {
          patientNumber += 1
          let code = ParticipantCode.numbered(patientNumber)
          members.append(code)
          let smell: SmellScreening =
            if let every = design.smellImpairedEvery, patientNumber % every == 0 {
              (patientNumber / every) % 2 == 1 ? .anosmic : .hyposmic
            } else { .normal }
          participants.append(
            Participant(
              code: code, study: Self.study, arm: memory ? "with-memory-disorder" : "without-memory-disorder",
              smell: smell, hasMemoryDisorder: memory))
          let level = Double(random.gaussian()) * design.patientSD
          for session in 1...design.sessions {
            guard Double.random(in: 0..<1, using: &random) >= design.absenceRate else { continue }
            for (index, condition) in Self.trialConditions(session: session, design: design).enumerated() {
              let smells = smell == .normal || smell == .notScreened
              var effect = design.durationEffect[condition, default: 0]
              if memory { effect += design.memoryEffect + design.durationInteraction[condition, default: 0] }
              if condition.includesScent && !smells {
                effect -=
                  design.durationEffect[condition, default: 0]
                  + (memory ? design.durationInteraction[condition, default: 0] : 0)
              }
              let duration = max(
                0.5,
                6 + groupLevel + level + 0.05 * Double(session - 1) + effect
                  + Double(random.gaussian()) * design.residualSD)
              let multiplier = exp(level / 10)
              rows.append(
                Row(
                  participant: code.rawValue, group: groupName, site: site, hasMemoryDisorder: memory, smell: smell,
                  session: session, trial: index + 1, condition: condition, speechDuration: duration,
                  speakingTime: 0.6 * duration,
                  words: random.poisson(
                    mean: duration * 1.8 * design.wordRateRatio[condition, default: 1] * multiplier),
                  memories: random.poisson(mean: 0.8 * design.memoriesRatio[condition, default: 1] * multiplier)))
            }
          }
        }
        groups.append(
          ParticipantGroup(
            id: GroupID(rawValue: groupName), study: Self.study, site: SiteID(rawValue: site),
            arm: memory ? "with-memory-disorder" : "without-memory-disorder", members: members))
      }
    }
    self.rows = rows
    self.participants = participants
    self.groups = groups
  }

  /// The session's trial conditions: each condition `trialsPerCondition` times, turned by the
  /// session number so that no condition always comes first.
  static func trialConditions(session: Int, design: Design) -> [Condition] {
    let turn = (0..<conditions.count).map { conditions[($0 + session) % conditions.count] }
    return Array((0..<design.trialsPerCondition).map { _ in turn }.joined())
  }

  /// Files the trial in `database` as sessions run by ConnectAge would leave it: participants with
  /// their memory status and smell screening, groups, planned sessions, recordings, measures and
  /// coded memories, so that an export of it is what a researcher gets.
  public func file(into database: SessionDatabase) throws {
    for participant in participants { try database.participants.add(participant) }
    for group in groups { try database.groups.add(group) }
    let start = CalendarDate("2027-01-11")!
    var measures: [AnswerMeasures] = []
    var codings: [AnswerCoding] = []
    for group in groups {
      for session in 1...design.sessions {
        let id = SessionID(rawValue: "\(group.id.rawValue)-S\(String(format: "%02d", session))")
        let trials = Self.trialConditions(session: session, design: design).enumerated().map { index, condition in
          Trial(
            id: TrialID(rawValue: "T\(index + 1)"), number: index + 1,
            stimulus: StimulusID(rawValue: "image-\(index + 1)"),
            condition: condition, game: condition.includesGame ? .memoryPairs : nil,
            scent: condition.includesScent ? "pomme" : nil)
        }
        try database.sessions.save(
          Session(
            id: id, study: Self.study, group: group.id, number: session, date: start.adding(days: 14 * (session - 1)),
            kind: .clinical, trials: trials))
        for row in rows where row.group == group.id.rawValue && row.session == session {
          let answer = AnswerKey(
            session: id, trial: TrialID(rawValue: "T\(row.trial)"),
            participant: ParticipantCode(rawValue: row.participant)!)
          try database.recordings.save(
            Recording(
              session: id, trial: answer.trial, participant: answer.participant,
              path: "audio/\(id.rawValue)/T\(row.trial)-\(row.participant).wav",
              sha256: String(repeating: "0", count: 64), durationSeconds: row.speechDuration + 2))
          measures.append(
            AnswerMeasures(
              answer: answer, firstWordOnsetSeconds: 1, lastWordOffsetSeconds: 1 + row.speechDuration,
              speakingTimeSeconds: row.speakingTime, pauseCount: 1, pauseTotalSeconds: 0.4 * row.speechDuration,
              words: row.words, wordsSplit: row.words, ideas: row.words / 3, automaticMemories: row.memories,
              ruleSetVersion: "wc-fr-chat-1.0"))
          let evoked = (0..<row.memories).map { EvokedMemory(specificity: .specific, text: "souvenir \($0 + 1)") }
          codings.append(
            AnswerCoding(
              answer: answer,
              coding: MemoryCoding(automatic: evoked, confirmed: evoked, coder: "C1", codedAt: Self.codedAt)))
        }
      }
    }
    for measure in measures { try database.measures.save(measure) }
    _ = try database.measures.save(codings)
  }
}
