import SessionModel

/// Statistics per condition for a study: descriptive figures, Friedman's test with Kendall's W,
/// pairwise Wilcoxon signed-rank tests with Holm's correction, and per-session trajectories.
///
/// The design is within-subject (every participant meets every condition), so the unit of every
/// test is the participant: each participant's answers in a condition are averaged first, and the
/// tests compare those means. Clinical sessions only; animation sessions record nothing.
///
/// Each planned answer counts once (``AnswerSelection``), and answers are grouped by the condition
/// delivered unless the report is asked for the planned one (intention to treat). Word-based
/// measures of answers whose transcript is an unreviewed speech-recognition draft are left out
/// unless the report includes drafts; either way each measure says how many there were. Whether
/// present participants answered at all is reported beside the measures (``participation``).
public struct StatisticsReport: Hashable, Sendable, Codable {
  public var study: StudyID?
  /// The condition the answers are grouped by.
  public var basis: ConditionBasis
  /// Analysed answers whose delivered condition differs from the planned one (a scent that did
  /// not come out), whichever basis the report uses.
  public var answersWithUndeliveredScent: Int
  /// Conditions with at least one answer, in protocol order.
  public var conditions: [Condition]
  /// Participants with at least one answer.
  public var participants: Int
  public var measures: [MeasureStatistics]
  /// Whether present participants answered, per condition (``ParticipationStatistics``); `nil` in a
  /// report made from figures alone.
  public var participation: ParticipationStatistics?

  public init(
    study: StudyID?, conditions: [Condition], participants: Int, measures: [MeasureStatistics],
    basis: ConditionBasis = .delivered, answersWithUndeliveredScent: Int = 0
  ) {
    self.study = study
    self.basis = basis
    self.answersWithUndeliveredScent = answersWithUndeliveredScent
    self.conditions = conditions
    self.participants = participants
    self.measures = measures
  }

  enum CodingKeys: String, CodingKey {
    case study, basis = "condition_basis", answersWithUndeliveredScent = "answers_condition_differs"
    case conditions, participants, measures, participation
  }

  /// One answer's value with what the analysis groups it by.
  struct Observation {
    var participant: ParticipantCode
    var condition: Condition
    var session: Int
    var value: Double
    var group: String = ""
    var site: String = ""
    var hasMemoryDisorder = false
    var smell: SmellScreening = .notScreened
  }

  /// The report for `measures` on every analysed answer of the snapshot's clinical sessions
  /// (one per participant and planned trial), grouped by the `basis` condition.
  public init(
    snapshot: ExportSnapshot, measures: [StatisticsMeasure] = StatisticsMeasure.defaults,
    by basis: ConditionBasis = .delivered, includingDrafts includesDrafts: Bool = false
  ) {
    let answered = snapshot.analysedAnswers.filter { $0.session.kind == .clinical }
    let conditions = Set(answered.map { $0.condition(by: basis) }).sorted()
    study = snapshot.study
    self.basis = basis
    answersWithUndeliveredScent = answered.filter { $0.deliveredCondition != $0.plannedCondition }.count
    self.conditions = conditions
    participants = Set(answered.map(\.answer.participant)).count
    participation = ParticipationStatistics(rows: snapshot.participation, by: basis)
    self.measures = measures.map { measure in
      var skipped = 0
      var sources: [String: Int] = [:]
      var drafts = 0
      let observations = answered.compactMap { answer -> Observation? in
        guard let value = measure.value(of: answer) else { return nil }
        if measure.readsDraft(of: answer) {
          drafts += 1
          guard includesDrafts else { return nil }
        }
        // A value that is not a number would poison every mean and rank: left out, and counted.
        guard value.isFinite else {
          skipped += 1
          return nil
        }
        if let source = measure.source(of: answer) { sources[source, default: 0] += 1 }
        return Observation(
          participant: answer.answer.participant, condition: answer.condition(by: basis),
          session: answer.session.number, value: value, group: answer.session.group?.rawValue ?? "",
          site: answer.group?.site?.rawValue ?? "", hasMemoryDisorder: answer.participant?.hasMemoryDisorder ?? false,
          smell: answer.participant?.smell ?? .notScreened)
      }
      var statistics = Self.statistics(of: measure, observations, conditions: conditions)
      statistics.nonFiniteValuesSkipped = skipped
      statistics.sources = sources.isEmpty ? nil : sources
      statistics.draftAnswers = drafts
      statistics.includesDrafts = includesDrafts
      statistics.mixedModel = Self.mixedModel(of: measure, observations)
      return statistics
    }
  }

  static func statistics(of measure: StatisticsMeasure, _ observations: [Observation], conditions: [Condition])
    -> MeasureStatistics
  {
    let cells = Dictionary(grouping: observations) { CellKey(participant: $0.participant, condition: $0.condition) }
      .mapValues { values in values.reduce(0) { $0 + $1.value } / Double(values.count) }
    let people = Set(observations.map(\.participant)).sorted()
    let summaries = conditions.map { condition in
      ConditionSummary(
        condition: condition, answers: observations.filter { $0.condition == condition }.count,
        values: people.compactMap { cells[CellKey(participant: $0, condition: condition)] })
    }
    let complete = people.filter { person in
      conditions.allSatisfy { cells[CellKey(participant: person, condition: $0)] != nil }
    }
    let friedman = FriedmanTest(
      blocks: complete.map { person in conditions.map { cells[CellKey(participant: person, condition: $0)]! } })
    let pairs = pairwise(conditions: conditions, people: people) { cells[CellKey(participant: $0, condition: $1)] }
    return MeasureStatistics(
      measure: measure, conditions: summaries, friedman: friedman, completeParticipants: complete.count,
      excludedFromFriedman: people.filter { !complete.contains($0) }, pairwise: pairs,
      trajectory: trajectory(of: observations))
  }

  /// Wilcoxon's signed-rank test for every pair of `conditions`, each on the `people` with a
  /// `value` in both, p-values Holm-adjusted over the pairs.
  static func pairwise(
    conditions: [Condition], people: [ParticipantCode], value: (ParticipantCode, Condition) -> Double?
  ) -> [PairwiseComparison] {
    var pairs: [PairwiseComparison] = []
    for (index, first) in conditions.enumerated() {
      for second in conditions[(index + 1)...] {
        let both = people.filter { value($0, first) != nil && value($0, second) != nil }
        let firstValues = both.map { value($0, first)! }
        let secondValues = both.map { value($0, second)! }
        pairs.append(
          PairwiseComparison(
            first: first, second: second, participants: both.count, excluded: people.count - both.count,
            differing: zip(firstValues, secondValues).filter { $0 != $1 }.count,
            test: WilcoxonSignedRankTest(firstValues, secondValues), holmAdjustedP: nil))
      }
    }
    let tested = pairs.indices.filter { pairs[$0].test != nil }
    for (index, adjusted) in zip(tested, HolmCorrection.adjust(tested.map { pairs[$0].test!.pValue })) {
      pairs[index].holmAdjustedP = adjusted
    }
    return pairs
  }

  /// The primary analysis of `measure` (``MixedModelAnalysis``).
  static func mixedModel(of measure: StatisticsMeasure, _ observations: [Observation]) -> MixedModelAnalysis {
    guard measure.isContinuous else { return .counts }
    return MixedModelAnalysis(
      linear: observations.map {
        MixedModelObservation(
          participant: $0.participant.rawValue, group: $0.group, site: $0.site, condition: $0.condition,
          session: $0.session,
          hasMemoryDisorder: $0.hasMemoryDisorder, value: $0.value)
      },
      smellImpaired: Set(
        observations.filter { $0.smell == .hyposmic || $0.smell == .anosmic }.map(\.participant.rawValue)))
  }

  /// Per condition and session number, the mean of the participants' means at that session.
  static func trajectory(of observations: [Observation]) -> [TrajectoryPoint] {
    let bySession = Dictionary(grouping: observations) { SessionCell(condition: $0.condition, session: $0.session) }
    return bySession.map { cell, values in
      // Sorted before summing, so the figure does not depend on the order participants were read in.
      let perParticipant = Dictionary(grouping: values, by: \.participant).values.map { answers in
        answers.reduce(0) { $0 + $1.value } / Double(answers.count)
      }.sorted()
      return TrajectoryPoint(
        condition: cell.condition, session: cell.session, participants: perParticipant.count,
        mean: perParticipant.reduce(0, +) / Double(perParticipant.count))
    }
    .sorted { ($0.condition, $0.session) < ($1.condition, $1.session) }
  }

  private struct CellKey: Hashable {
    var participant: ParticipantCode
    var condition: Condition
  }

  private struct SessionCell: Hashable {
    var condition: Condition
    var session: Int
  }
}
