/// One token of a CHAT main tier, as the counters see it.
public enum CHATToken: Hashable, Sendable {
  /// Any word-like token, with its prefix (`&-euh`, `0det`, `xxx`, `p(e)tit@n`).
  case word(String)
  /// The content between `[` and `]`, trimmed: `/`, `//`, `: je sais`, `* p:n`, `+ exc`.
  case annotation(String)
  /// `<` opening a scope for the annotation after the matching `>`.
  case scopeStart
  case scopeEnd
  /// `(.)`, `(..)`, `(...)`, `(1.5)`.
  case pause
  /// `.`, `?`, `!`, `+...`, `+/.` and the other CHAT terminators.
  case terminator(String)
  /// `,`, `;`, `„`, `‡`: clause-level separators, never words.
  case separator
  /// A media bullet in milliseconds.
  case bullet(start: Int, end: Int)
  /// Utterance linkers (`+<`, `+^`, `+"`, `+,`, `++`): not words.
  case linker(String)
}
