import Benchmark
import Foundation
import Research
import SessionModel
import Store

// Statistics per condition at the size of the full trial: 10 groups × 13 fortnightly sessions ×
// 10 patients × 9 stimuli (3 per condition) = 11,700 answers. The report (all ten measures) is
// timed from values in memory; loading the same answers from a database file is timed apart.
func statisticsBenchmarks() {
  let snapshot = TrialSnapshot.make()
  Benchmark(
    "StatisticsReport, 11,700 answers, 10 measures",
    configuration: .init(metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], maxIterations: 50)
  ) { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(StatisticsReport(snapshot: snapshot, measures: StatisticsMeasure.allCases))
    }
  }
  // The primary analysis alone: speech durations of the full trial, five groups per population,
  // so the model has the memory-disorder interaction and both random intercepts (2-D optimiser).
  let observations = snapshot.analysedAnswers.compactMap { answer -> MixedModelObservation? in
    guard let duration = answer.speechDurationSeconds, let group = answer.session.group?.rawValue else { return nil }
    return MixedModelObservation(
      participant: answer.answer.participant.rawValue, group: group, condition: answer.deliveredCondition,
      session: answer.session.number, hasMemoryDisorder: Int(group.dropFirst())! > 5, value: duration)
  }
  Benchmark(
    "LinearMixedModel.fit, 11,700 answers, 100 participants, 10 groups",
    configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxIterations: 50)
  ) { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(try? LinearMixedModel.fit(observations))
    }
  }
  let report = StatisticsReport(snapshot: snapshot, measures: StatisticsMeasure.allCases)
  Benchmark(
    "StatisticsExport (JSON, CSV, 20 SVG plots)", configuration: .init(metrics: [.wallClock], maxIterations: 50)
  ) { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(StatisticsExport(language: .french).files(for: report))
    }
  }
  let file = TrialDatabaseFile()
  Benchmark(
    "ExportSnapshot.load, 11,700 answers from a file",
    configuration: .init(metrics: [.wallClock, .peakMemoryResident], maxIterations: 20),
    closure: { benchmark in
      let database = try file.database()
      for _ in benchmark.scaledIterations {
        blackHole(try ExportSnapshot.load(from: database))
      }
    }, setup: file.create, teardown: file.remove)
}

/// The trial's answers as values, with a fixed pseudo-random spread so every run sees the same data.
enum TrialSnapshot {
  static let conditions: [Condition] = [.image, .imageGame, .imageScent]

  static func sessions() -> [Session] {
    (1...10).flatMap { group in
      (1...13).map { number in
        Session(
          id: SessionID(rawValue: "G\(group)-S\(number)"), study: "bench", group: GroupID(rawValue: "G\(group)"),
          number: number, date: CalendarDate(daysSinceEpoch: 20_800 + 14 * number), kind: .clinical,
          trials: (1...9).map { index in
            Trial(
              id: TrialID(rawValue: "T\(index)"), number: index, stimulus: StimulusID(rawValue: "stimulus\(index)"),
              condition: conditions[index % 3])
          })
      }
    }
  }

  static func measures(of sessions: [Session]) -> [AnswerMeasures] {
    var state: UInt64 = 42
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 59)  // 0…31
    }
    return sessions.flatMap { session in
      session.trials.flatMap { trial in
        (1...10).map { patient in
          let words = 5 + next() + (trial.condition == .imageScent ? 4 : 0)
          return AnswerMeasures(
            answer: AnswerKey(
              session: session.id, trial: trial.id,
              participant: ParticipantCode(rawValue: "\(session.group!.rawValue)-P\(patient)")!),
            firstWordOnsetSeconds: 1, lastWordOffsetSeconds: 1 + Double(words) * 0.45,
            speakingTimeSeconds: Double(words) * 0.3, pauseCount: words / 4, pauseTotalSeconds: Double(words) * 0.1,
            words: words, wordsSplit: words + 2, ideas: words / 3, automaticMemories: words / 10,
            ruleSetVersion: "wc-fr-chat-1.0")
        }
      }
    }
  }

  static func make() -> ExportSnapshot {
    let sessions = sessions()
    return ExportSnapshot(
      study: "bench", sessions: sessions, groups: [:], measures: measures(of: sessions), recordings: [:],
      latestCodings: [:], events: [])
  }
}

/// The same answers in a database file, written once in setup.
final class TrialDatabaseFile: @unchecked Sendable {
  private let lock = NSLock()
  private var folder: URL?

  func create() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("connectage-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let database = try SessionDatabase(path: folder.appendingPathComponent("bench.sqlite").path, synchronous: .normal)
    let sessions = TrialSnapshot.sessions()
    for group in 1...10 {
      let members = (1...10).map { ParticipantCode(rawValue: "G\(group)-P\($0)")! }
      for code in members { try database.participants.add(Participant(code: code, study: "bench")) }
      try database.groups.add(ParticipantGroup(id: GroupID(rawValue: "G\(group)"), study: "bench", members: members))
    }
    for session in sessions { try database.sessions.save(session) }
    for measures in TrialSnapshot.measures(of: sessions) { try database.measures.save(measures) }
    lock.withLock { self.folder = folder }
  }

  func database() throws -> SessionDatabase {
    guard let folder = lock.withLock({ folder }) else { throw CocoaError(.fileNoSuchFile) }
    return try SessionDatabase(path: folder.appendingPathComponent("bench.sqlite").path)
  }

  func remove() {
    if let folder = lock.withLock({ folder }) { try? FileManager.default.removeItem(at: folder) }
  }
}
