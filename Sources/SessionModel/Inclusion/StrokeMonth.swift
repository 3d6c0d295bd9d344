/// The month and year of a stroke: never the day, so the record cannot help identify the patient.
///
/// Inclusion windows are counted in whole calendar months (`months(until:)`), which is how clinical
/// criteria such as "1 to 6 months after the stroke" are read in practice.
public struct StrokeMonth: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  public var year: Int
  public var month: Int

  public init?(year: Int, month: Int) {
    guard (1900...2200).contains(year), (1...12).contains(month) else { return nil }
    self.year = year
    self.month = month
  }

  /// Parses `YYYY-MM`; a full date (`YYYY-MM-DD`) is refused on purpose.
  public init?(_ text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]),
      let month = Int(parts[1])
    else { return nil }
    self.init(year: year, month: month)
  }

  public var description: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }

  private var index: Int { year * 12 + month - 1 }

  /// Whole calendar months from the stroke's month to `date`'s month (a stroke in March seen in
  /// May is 2 months); negative when `date` comes first.
  public func months(until date: CalendarDate) -> Int { date.year * 12 + date.month - 1 - index }

  /// The last day of the month `months` months after the stroke's: the last day on which
  /// `months(until:)` is still at most `months`.
  public func lastDay(monthsLater months: Int) -> CalendarDate {
    let target = index + months
    let year = target / 12
    let month = target % 12 + 1
    return CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))!
  }

  public static func < (left: StrokeMonth, right: StrokeMonth) -> Bool { left.index < right.index }
}

/// The side of the brain the stroke touched.
public enum LesionSide: String, CaseIterable, Sendable, Codable {
  case left, right
  /// Both hemispheres, or a brainstem lesion with signs on both sides.
  case bilateral
}

/// The aphasia assessment's verdict on comprehension and expression.
public enum LanguageAssessment: String, CaseIterable, Sendable, Codable {
  case notAssessed = "not_assessed"
  /// No comprehension and no expression disorder.
  case noDisorder = "no_disorder"
  case comprehensionDisorder = "comprehension_disorder"
  case expressionDisorder = "expression_disorder"
  case bothDisorders = "both_disorders"
}
