import Foundation

/// Finds the therapist's question at the start of a speech-recognition draft, so the patient's
/// answer (and its first word) starts after it.
///
/// In a group room the recording often begins while the question is still being asked. The
/// protocol knows the question's text; the recogniser writes it with its own mistakes ("à quoi
/// sa vous fait", a dropped "nous", "Racontez-nous" in two words) and the recording may start in
/// its middle. So the match is on letters, not words: accents, case, punctuation and spaces are
/// dropped, and the first k words of the draft are aligned with the end of the prompt (its
/// beginning may be missing) by edit distance. The k with the best similarity wins, provided it
/// reaches ``minimumSimilarity`` and covers enough of the prompt to be more than a chance word.
public struct PromptMatcher: Sendable {
  /// The prompt's letters, folded (`aquoicelavousfaitilpenser…`).
  public let promptLetters: [Character]
  /// The lowest similarity accepted as the prompt: found on the synthetic set (docs/PERFORMANCE.md).
  public var minimumSimilarity = 0.7
  /// The least share of the prompt's letters the matched words must cover.
  public var minimumCoverage = 0.35

  public init(prompt: String) {
    promptLetters = Self.letters(of: prompt)
  }

  /// The prompt at the start of `words` (the draft's words in time order), or nil when the draft
  /// does not begin with it.
  public func match(_ words: [TimedWord]) -> PromptMatch? {
    guard !promptLetters.isEmpty else { return nil }
    // A prompt read with a few inserted words is still the prompt; much longer is the answer.
    let longest = promptLetters.count * 2 + 10
    var draft: [Character] = []
    var best: PromptMatch?
    for (index, word) in words.enumerated() {
      draft += Self.letters(of: word.text)
      if draft.count > longest { break }
      guard Double(draft.count) >= max(4, minimumCoverage * Double(promptLetters.count)) else { continue }
      let distance = Self.distanceToPromptEnd(draft, promptLetters)
      let similarity = 1 - Double(distance) / Double(draft.count)
      guard similarity >= minimumSimilarity else { continue }
      if similarity >= (best?.similarity ?? 0) {
        best = PromptMatch(wordCount: index + 1, similarity: similarity, end: word.end)
      }
    }
    return best
  }

  /// Lower-case letters and digits without accents: what survives any recogniser's spelling.
  public static func letters(of text: String) -> [Character] {
    let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "fr_FR"))
    return folded.lowercased().filter { $0.isLetter || $0.isNumber }.map { $0 }
  }

  /// The edit distance between `draft` and the best-matching ending of `prompt`: skipping the
  /// prompt's beginning is free (the recording started late), every other edit costs one.
  static func distanceToPromptEnd(_ draft: [Character], _ prompt: [Character]) -> Int {
    // Row i holds the distances of draft[0..<i] against prompt[s..<j], minimised over s.
    var previous = [Int](repeating: 0, count: prompt.count + 1)
    var current = previous
    for i in 1...draft.count {
      current[0] = i
      for j in 1...prompt.count {
        let substitution = previous[j - 1] + (draft[i - 1] == prompt[j - 1] ? 0 : 1)
        current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
      }
      swap(&previous, &current)
    }
    return previous[prompt.count]
  }
}
