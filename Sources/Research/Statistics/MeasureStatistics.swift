import SessionModel

/// Everything `connectage stats` says about one measure.
public struct MeasureStatistics: Hashable, Sendable, Codable {
  public var measure: StatisticsMeasure
  public var conditions: [ConditionSummary]
  /// Across all conditions observed, on the participants who have every one; `nil` below two
  /// conditions or two complete participants, or when every mean ties (``whyFriedmanNotComputed``).
  public var friedman: FriedmanTest?
  /// Participants with a mean in every condition: those Friedman's test ranks.
  public var completeParticipants: Int
  /// Participants with at least one value for the measure but an empty cell, left out of Friedman's test.
  public var excludedFromFriedman: [ParticipantCode]
  public var pairwise: [PairwiseComparison]
  public var trajectory: [TrajectoryPoint]
  /// Stored values that were not numbers (NaN, ±infinity) and were left out of every figure;
  /// `db check` names the answers that hold them.
  public var nonFiniteValuesSkipped: Int
  /// For the measures the review can change (speech duration, words, memories): how many of the
  /// values analysed come from each source (`consensus`, `coder`, `coders_mean`, `automatic`;
  /// `a+b` when a speech duration's onset and offset differ). Nil for the other measures.
  public var sources: [String: Int]?
  /// Answers whose value comes from an unreviewed speech-recognition draft (`transcript_source`
  /// `asr`): left out of every figure, or counted in them when the report includes drafts.
  public var draftAnswers: Int
  /// Whether ``draftAnswers`` are counted in the figures.
  public var includesDrafts: Bool
  /// The primary analysis: the linear mixed model of a continuous measure (with its smell
  /// sensitivity analysis), or the note that counts are modelled by analysis.R.
  public var mixedModel: MixedModelAnalysis?

  public init(
    measure: StatisticsMeasure, conditions: [ConditionSummary], friedman: FriedmanTest?, completeParticipants: Int,
    excludedFromFriedman: [ParticipantCode], pairwise: [PairwiseComparison], trajectory: [TrajectoryPoint],
    nonFiniteValuesSkipped: Int = 0, draftAnswers: Int = 0, includesDrafts: Bool = false
  ) {
    self.measure = measure
    self.conditions = conditions
    self.friedman = friedman
    self.completeParticipants = completeParticipants
    self.excludedFromFriedman = excludedFromFriedman
    self.pairwise = pairwise
    self.trajectory = trajectory
    self.nonFiniteValuesSkipped = nonFiniteValuesSkipped
    self.draftAnswers = draftAnswers
    self.includesDrafts = includesDrafts
  }

  enum CodingKeys: String, CodingKey {
    case measure, conditions, friedman, completeParticipants = "complete_participants"
    case excludedFromFriedman = "excluded_from_friedman", pairwise, trajectory
    case nonFiniteValuesSkipped = "non_finite_values_skipped", sources
    case draftAnswers = "draft_answers", includesDrafts = "includes_drafts", mixedModel = "mixed_model"
  }

  /// How drafts were treated, when this measure had any; `nil` otherwise.
  public var draftsNote: LocalizedText? {
    guard draftAnswers > 0 else { return nil }
    return includesDrafts
      ? LocalizedText(
        fr:
          "dont \(draftAnswers) réponse(s) comptée(s) sur un brouillon de reconnaissance vocale non relu (--include-drafts)",
        en: "including \(draftAnswers) answer(s) counted from an unreviewed speech-recognition draft (--include-drafts)"
      )
      : LocalizedText(
        fr:
          "\(draftAnswers) réponse(s) dont la transcription n'est qu'un brouillon de reconnaissance vocale non relu écartée(s) ; --include-drafts pour les compter",
        en:
          "\(draftAnswers) answer(s) whose transcript is only an unreviewed speech-recognition draft left out; --include-drafts counts them"
      )
  }

  /// What the reader must know when stored values were left out; `nil` when none was.
  public var skippedValuesNote: LocalizedText? {
    guard nonFiniteValuesSkipped > 0 else { return nil }
    return LocalizedText(
      fr:
        "\(nonFiniteValuesSkipped) valeur(s) enregistrée(s) non numérique(s) (NaN, infini) écartée(s) ; « connectage db check » dit lesquelles",
      en:
        "\(nonFiniteValuesSkipped) stored value(s) that are not numbers (NaN, infinity) left out; 'connectage db check' says which"
    )
  }

  /// Where the analysed values come from, when the review changed any (a consensus, a reviewed
  /// mark or a transcript a coder saved), or when memories nobody coded count with their automatic
  /// pre-coding; `nil` when every value is automatic (for memories, a coder's coding).
  public var sourcesNote: LocalizedText? {
    guard let sources else { return nil }
    let usual: Set<String> = measure == .memories ? ["coder"] : ["automatic"]
    guard sources.keys.contains(where: { !usual.contains($0) }) else { return nil }
    let counts = sources.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    return LocalizedText(
      fr: "valeurs analysées (consensus, puis codeur, puis automatique) : \(counts)",
      en: "analysed values (consensus, then coder, then automatic): \(counts)")
  }

  /// Why there is no Friedman test, for the reader of the report; `nil` when there is one.
  public var whyFriedmanNotComputed: LocalizedText? {
    guard friedman == nil else { return nil }
    if conditions.allSatisfy({ $0.values.isEmpty }) {
      // Memories before anyone coded them, typically: nothing is missing from the design.
      return LocalizedText(
        fr: "aucune valeur pour cette mesure dans les séances choisies",
        en: "no value for this measure in the chosen sessions")
    }
    if conditions.count < 2 {
      return LocalizedText(fr: "il faut au moins deux conditions", en: "at least two conditions are needed")
    }
    if completeParticipants == 0 {
      return LocalizedText(fr: "aucun participant n'a toutes les conditions", en: "no participant has every condition")
    }
    if completeParticipants < 2 {
      return LocalizedText(
        fr: "\(completeParticipants) participant(s) avec toutes les conditions ; il en faut au moins deux",
        en: "\(completeParticipants) participant(s) with every condition; at least two are needed")
    }
    // FriedmanTest has no statistic when every participant has the same mean in every condition.
    return LocalizedText(
      fr: "chaque participant a la même moyenne dans toutes les conditions",
      en: "every participant has the same mean in every condition")
  }
}
