/// The tense (or non-finite form) of a French verb form, as far as its spelling tells.
public enum VerbTense: String, Hashable, Sendable, Codable {
  case infinitive, present, imperfect, simplePast, future, conditional, pastParticiple, presentParticiple

  /// Imparfait and passé simple narrate the past by themselves; passé composé needs an auxiliary.
  var isPastByItself: Bool { self == .imperfect || self == .simplePast }
}
