import SessionModel

/// Why a participant does not meet a protocol's inclusion criteria, as `participants check` says it.
public enum IneligibilityReason: Hashable, Sendable {
  case strokeMonthMissing
  /// `months` since the stroke at inclusion, outside `allowed`.
  case outsideStrokeWindow(months: Int, allowed: ClosedRange<Int>)
  case strokeCountMissing
  case notASingleStroke(count: Int)
  case lesionSideMissing
  case bilateralLesion
  case languageNotAssessed
  case languageDisorder(LanguageAssessment)
  case smellNotScreened

  /// A short code, for JSON and tests.
  public var code: String {
    switch self {
    case .strokeMonthMissing: "stroke_month_missing"
    case .outsideStrokeWindow: "outside_stroke_window"
    case .strokeCountMissing: "stroke_count_missing"
    case .notASingleStroke: "not_a_single_stroke"
    case .lesionSideMissing: "lesion_side_missing"
    case .bilateralLesion: "bilateral_lesion"
    case .languageNotAssessed: "language_not_assessed"
    case .languageDisorder: "language_disorder"
    case .smellNotScreened: "smell_not_screened"
    }
  }

  /// The reason with what to do, French first.
  public var message: LocalizedText {
    switch self {
    case .strokeMonthMissing:
      LocalizedText(
        fr: "mois de l'AVC non renseigné (--stroke-month AAAA-MM)",
        en: "stroke month not recorded (--stroke-month YYYY-MM)")
    case .outsideStrokeWindow(let months, let allowed):
      LocalizedText(
        fr: "\(months) mois depuis l'AVC à l'inclusion (attendu \(allowed.lowerBound) à \(allowed.upperBound))",
        en: "\(months) months since the stroke at inclusion (expected \(allowed.lowerBound) to \(allowed.upperBound))")
    case .strokeCountMissing:
      LocalizedText(fr: "nombre d'AVC non renseigné (--strokes)", en: "number of strokes not recorded (--strokes)")
    case .notASingleStroke(let count):
      LocalizedText(fr: "\(count) AVC (un seul attendu)", en: "\(count) strokes (a single one expected)")
    case .lesionSideMissing:
      LocalizedText(fr: "côté de la lésion non renseigné (--lesion)", en: "lesion side not recorded (--lesion)")
    case .bilateralLesion:
      LocalizedText(fr: "lésion bilatérale (unilatérale attendue)", en: "bilateral lesion (unilateral expected)")
    case .languageNotAssessed:
      LocalizedText(
        fr: "bilan du langage non renseigné (--language-assessment)",
        en: "language assessment not recorded (--language-assessment)")
    case .languageDisorder(let result):
      LocalizedText(
        fr: "trouble du langage au bilan (\(result.rawValue))",
        en: "language disorder on assessment (\(result.rawValue))")
    case .smellNotScreened:
      LocalizedText(fr: "dépistage olfactif non fait (--smell)", en: "smell screening not done (--smell)")
    }
  }
}
