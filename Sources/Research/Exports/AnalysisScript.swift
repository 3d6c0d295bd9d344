import SessionModel

/// `analysis.R`, written beside `measures.csv` by every `connectage export all`: the trial's
/// primary analysis in R, readable and runnable as it is (`Rscript analysis.R` in the export
/// folder). It fits the models `connectage stats` reports (the linear mixed model with lmerTest's
/// Satterthwaite tests) and those ConnectAge does not fit (Poisson with lme4, negative binomial
/// with glmmTMB, for words and memories), with the memory-disorder interaction and the smell
/// sensitivity analysis, and the mixed logistic model of whether present participants answered
/// (`participation.csv`), and writes its tables into `analysis/`. docs/exports-and-statistics.md
/// states the models.
public struct AnalysisScript: ExportWriter {
  public static let fileName = "analysis.R"

  public init() {}

  public var readsTranscripts: Bool { false }

  public func files(for snapshot: ExportSnapshot) throws -> [ExportedFile] {
    [ExportedFile(name: Self.fileName, contents: Self.text + "\n", rowCount: 0)]
  }

  public func summary(of files: [ExportedFile]) -> LocalizedText {
    LocalizedText(fr: "\(Self.fileName) (analyse principale en R)", en: "\(Self.fileName) (primary analysis in R)")
  }
}
