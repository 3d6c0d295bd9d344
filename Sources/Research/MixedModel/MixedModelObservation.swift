import SessionModel

/// One answer's value with everything the linear mixed model conditions on.
public struct MixedModelObservation: Hashable, Sendable {
  public var participant: String
  /// The group the answer was recorded with; the model gives each participant the group they
  /// attended most often (their own, when a make-up was done with another group).
  public var group: String
  /// The site the answer comes from (its group's); answers from one site only leave the site out
  /// of the model.
  public var site: String
  public var condition: Condition
  public var session: Int
  public var hasMemoryDisorder: Bool
  public var value: Double

  public init(
    participant: String, group: String, site: String = "", condition: Condition, session: Int,
    hasMemoryDisorder: Bool, value: Double
  ) {
    self.participant = participant
    self.group = group
    self.site = site
    self.condition = condition
    self.session = session
    self.hasMemoryDisorder = hasMemoryDisorder
    self.value = value
  }
}

/// A population of the trial, by memory-disorder status.
public enum MemoryPopulation: String, CaseIterable, Hashable, Sendable, Codable {
  case withoutMemoryDisorder = "without_memory_disorder"
  case withMemoryDisorder = "with_memory_disorder"

  public var label: LocalizedText {
    switch self {
    case .withoutMemoryDisorder: LocalizedText(fr: "sans trouble mnésique", en: "without memory disorder")
    case .withMemoryDisorder: LocalizedText(fr: "avec trouble mnésique", en: "with memory disorder")
    }
  }
}
