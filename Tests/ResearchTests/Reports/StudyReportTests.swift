import Foundation
import SessionModel
import Store
import TestSupport
import Testing

@testable import Research

/// The study report of the synthetic trial: attendance, completeness and condition summaries read
/// back from the HTML and recomputed here from the database; the planted effects show.
@Suite struct StudyReportTests {
  let trial = SyntheticTrialReports.trial

  func html(_ language: Language = .french) throws -> ReportHTML {
    ReportHTML(
      text: try Reports.study(SyntheticTrial.study, in: SyntheticTrialReports.database()).html(in: language))
  }

  @Test func attendancePerGroupAndSessionMatchesTheAbsences() throws {
    let page = try html()
    let row = try #require(page.rows(["group": "G1"]).first)
    #expect(ReportHTML.number("members", in: row) == 10)
    for session in trial.sessions {
      #expect(
        ReportHTML.number("present-\(session.number)", in: row) == Double(10 - trial.absent[session.id]!.count))
    }
  }

  @Test func completenessCountsEachStageFromTheDatabase() throws {
    let page = try html()
    let database = try SyntheticTrialReports.database()
    let measures = try database.measures.fetchAll()
    let expected: [String: Int] = [
      "planned": 10 * 13 * 6,
      "recorded": try database.recordings.fetchAll().count,
      "transcribed": measures.filter { $0.words != nil }.count,
      "coded": try database.measures.latestCodings().count,
      "agreed": try database.review.records().values.filter { !$0.consensus.isEmpty }.count,
    ]
    for (stage, count) in expected {
      let row = try #require(page.rows(["stage": stage]).first)
      #expect(ReportHTML.number(stage, in: row) == Double(count), "\(stage)")
    }
    #expect(expected["recorded"]! < expected["planned"]!)
  }

  /// A run interrupted and resumed saves the session twice; its trials are planned once.
  @Test func aResumedSessionIsPlannedOnce() throws {
    let database = try SessionDatabase.inMemory()
    for participant in [StoreFixtures.firstParticipant, StoreFixtures.secondParticipant] {
      try database.participants.add(participant)
    }
    try database.groups.add(StoreFixtures.group)
    var resumed = StoreFixtures.firstSession
    resumed.id = "S01-B"
    try database.sessions.save(StoreFixtures.firstSession)
    try database.sessions.save(resumed)
    let report = try Reports.study("espoir-avc", in: database)
    #expect(report.completeness.planned == 2 * StoreFixtures.firstSession.trials.count)
  }

  /// Words per condition: each participant's mean over their answers in the condition delivered,
  /// then the mean of those means, computed here from the rows and the refused scents.
  @Test func conditionSummariesAreTheParticipantsMeans() throws {
    let page = try html()
    let measures = try SyntheticTrialReports.database().measures.fetchAll().filter { $0.words != nil }
    let sessions = Dictionary(uniqueKeysWithValues: trial.sessions.map { ($0.id, $0) })
    var cells: [Condition: [ParticipantCode: [Double]]] = [:]
    for measure in measures {
      let planned = sessions[measure.answer.session]!.trials.first { $0.id == measure.answer.trial }!.condition
      let refused = trial.refusedScents.contains("\(measure.answer.session.rawValue)/\(measure.answer.trial.rawValue)")
      cells[refused ? .image : planned, default: [:]][measure.answer.participant, default: []]
        .append(Double(measure.words!))
    }
    var means: [Condition: Double] = [:]
    for (condition, people) in cells {
      let perPerson = people.values.map { $0.reduce(0, +) / Double($0.count) }
      means[condition] = perPerson.reduce(0, +) / Double(perPerson.count)
      let row = try #require(page.rows(["measure": "words", "condition": condition.rawValue]).first)
      #expect(ReportHTML.number("participants", in: row) == Double(people.count))
      #expect(ReportHTML.number("answers", in: row) == Double(people.values.map(\.count).reduce(0, +)))
      #expect(abs(ReportHTML.number("mean", in: row)! - means[condition]!) <= 0.005)
    }
    // The planted effects: +3 words with the game, +6 with the scent (noise SD 3 over ~250 answers).
    #expect(abs(means[.imageGame]! - means[.image]! - 3) < 1.5)
    #expect(abs(means[.imageScent]! - means[.image]! - 6) < 1.5)
  }

  /// The mixed model recovers the planted effects: phonation time is 0.3 s per word (+3 and +6
  /// words), speech duration 0.45 s per word plus 1.5 s and 3 s.
  @Test func thePrimaryAnalysisRecoversThePlantedEffects() throws {
    let page = try html()
    let planted: [(String, String, Double)] = [
      ("phonation_time_s", "image_game - image", 0.9), ("phonation_time_s", "image_scent - image", 1.8),
      ("speech_duration_s", "image_game - image", 2.85), ("speech_duration_s", "image_scent - image", 5.7),
    ]
    for (measure, contrast, effect) in planted {
      let row = try #require(page.rows(["model": measure, "kind": "contrast", "label": contrast]).first)
      let interval = row.components(separatedBy: "[")[1].components(separatedBy: "]")[0]
        .components(separatedBy: " ; ").map { Double($0.replacingOccurrences(of: ",", with: "."))! }
      #expect(interval[0] < effect && effect < interval[1], "\(measure) \(contrast): \(interval)")
      #expect(try #require(ReportHTML.number("p", in: row)) < 0.05)
    }
    #expect(page.rows(["model": "speech_duration_s", "kind": "emm"]).count == 3)
    #expect(page.section("primary").contains("analysis.R"))
  }

  @Test func everyFigureSaysItsNAndTheAnalysesAreThere() throws {
    let page = try html()
    let conditions = page.section("conditions")
    #expect(conditions.components(separatedBy: "<svg").count - 1 == 2 * StudyReport.measures.count)
    #expect(conditions.components(separatedBy: "<figcaption>").count - 1 == 2 * StudyReport.measures.count)
    #expect(conditions.components(separatedBy: "n = 10 participants").count - 1 >= StudyReport.measures.count)
    // Confidence bands under the trajectories.
    #expect(conditions.contains("fill-opacity=\"0.15\""))
    #expect(page.section("primary").contains("<h2>Analyse principale</h2>"))
    let friedman = try #require(page.rows(["measure": "words"]).first { $0.contains("data-measure=\"statistic\"") })
    #expect(ReportHTML.number("p", in: friedman)! < 0.01)
    #expect(ReportHTML.number("participants", in: friedman) == 10)
    #expect(try html(.english).section("primary").contains("<h2>Primary analysis</h2>"))
  }
}

/// A study with both populations: the report's primary analysis is the model of `stats`, with
/// memory-disorder status and its interaction with condition, each population's effects shown.
@Suite struct StudyReportTwoPopulationsTests {
  @Test func eachPopulationsEffectsAndTheInteractionAreShown() throws {
    let trial = try SyntheticTrial(design: .init(seed: 31, twoPopulations: true))
    defer { trial.remove() }
    let page = ReportHTML(text: try Reports.study(SyntheticTrial.study, in: trial.database).html(in: .french))
    let primary = page.section("primary")
    #expect(primary.contains("condition * memory"), "the formula names the memory-disorder term")
    #expect(primary.contains("Les deux populations (avec et sans trouble mnésique) sont présentes"))
    // Planted: +5.7 s of speech duration with the scent, the same in both populations.
    for population in MemoryPopulation.allCases {
      let row = try #require(
        page.rows([
          "model": "speech_duration_s", "kind": "contrast", "label": "image_scent - image | \(population.rawValue)",
        ]).first)
      #expect(row.contains(population.label.text(in: .french)))
      let interval = Self.interval(in: row)
      #expect(interval[0] < 5.7 && 5.7 < interval[1], "\(population): \(interval)")
    }
    let interaction = try #require(
      page.rows(["model": "speech_duration_s", "kind": "contrast", "label": "interaction: image_scent - image"]).first)
    #expect(interaction.contains("Interaction (image_scent - image) : avec − sans trouble mnésique"))
    let interval = Self.interval(in: interaction)
    #expect(interval[0] < 0 && 0 < interval[1], "no interaction was planted: \(interval)")
  }

  static func interval(in row: String) -> [Double] {
    row.components(separatedBy: "[")[1].components(separatedBy: "]")[0]
      .components(separatedBy: " ; ").map {
        Double($0.replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: "−", with: "-"))!
      }
  }
}

/// A patient of another group making up a session in this group's run is present there, but the
/// attendance table counts the group's own members: never 11 present of 10.
@Suite struct StudyAttendanceOfGuestsTests {
  @Test func aGuestFromAnotherGroupIsNotCountedAmongTheEnrolled() throws {
    let session = Session(
      id: "G01-S01", study: "espoir", group: "G01", number: 1, date: CalendarDate(year: 2027, month: 1, day: 14)!,
      kind: .clinical, trials: [])
    let members = (1...3).map { ParticipantCode.numbered($0) }
    let guest = ParticipantCode.numbered(9)
    let seated = [members[0], members[1], guest]
    let events = seated.enumerated().map { index, code in
      StoredEvent(
        sequence: Int64(index + 1),
        event: SessionEvent(
          session: session.id, monotonicNanoseconds: UInt64(index), wallClock: Date(),
          .seating(
            .joined(
              player: PlayerNumber(rawValue: index + 1)!, pad: PadID(rawValue: index + 1), avatar: "chat",
              participant: code, late: nil))))
    }
    let snapshot = ExportSnapshot(
      study: "espoir", sessions: [session], groups: ["G01": ParticipantGroup(id: "G01", members: members)],
      measures: [], recordings: [:], latestCodings: [:], events: events)
    let report = try StudyReport(snapshot: snapshot, study: "espoir")
    #expect(report.groups.first?.members == 3)
    #expect(report.groups.first?.present[1] == 2)
  }
}
