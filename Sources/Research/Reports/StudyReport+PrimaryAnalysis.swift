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
  }

  /// An estimate with its 95 % interval; `label` is a condition or a contrast ("image_scent - image").
  public struct Estimate: Sendable, Hashable {
    public var label: String
    public var value: Double
    public var low: Double
    public var high: Double
    public var pValue: Double?
  }

  public var models: [Model]
  /// Measures the model could not be fitted to, with why.
  public var failures: [StatisticsMeasure: LocalizedText]

  /// The linear mixed model of each continuous measure on the snapshot's clinical answers, by
  /// condition delivered; unreviewed speech-recognition drafts left out as in the statistics.
  init(snapshot: ExportSnapshot) {
    let answered = snapshot.analysedAnswers.filter { $0.session.kind == .clinical }
    var models: [Model] = []
    var failures: [StatisticsMeasure: LocalizedText] = [:]
    for measure in StudyReport.measures where !Self.isCount(measure) {
      let observations = answered.compactMap { answer -> MixedModelObservation? in
        if measure.readsTranscript && answer.measures.transcriptSource == .asr { return nil }
        guard let value = measure.value(of: answer), value.isFinite else { return nil }
        return MixedModelObservation(
          participant: answer.answer.participant.rawValue, group: answer.session.group?.rawValue ?? "",
          condition: answer.deliveredCondition, session: answer.session.number, hasMemoryDisorder: false,
          value: value)
      }
      do throws(MixedModelError) {
        let fit = try LinearMixedModel.fit(observations, memoryDisorder: .never)
        func estimate(_ label: String, _ estimate: MixedModelEstimate) -> Estimate {
          Estimate(
            label: label, value: estimate.estimate, low: estimate.lower, high: estimate.upper, pValue: estimate.p)
        }
        models.append(
          Model(
            measure: measure, formula: fit.formula, method: "REML, Satterthwaite", observations: fit.observations,
            participants: fit.participants,
            marginalMeans: fit.marginalMeans.filter { $0.population == nil }.map {
              estimate($0.condition.rawValue, $0.mean)
            },
            contrasts: fit.contrasts.filter { $0.kind == .effect && $0.population == nil }.map {
              estimate($0.difference.name, $0.difference)
            }))
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

  /// Counts take a Poisson or negative-binomial model, which analysis.R fits.
  static func isCount(_ measure: StatisticsMeasure) -> Bool {
    switch measure {
    case .words, .wordsSplit, .memories, .automaticMemories, .ideas, .silentPauses: true
    case .speechDuration, .phonationTime, .silentPausesTotal, .ideaDensity: false
    }
  }
}
