/// The columns of the tables `connectage stats --output` writes, with their type, unit and
/// definition: the tables' header lines are read from here, so the codebook written beside them
/// cannot leave a column out.
enum StatisticsCodebook {
  static let summaryFile = "condition_summary.csv"
  static let testsFile = "condition_tests.csv"
  static let mixedModelFile = "mixed_model.csv"
  /// The participation's rows in the summary and tests tables: the column of participation.csv.
  static let answeredMeasure = "answered"

  /// The unit of a summary or test column: each row is in the unit of its `measure`, any measure
  /// `stats` can summarise.
  /// `answered` is a proportion of trials, from 0 to 1.
  static let summaryUnit = unitOfMeasure(among: StatisticsMeasure.allCases, also: ["proportion"])

  /// The unit of an estimate of the mixed model, fitted on the continuous measures only; the
  /// session's coefficient is a change per session.
  static let modelUnit = unitOfMeasure(
    among: StatisticsMeasure.allCases.filter(\.isContinuous), perSession: "session_number")

  /// What a unit cell says of a column whose rows hold several measures: that the unit is the row's
  /// measure's, and which units that can be, named as measures.csv's codebook names them
  /// ("unit of the row's measure: s, words or memories"), so a reader needs no other file.
  static func unitOfMeasure(among measures: [StatisticsMeasure], perSession term: String? = nil, also: [String] = [])
    -> String
  {
    var units: [String] = []
    for measure in measures {
      guard let unit = Codebook.measureColumns.first(where: { $0.entry.column == measure.rawValue })?.entry.unit
      else { preconditionFailure("\(measure.rawValue) is not a column of \(Codebook.measuresFile)") }
      if !units.contains(unit) { units.append(unit) }
    }
    units += also
    let listed = units.count < 2 ? units.joined() : units.dropLast().joined(separator: ", ") + " or " + units.last!
    return "unit of the row's measure" + (term.map { " (per session for \($0))" } ?? "") + ": " + listed
  }

  /// Every column of the three tables, in file order.
  static let entries: [CodebookEntry] = summaryColumns + testsColumns + mixedModelColumns

  /// The header of `file`.
  static func columns(of file: String) -> [String] {
    entries.filter { $0.file == file }.map(\.column)
  }

  /// A column: its name, type, unit and definition.
  private typealias Column = (name: String, type: String, unit: String, definition: String)

  /// The first column of every table.
  private static let measure: Column = (
    "measure", "text", "",
    "The measure: its column in measures.csv, or answered (participation.csv: whether present participants answered the trials presented, as each participant's proportion answered in the condition)."
  )

  /// The last column of every table but the summary's, which adds where its values come from.
  private static let basis: Column = (
    "condition_basis", "text", "",
    "Whether conditions are the ones delivered (a scent that did not come out makes its trial the same trial without scent) or the ones planned: delivered or planned (stats --by)."
  )

  private static func table(_ file: String, _ columns: [Column]) -> [CodebookEntry] {
    columns.map { CodebookEntry(file: file, column: $0.name, type: $0.type, unit: $0.unit, definition: $0.definition) }
  }

  private static let summaryColumns = table(
    summaryFile,
    [
      measure,
      (
        "condition", "text", "",
        "Cue condition: image, image_game, image_scent or image_game_scent (see condition_basis)."
      ),
      (
        "participants", "integer", "participants",
        "Participants with at least one answer measured in this condition (for answered, with at least one trial presented); the figures that follow describe their means (for answered, their proportions answered)."
      ),
      (
        "answers", "integer", "answers",
        "Answers measured in this condition, over all those participants; for answered, the trials presented to them (participant x trial)."
      ),
      ("mean", "decimal", summaryUnit, "Mean of the participants' means."),
      (
        "sd", "decimal", summaryUnit,
        "Standard deviation of the participants' means (divisor n - 1, as R's sd()); empty below two participants."
      ),
      ("median", "decimal", summaryUnit, "Median of the participants' means."),
      ("q1", "decimal", summaryUnit, "First quartile of the participants' means (linear interpolation, R's type 7)."),
      ("q3", "decimal", summaryUnit, "Third quartile of the participants' means (linear interpolation, R's type 7)."),
      (
        "ci95_low", "decimal", summaryUnit,
        "Lower bound of the 95 % confidence interval of the mean: mean - t(0.975, n - 1) x sd / sqrt(n)."
      ),
      ("ci95_high", "decimal", summaryUnit, "Upper bound of the 95 % confidence interval of the mean."),
      basis,
      (
        "value_sources", "text", "",
        "Where the analysed values come from, as source=answers separated by ';' (automatic, coder, coders_mean, consensus; for speech_duration_s, onset source+offset source when they differ); empty for measures the review cannot change."
      ),
    ])

  private static let testsColumns = table(
    testsFile,
    [
      measure,
      (
        "test", "text", "",
        "friedman (all conditions, within participants; for answered, on the participants' proportions answered, which is Cochran's Q when each participant met one trial per condition) or wilcoxon (signed-rank, one pair of conditions)."
      ),
      (
        "conditions", "text", "",
        "The conditions compared: all of them joined by '+' (friedman), or the pair 'first-second' (wilcoxon)."
      ),
      (
        "participants", "integer", "participants",
        "Participants in the test: those with a mean in every condition compared."
      ),
      (
        "excluded", "integer", "participants",
        "Participants left out because a condition compared has no answer of theirs (for answered, no trial presented to them)."
      ),
      (
        "statistic", "decimal", "",
        "Friedman's chi-square, corrected for ties; Wilcoxon's min(W+, W-), as SciPy reports them."
      ),
      ("df", "integer", "", "Degrees of freedom of the chi-square (conditions - 1); empty for wilcoxon."),
      ("p", "decimal", "", "Two-sided p-value (six decimals; below 0.0001, three significant digits)."),
      (
        "p_holm", "decimal", "",
        "Wilcoxon p-value adjusted by Holm's method over the pairs of this measure; empty for friedman."
      ),
      ("effect", "text", "", "Which effect size follows: kendall_w or rank_biserial."),
      (
        "effect_size", "decimal", "",
        "Kendall's W = chi-square / (n (k - 1)), 0 to 1; or the matched-pairs rank-biserial correlation, -1 to 1."
      ),
      ("method", "text", "", "How the p-value was computed: chi-square (friedman), exact or normal (wilcoxon)."),
      basis,
    ])

  private static let mixedModelColumns = table(
    mixedModelFile,
    [
      measure,
      (
        "analysis", "text", "",
        "The participants the model was fitted on: all, or without_smell_impaired (hyposmic and anosmic participants left out)."
      ),
      (
        "kind", "text", "",
        "fixed (a coefficient), mean (an estimated marginal mean), effect (a condition minus image alone) or interaction (that effect with minus without memory disorder)."
      ),
      (
        "population", "text", "",
        "For means and effects: all (averaged over the populations, equal weights) or the population; empty for coefficients and interactions."
      ),
      ("term", "text", "", "The coefficient as R's lmer names it, or what the combination is (image_scent - image)."),
      ("estimate", "decimal", modelUnit, "The estimate."),
      ("std_error", "decimal", modelUnit, "Its standard error."),
      ("df", "decimal", "", "Satterthwaite degrees of freedom."),
      ("t", "decimal", "", "estimate / std_error."),
      (
        "p", "decimal", "",
        "Two-sided p-value of the t test against zero (six decimals; below 0.0001, three significant digits)."
      ),
      (
        "p_holm", "decimal", "",
        "For an effect: p adjusted by Holm's method over the effects of the same fit (each condition against image alone, averaged and in each population), as R's p.adjust(method = \"holm\"); empty for coefficients, means and interactions."
      ),
      (
        "ci95_low", "decimal", modelUnit,
        "Lower bound of the 95 % confidence interval: estimate - t(0.975, df) x std_error."
      ),
      ("ci95_high", "decimal", modelUnit, "Upper bound of that interval."),
      ("answers", "integer", "answers", "Answers the model was fitted on."),
      ("participants", "integer", "participants", "Participants the model was fitted on."),
      basis,
    ])
}
