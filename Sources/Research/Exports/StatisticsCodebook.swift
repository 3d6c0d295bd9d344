/// The columns of the tables `connectage stats --output` writes, with their type, unit and
/// definition: the tables' header lines are read from here, so the codebook written beside them
/// cannot leave a column out.
enum StatisticsCodebook {
  static let summaryFile = "condition_summary.csv"
  static let testsFile = "condition_tests.csv"
  static let mixedModelFile = "mixed_model.csv"
  static let measureUnit = "the measure's"

  /// Every column of the three tables, in file order.
  static let entries: [CodebookEntry] = summaryColumns + testsColumns + mixedModelColumns

  /// The header of `file`.
  static func columns(of file: String) -> [String] {
    entries.filter { $0.file == file }.map(\.column)
  }

  private static let basis =
    "Whether conditions are the ones delivered (a scent that did not come out makes its trial the same trial without scent) or the ones planned: delivered or planned (stats --by)."

  private static let summaryColumns: [CodebookEntry] = {
    let file = summaryFile
    func summary(_ column: String, _ definition: String) -> CodebookEntry {
      CodebookEntry(file: file, column: column, type: "decimal", unit: measureUnit, definition: definition)
    }
    return [
      CodebookEntry(
        file: file, column: "measure", type: "text", unit: "", definition: "The measure: its column in measures.csv."),
      CodebookEntry(
        file: file, column: "condition", type: "text", unit: "",
        definition: "Cue condition: image, image_game, image_scent or image_game_scent (see condition_basis)."),
      CodebookEntry(
        file: file, column: "participants", type: "integer", unit: "participants",
        definition:
          "Participants with at least one answer measured in this condition; the figures that follow describe their means."
      ),
      CodebookEntry(
        file: file, column: "answers", type: "integer", unit: "answers",
        definition: "Answers measured in this condition, over all those participants."),
      summary("mean", "Mean of the participants' means."),
      summary(
        "sd",
        "Standard deviation of the participants' means (divisor n - 1, as R's sd()); empty below two participants."),
      summary("median", "Median of the participants' means."),
      summary("q1", "First quartile of the participants' means (linear interpolation, R's type 7)."),
      summary("q3", "Third quartile of the participants' means (linear interpolation, R's type 7)."),
      summary(
        "ci95_low", "Lower bound of the 95 % confidence interval of the mean: mean - t(0.975, n - 1) x sd / sqrt(n)."),
      summary("ci95_high", "Upper bound of the 95 % confidence interval of the mean."),
      CodebookEntry(file: file, column: "condition_basis", type: "text", unit: "", definition: basis),
      CodebookEntry(
        file: file, column: "value_sources", type: "text", unit: "",
        definition:
          "Where the analysed values come from, as source=answers separated by ';' (automatic, coder, coders_mean, consensus; for speech_duration_s, onset source+offset source when they differ); empty for measures the review cannot change."
      ),
    ]
  }()

  private static let testsColumns: [CodebookEntry] = {
    let file = testsFile
    return [
      CodebookEntry(
        file: file, column: "measure", type: "text", unit: "", definition: "The measure: its column in measures.csv."),
      CodebookEntry(
        file: file, column: "test", type: "text", unit: "",
        definition: "friedman (all conditions, within participants) or wilcoxon (signed-rank, one pair of conditions)."),
      CodebookEntry(
        file: file, column: "conditions", type: "text", unit: "",
        definition:
          "The conditions compared: all of them joined by '+' (friedman), or the pair 'first-second' (wilcoxon)."),
      CodebookEntry(
        file: file, column: "participants", type: "integer", unit: "participants",
        definition: "Participants in the test: those with a mean in every condition compared."),
      CodebookEntry(
        file: file, column: "excluded", type: "integer", unit: "participants",
        definition: "Participants left out because a condition compared has no answer of theirs."),
      CodebookEntry(
        file: file, column: "statistic", type: "decimal", unit: "",
        definition: "Friedman's chi-square, corrected for ties; Wilcoxon's min(W+, W-), as SciPy reports them."),
      CodebookEntry(
        file: file, column: "df", type: "integer", unit: "",
        definition: "Degrees of freedom of the chi-square (conditions - 1); empty for wilcoxon."),
      CodebookEntry(file: file, column: "p", type: "decimal", unit: "", definition: "Two-sided p-value."),
      CodebookEntry(
        file: file, column: "p_holm", type: "decimal", unit: "",
        definition: "Wilcoxon p-value adjusted by Holm's method over the pairs of this measure; empty for friedman."),
      CodebookEntry(
        file: file, column: "effect", type: "text", unit: "",
        definition: "Which effect size follows: kendall_w or rank_biserial."),
      CodebookEntry(
        file: file, column: "effect_size", type: "decimal", unit: "",
        definition:
          "Kendall's W = chi-square / (n (k - 1)), 0 to 1; or the matched-pairs rank-biserial correlation, -1 to 1."),
      CodebookEntry(
        file: file, column: "method", type: "text", unit: "",
        definition: "How the p-value was computed: chi-square (friedman), exact or normal (wilcoxon)."),
      CodebookEntry(file: file, column: "condition_basis", type: "text", unit: "", definition: basis),
    ]
  }()

  private static let mixedModelColumns: [CodebookEntry] = {
    let file = mixedModelFile
    return [
      CodebookEntry(
        file: file, column: "measure", type: "text", unit: "", definition: "The measure: its column in measures.csv."),
      CodebookEntry(
        file: file, column: "analysis", type: "text", unit: "",
        definition:
          "The participants the model was fitted on: all, or without_smell_impaired (hyposmic and anosmic participants left out)."
      ),
      CodebookEntry(
        file: file, column: "kind", type: "text", unit: "",
        definition:
          "fixed (a coefficient), mean (an estimated marginal mean), effect (a condition minus image alone) or interaction (that effect with minus without memory disorder)."
      ),
      CodebookEntry(
        file: file, column: "population", type: "text", unit: "",
        definition:
          "For means and effects: all (averaged over the populations, equal weights) or the population; empty for coefficients and interactions."
      ),
      CodebookEntry(
        file: file, column: "term", type: "text", unit: "",
        definition: "The coefficient as R's lmer names it, or what the combination is (image_scent - image)."),
      CodebookEntry(file: file, column: "estimate", type: "decimal", unit: measureUnit, definition: "The estimate."),
      CodebookEntry(
        file: file, column: "std_error", type: "decimal", unit: measureUnit, definition: "Its standard error."),
      CodebookEntry(
        file: file, column: "df", type: "decimal", unit: "", definition: "Satterthwaite degrees of freedom."),
      CodebookEntry(file: file, column: "t", type: "decimal", unit: "", definition: "estimate / std_error."),
      CodebookEntry(
        file: file, column: "p", type: "decimal", unit: "", definition: "Two-sided p-value of the t test against zero."),
      CodebookEntry(
        file: file, column: "ci95_low", type: "decimal", unit: measureUnit,
        definition: "Lower bound of the 95 % confidence interval: estimate - t(0.975, df) x std_error."),
      CodebookEntry(
        file: file, column: "ci95_high", type: "decimal", unit: measureUnit, definition: "Upper bound of that interval."
      ),
      CodebookEntry(
        file: file, column: "answers", type: "integer", unit: "answers", definition: "Answers the model was fitted on."),
      CodebookEntry(
        file: file, column: "participants", type: "integer", unit: "participants",
        definition: "Participants the model was fitted on."),
      CodebookEntry(file: file, column: "condition_basis", type: "text", unit: "", definition: basis),
    ]
  }()
}
