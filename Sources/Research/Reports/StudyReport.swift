import SessionModel
import SpeechKit
import Store

/// The trial at a glance for the investigator: enrolment and attendance per group and session,
/// how complete the data are, the condition summaries with their plots, and the analyses.
public struct StudyReport: Sendable {
  /// The measures the report shows: the trial's outcomes (timing, words, ideas, memories).
  public static let measures: [StatisticsMeasure] = [
    .speechDuration, .phonationTime, .words, .ideaDensity, .memories,
  ]

  public var study: StudyID
  public var groups: [GroupRow]
  /// Session numbers planned in any group, in order.
  public var sessionNumbers: [Int]
  public var completeness: Completeness
  /// Friedman and Wilcoxon on the participants' means: the secondary, nonparametric analysis.
  public var statistics: StatisticsReport
  /// Per measure (in ``measures`` order), each condition's mean of the participants' means at each
  /// session with its 95 % interval.
  public var trajectories: [[SessionSeriesPoints]]
  /// The primary analysis: the linear mixed model of each continuous measure (``PrimaryAnalysisTables``).
  public var primaryAnalysis: PrimaryAnalysisTables

  public struct GroupRow: Sendable, Hashable {
    public var group: GroupID
    public var members: Int
    /// Per session number held: patients present.
    public var present: [Int: Int]
  }

  /// Planned answers (members × trials of each clinical session) and how many reached each stage.
  public struct Completeness: Sendable, Hashable {
    public var planned = 0
    public var recorded = 0
    public var transcribed = 0
    public var coded = 0
    public var agreed = 0
  }

  /// One condition's line in one trajectory.
  public struct SessionSeriesPoints: Sendable, Hashable {
    public var condition: Condition
    public var points: [Point]

    public struct Point: Sendable, Hashable {
      public var session: Int
      public var participants: Int
      public var statistics: DescriptiveStatistics
    }
  }

  public init(snapshot: ExportSnapshot, study: StudyID) throws {
    let sessions = snapshot.sessions.filter { $0.kind == .clinical }
    guard !sessions.isEmpty else { throw ReportError.emptyStudy(study) }
    self.study = study
    let answered = snapshot.analysedAnswers.filter { $0.session.kind == .clinical }
    let attendance = SessionPresence(snapshot: snapshot)
    sessionNumbers = Set(sessions.map(\.number)).sorted()
    let groupIDs = Set(sessions.compactMap(\.group)).sorted()
    groups = groupIDs.map { id in
      let held = sessions.filter { $0.group == id }
      let members = Set(snapshot.groups[id]?.members ?? [])
      return GroupRow(
        group: id, members: members.count,
        // A planned session run twice (interrupted, resumed) counts each patient once; a patient of
        // another group making up a session in this group's run is present there, not enrolled here.
        present: Dictionary(held.map { ($0.number, attendance.present(in: $0).intersection(members)) }) {
          $0.union($1)
        }.mapValues(\.count))
    }
    var completeness = Completeness()
    // A planned session run more than once (interrupted and resumed, or a catch-up run for the
    // absent) is planned once: each run saves the whole session's trials.
    struct PlannedSession: Hashable {
      var group: GroupID?
      var number: Int
    }
    let plannedTrials = Dictionary(
      sessions.map { session in
        let members = session.group.flatMap { snapshot.groups[$0]?.members.count } ?? 0
        return (PlannedSession(group: session.group, number: session.number), members * session.trials.count)
      }, uniquingKeysWith: max)
    completeness.planned = plannedTrials.values.reduce(0, +)
    for answer in answered {
      if answer.recording != nil { completeness.recorded += 1 }
      if answer.measures.words != nil && answer.measures.transcriptSource != .asr { completeness.transcribed += 1 }
      if answer.memories.source != .automatic { completeness.coded += 1 }
      if !answer.review.consensus.isEmpty { completeness.agreed += 1 }
    }
    self.completeness = completeness
    statistics = StatisticsReport(snapshot: snapshot, measures: Self.measures)
    trajectories = Self.measures.map { Self.trajectory(of: $0, answers: answered) }
    primaryAnalysis = PrimaryAnalysisTables(snapshot: snapshot)
  }

  /// Per condition and session, the participants' means (of their answers at that session) summarised.
  static func trajectory(of measure: StatisticsMeasure, answers: [AnalysedAnswer]) -> [SessionSeriesPoints] {
    struct Cell: Hashable {
      var condition: Condition
      var session: Int
      var participant: ParticipantCode
    }
    var cells: [Cell: [Double]] = [:]
    for answer in answers {
      // As the statistics do: a value from an unreviewed draft is not counted.
      if measure.readsDraft(of: answer) { continue }
      guard let value = measure.value(of: answer), value.isFinite else { continue }
      cells[
        Cell(
          condition: answer.deliveredCondition, session: answer.session.number, participant: answer.answer.participant),
        default: []
      ].append(value)
    }
    let byLine = Dictionary(grouping: cells) { $0.key.condition }
    return byLine.keys.sorted().map { condition in
      let bySession = Dictionary(grouping: byLine[condition]!) { $0.key.session }
      return SessionSeriesPoints(
        condition: condition,
        points: bySession.keys.sorted().map { session in
          let means = bySession[session]!.map { $0.value.reduce(0, +) / Double($0.value.count) }
          return SessionSeriesPoints.Point(
            session: session, participants: means.count, statistics: DescriptiveStatistics(means))
        })
    }
  }
}
