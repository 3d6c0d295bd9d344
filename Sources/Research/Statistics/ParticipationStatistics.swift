import SessionModel

/// Whether present participants answer at all, per condition: the outcome `measures.csv` cannot
/// show, since a trial nobody answered has no row there (`participation.csv` has one).
///
/// The unit is the participant, as for the measures: each participant's proportion of presented
/// trials answered in a condition, over all their sessions. The test across conditions is
/// Friedman's on those proportions (ties corrected, participants with a trial in every condition).
/// When every participant has one trial per condition the proportions are 0 or 1, and the
/// tie-corrected Friedman statistic is then exactly Cochran's Q; with several trials per condition
/// it is the rank test of the proportions, which Cochran's Q (one binary value per cell) cannot
/// take without discarding trials. Pairs of conditions are compared as for the measures: Wilcoxon's
/// signed-rank test on the proportions, Holm-adjusted.
///
/// Rows of participants who left early are left out (``leftEarlyTrialsExcluded``): the trials shown
/// after they left would count as unanswered. So are trials whose evocation question never came up
/// (``notAskedTrialsExcluded``): nobody was asked them.
public struct ParticipationStatistics: Hashable, Sendable, Codable {
  /// Conditions with at least one presented trial, in protocol order.
  public var conditions: [ParticipationSummary]
  public var friedman: FriedmanTest?
  /// Wilcoxon's signed-rank test on the proportions for every pair of conditions, Holm-adjusted, as
  /// for the measures.
  public var pairwise: [PairwiseComparison]
  /// Participants with a presented trial in every condition: those the test ranks.
  public var completeParticipants: Int
  public var excludedFromFriedman: [ParticipantCode]
  /// Whether every complete participant met exactly one trial per condition, so that the
  /// statistic is Cochran's Q.
  public var isCochranQ: Bool
  /// Presented trials of participants who left early, not counted.
  public var leftEarlyTrialsExcluded: Int
  /// Rows of trials shown and never asked (participant × trial), not counted.
  public var notAskedTrialsExcluded: Int

  public init(rows: [ParticipationRow], by basis: ConditionBasis) {
    let clinical = rows.filter { $0.session.kind == .clinical }
    let counted = clinical.filter { $0.attendance != .leftEarly && $0.wasAsked }
    leftEarlyTrialsExcluded = clinical.filter { $0.attendance == .leftEarly }.count
    notAskedTrialsExcluded = clinical.filter { $0.attendance != .leftEarly && !$0.wasAsked }.count
    struct Cell: Hashable {
      var participant: ParticipantCode
      var condition: Condition
    }
    let cells = Dictionary(grouping: counted) {
      Cell(participant: $0.participantCode, condition: $0.condition(by: basis))
    }
    func proportion(_ cell: Cell) -> Double? {
      cells[cell].map { trials in Double(trials.filter(\.answered).count) / Double(trials.count) }
    }
    let conditions = Set(counted.map { $0.condition(by: basis) }).sorted()
    let people = Set(counted.map(\.participantCode)).sorted()
    self.conditions = conditions.map { condition in
      let trials = counted.filter { $0.condition(by: basis) == condition }
      return ParticipationSummary(
        condition: condition, presented: trials.count, answered: trials.filter(\.answered).count,
        values: people.compactMap { proportion(Cell(participant: $0, condition: condition)) })
    }
    let complete = people.filter { person in
      conditions.allSatisfy { cells[Cell(participant: person, condition: $0)] != nil }
    }
    completeParticipants = complete.count
    excludedFromFriedman = people.filter { !complete.contains($0) }
    friedman = FriedmanTest(
      blocks: complete.map { person in conditions.map { proportion(Cell(participant: person, condition: $0))! } })
    pairwise = StatisticsReport.pairwise(conditions: conditions, people: people) {
      proportion(Cell(participant: $0, condition: $1))
    }
    isCochranQ =
      !complete.isEmpty
      && complete.allSatisfy { person in
        conditions.allSatisfy { cells[Cell(participant: person, condition: $0)]?.count == 1 }
      }
  }

  enum CodingKeys: String, CodingKey {
    case conditions, friedman, pairwise, completeParticipants = "complete_participants"
    case excludedFromFriedman = "excluded_from_friedman", isCochranQ = "is_cochran_q"
    case leftEarlyTrialsExcluded = "left_early_trials_excluded", notAskedTrialsExcluded = "not_asked_trials_excluded"
  }

  /// Why there is no test, for the reader; `nil` when there is one.
  public var whyFriedmanNotComputed: LocalizedText? {
    guard friedman == nil else { return nil }
    if conditions.isEmpty {
      return LocalizedText(
        fr: "aucun essai présenté à un participant dont la présence est enregistrée",
        en: "no trial presented to a participant whose attendance is recorded")
    }
    if conditions.count < 2 {
      return LocalizedText(fr: "il faut au moins deux conditions", en: "at least two conditions are needed")
    }
    if completeParticipants < 2 {
      return LocalizedText(
        fr: "\(completeParticipants) participant(s) avec toutes les conditions ; il en faut au moins deux",
        en: "\(completeParticipants) participant(s) with every condition; at least two are needed")
    }
    return LocalizedText(
      fr: "chaque participant a la même proportion de réponses dans toutes les conditions",
      en: "every participant has the same proportion answered in every condition")
  }
}
