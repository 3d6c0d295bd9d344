/// Why a word counts as a proposition (idea unit), after CPIDR's part-of-speech classes.
public enum PropositionKind: String, Hashable, Sendable, Codable, CaseIterable {
  case verb, adjective, adverb, negation, preposition, conjunction, determiner, relative, number
}
