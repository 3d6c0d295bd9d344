import SessionModel

/// The primary analysis's tables as the study report shows them: per measure, the model fitted,
/// its estimated marginal means per condition and the contrasts with image alone, each with its
/// 95 % interval.
///
/// This is the one place the mixed model (``LinearMixedModel``) plugs into the reports:
/// ``init(snapshot:)`` fits it to each continuous measure of ``StudyReport/measures`` and fills the
/// rows; the page's "Analyse principale" section draws them, and says for the counts (words,
/// memories) that their Poisson or negative-binomial model is fitted by `analysis.R`.
public struct PrimaryAnalysisTables: Sendable, Hashable {
  public struct Model: Sendable, Hashable {
    public var measure: StatisticsMeasure
    /// The model in lme4's notation, e.g. `value ~ condition + session_number + (1 | participant)`.
    public var formula: String
    /// How degrees of freedom and p-values were obtained (e.g. "REML, Satterthwaite").
    public var method: String
    public var observations: Int
    public var participants: Int
    public var marginalMeans: [Estimate]
    public var contrasts: [Estimate]
    /// Whether the model has memory-disorder status and its interaction with condition (when the
    /// study has both populations), so `contrasts` also holds each population's effects.
    public var includesMemoryDisorder = false
  }

  /// An estimate with its 95 % interval; `label` is a condition or a contrast ("image_scent - image").
  public struct Estimate: Sendable, Hashable {
    public var label: String
    public var value: Double
    public var low: Double
    public var high: Double
    public var pValue: Double?
    /// For an effect: `pValue` adjusted by Holm's method over the model's effects.
    public var holmAdjustedP: Double?
    /// The population a contrast is estimated in; nil averaged over both (or only one population).
    public var population: MemoryPopulation?
    /// A difference between the populations' effects (with minus without a memory disorder).
    public var isInteraction = false
  }

  public var models: [Model]
  /// Measures the model could not be fitted to, with why.
  public var failures: [StatisticsMeasure: LocalizedText]

  /// The linear mixed model of each continuous measure on the snapshot's clinical answers, by
  /// condition delivered; unreviewed speech-recognition drafts left out as in the statistics. With
  /// both populations it is the model of `stats`: memory-disorder status × condition.
  init(snapshot: ExportSnapshot) {
    let answered = snapshot.analysedAnswers.filter { $0.session.kind == .clinical }
    var models: [Model] = []
    var failures: [StatisticsMeasure: LocalizedText] = [:]
    for measure in StudyReport.measures where measure.isContinuous {
      let observations = answered.compactMap { answer -> MixedModelObservation? in
        if measure.readsDraft(of: answer) { return nil }
        guard let value = measure.value(of: answer), value.isFinite else { return nil }
        return MixedModelObservation(
          participant: answer.answer.participant.rawValue, group: answer.session.group?.rawValue ?? "",
          site: answer.group?.site?.rawValue ?? "", condition: answer.deliveredCondition,
          session: answer.session.number,
          hasMemoryDisorder: answer.participant?.hasMemoryDisorder ?? false, value: value)
      }
      do throws(MixedModelError) {
        let fit = try LinearMixedModel.fit(observations)
        func estimate(
          _ label: String, _ estimate: MixedModelEstimate, in population: MemoryPopulation? = nil,
          holm: Double? = nil, isInteraction: Bool = false
        ) -> Estimate {
          Estimate(
            label: label, value: estimate.estimate, low: estimate.lower, high: estimate.upper, pValue: estimate.p,
            holmAdjustedP: holm, population: population, isInteraction: isInteraction)
        }
        // Averaged over the populations first, then in each, then how they differ.
        let effects = fit.contrasts.filter { $0.kind == .effect }
          .sorted { ($0.population == nil ? 0 : 1) < ($1.population == nil ? 0 : 1) }
        let interactions = fit.contrasts.filter { $0.kind == .interaction }
        models.append(
          Model(
            measure: measure, formula: fit.formula, method: "REML, Satterthwaite", observations: fit.observations,
            participants: fit.participants,
            marginalMeans: fit.marginalMeans.filter { $0.population == nil }.map {
              estimate($0.condition.rawValue, $0.mean)
            },
            contrasts: effects.map {
              estimate($0.difference.name, $0.difference, in: $0.population, holm: $0.holmAdjustedP)
            }
              + interactions.map {
                estimate("\($0.condition.rawValue) - \($0.reference.rawValue)", $0.difference, isInteraction: true)
              },
            includesMemoryDisorder: fit.includesMemoryDisorder))
      } catch {
        failures[measure] = error.message
      }
    }
    self.models = models
    self.failures = failures
  }

  init(models: [Model], failures: [StatisticsMeasure: LocalizedText] = [:]) {
    self.models = models
    self.failures = failures
  }
}
