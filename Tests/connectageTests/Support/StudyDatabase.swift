import Foundation
import SessionModel
import Store

/// A database file for the `export` and `stats` command tests, built through the repositories:
/// four participants of group G1, two fortnightly sessions, one trial per condition (image,
/// image_game, image_scent). P04 never answers in the scent condition. Words follow a fixed table
/// so every figure the commands print can be recomputed by hand (or by scipy, see the tests).
enum StudyDatabase {
  static let conditions: [Condition] = [.image, .imageGame, .imageScent]

  /// words[participant - 1][session - 1][condition]
  static let words: [[[Int]]] = [
    [[8, 10, 14], [9, 12, 15]],
    [[5, 9, 8], [7, 8, 12]],
    [[12, 11, 18], [10, 15, 16]],
    [[6, 7, 0], [4, 9, 0]],
  ]

  static func create(at path: String, transcriptsIn folder: URL? = nil) throws {
    let database = try SessionDatabase(path: path)
    let codes = (1...4).map { ParticipantCode.numbered($0) }
    for code in codes { try database.participants.add(Participant(code: code, study: "espoir-avc")) }
    try database.groups.add(ParticipantGroup(id: "G1", study: "espoir-avc", members: codes))
    for number in 1...2 {
      let session = Session(
        id: SessionID(rawValue: "S0\(number)"), study: "espoir-avc", group: "G1", number: number,
        date: CalendarDate(year: 2027, month: 1, day: 14 * number)!, kind: .clinical,
        trials: conditions.enumerated().map { index, condition in
          Trial(
            id: TrialID(rawValue: "T\(index + 1)"), number: index + 1, stimulus: ["verger", "bal", "cafe"][index],
            condition: condition, game: condition.includesGame ? .memoryPairs : nil,
            scent: condition.includesScent ? "cafe" : nil)
        })
      try database.sessions.save(session)
      for (person, code) in codes.enumerated() {
        for (index, trial) in session.trials.enumerated() where !(person == 3 && trial.condition == .imageScent) {
          let count = words[person][number - 1][index]
          let answer = AnswerKey(session: session.id, trial: trial.id, participant: code)
          try database.measures.save(
            AnswerMeasures(
              answer: answer, firstWordOnsetSeconds: 1, lastWordOffsetSeconds: 1 + Double(count) / 2,
              pauseCount: count / 4, pauseTotalSeconds: Double(count) / 8, words: count, wordsSplit: count,
              ideas: count / 3, ruleSetVersion: "wc-fr-chat-1.0"))
          try database.recordings.save(
            Recording(
              session: session.id, trial: trial.id, participant: code,
              path: "audio/\(session.id.rawValue)/\(trial.id.rawValue)-\(code.rawValue)-turn1.wav",
              sha256: String(repeating: "0", count: 64), durationSeconds: 2 + Double(count) / 2))
        }
      }
    }
  }
}
