import Foundation
import Research
import SessionModel
import Store

/// A small within-subject study built through the repositories: six participants in one group,
/// three fortnightly sessions, each with one trial per condition (image, image_game, image_scent).
/// P06 never answers in the scent condition, so every test sees a missing cell.
enum TrialStudyFixture {
  static let participants = (1...6).map { ParticipantCode.numbered($0) }
  static let conditions: [Condition] = [.image, .imageGame, .imageScent]

  /// Words said by `participant` at `session` in `condition`: a participant baseline, a condition
  /// effect (scent > game > image) and a small drift over sessions, all integers.
  static func words(_ participant: Int, _ condition: Condition, session: Int) -> Int {
    let effect = [Condition.image: 0, .imageGame: 3, .imageScent: 6][condition]!
    return 10 + 2 * participant + effect + session + (participant * session) % 3
  }

  static func session(_ number: Int) -> Session {
    Session(
      id: SessionID(rawValue: "S0\(number)"), study: "espoir-avc", group: "G1", number: number,
      date: CalendarDate(year: 2027, month: 1, day: 14 * number - 13)!, kind: .clinical,
      trials: conditions.enumerated().map { index, condition in
        Trial(
          id: TrialID(rawValue: "T\(index + 1)"), number: index + 1, stimulus: ["verger", "bal", "cafe"][index],
          condition: condition, game: condition.includesGame ? .memoryPairs : nil,
          scent: condition.includesScent ? "cafe" : nil)
      })
  }

  /// The study, with participants added in `order` (to check nothing depends on it).
  static func database(participantOrder order: [Int] = Array(1...6)) throws -> SessionDatabase {
    let database = try SessionDatabase.inMemory()
    for index in order {
      try database.participants.add(Participant(code: participants[index - 1], study: "espoir-avc"))
    }
    try database.groups.add(
      ParticipantGroup(id: "G1", study: "espoir-avc", members: order.map { participants[$0 - 1] }))
    for number in 1...3 {
      let session = session(number)
      try database.sessions.save(session)
      for index in order {
        for trial in session.trials where !(index == 6 && trial.condition == .imageScent) {
          let count = words(index, trial.condition, session: number)
          try database.measures.save(
            AnswerMeasures(
              answer: AnswerKey(session: session.id, trial: trial.id, participant: participants[index - 1]),
              firstWordOnsetSeconds: 1, lastWordOffsetSeconds: 1 + Double(count) / 2,
              speakingTimeSeconds: Double(count) / 3,
              pauseCount: count / 4, pauseTotalSeconds: Double(count) / 8, words: count, wordsSplit: count + 1,
              ideas: count / 3, automaticMemories: count / 10, ruleSetVersion: "wc-fr-chat-1.0"))
        }
      }
    }
    return database
  }
}
