import SessionModel

/// The primary analysis's tables as the study report shows them: per measure, the model fitted,
/// its estimated marginal means per condition and the contrasts with image alone, each with its
/// 95 % interval.
///
/// This is the one place the mixed model (Research/MixedModel) plugs into the reports:
/// ``init(snapshot:)`` fits it and fills the rows; the page's "Analyse principale" section draws
/// whatever rows are here, and says the model is not available when there are none.
public struct PrimaryAnalysisTables: Sendable, Hashable {
  public struct Model: Sendable, Hashable {
    public var measure: StatisticsMeasure
    /// The model in words and formula, e.g. `words ~ condition + session + (1 | participant)`.
    public var formula: String
    /// How degrees of freedom and p-values were obtained (e.g. "REML, Satterthwaite").
    public var method: String
    public var observations: Int
    public var participants: Int
    public var marginalMeans: [Estimate]
    public var contrasts: [Estimate]
  }

  /// An estimate with its 95 % interval; `label` is a condition or a contrast ("image_scent − image").
  public struct Estimate: Sendable, Hashable {
    public var label: String
    public var value: Double
    public var low: Double
    public var high: Double
    public var pValue: Double?
  }

  public var models: [Model]

  /// The mixed models of the study's measures; nil while ConnectAge fits none.
  init?(snapshot: ExportSnapshot) {
    // The mixed model (branch i12-model, Sources/Research/MixedModel) is fitted here once merged.
    return nil
  }

  init(models: [Model]) {
    self.models = models
  }
}
