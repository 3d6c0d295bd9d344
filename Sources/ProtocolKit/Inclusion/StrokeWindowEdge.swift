import SessionModel

/// A participant eligible by the stroke's month alone, whose stroke day decides: the months are
/// counted between calendar months, so in the window's first month since the stroke the
/// participant may still be short of its lower bound, and in its last month already past its
/// upper bound.
public enum StrokeWindowEdge: Hashable, Sendable {
  case mayBeTooEarly(minimumMonths: Int)
  case mayBeTooLate(maximumMonths: Int)

  /// The edge `months` (since the stroke's month) lies on in `allowed`, if any.
  init?(months: Int, allowed: ClosedRange<Int>) {
    if months == allowed.lowerBound {
      self = .mayBeTooEarly(minimumMonths: allowed.lowerBound)
    } else if months == allowed.upperBound {
      self = .mayBeTooLate(maximumMonths: allowed.upperBound)
    } else {
      return nil
    }
  }

  /// What to check, for the inclusion table.
  public func message(on date: CalendarDate) -> LocalizedText {
    switch self {
    case .mayBeTooEarly(let minimum):
      LocalizedText(
        fr: "à vérifier : selon le jour de l'AVC, moins de \(minimum) mois au \(date) possible",
        en: "to check: depending on the stroke's day, possibly under \(minimum) months on \(date)")
    case .mayBeTooLate(let maximum):
      LocalizedText(
        fr: "à vérifier : selon le jour de l'AVC, plus de \(maximum) mois au \(date) possible",
        en: "to check: depending on the stroke's day, possibly over \(maximum) months on \(date)")
    }
  }
}
