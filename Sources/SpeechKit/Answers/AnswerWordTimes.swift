/// The timed tokens that place an answer's speech, as the measures define it
/// (docs/speech-measures.md, `t_first_word` and `t_last_word_end`).
///
/// The span runs from the first to the last *countable* word: a filler, a fragment or an
/// unintelligible token before the first word or after the last is vocal but not the answer's
/// words, so it neither starts nor ends the answer. Inside the span every vocal token fills the
/// speech, so a filler between two words is phonation, not a pause. An utterance marked `[+ exc]`
/// is left out of every measure, its times included.
enum AnswerWordTimes {
  /// The tokens of `utterances` inside the span, in time order; empty when no word is countable.
  static func speech(of utterances: [Utterance], rules: WordCountRules) -> [TimedWord] {
    let counter = FrenchWordCounter(rules: rules)
    let kept = utterances.filter { !counter.count(utterance: $0.text).isExcluded }.flatMap(\.words)
      .sorted { $0.start < $1.start }
    let countable = kept.filter { isCountable($0.text, rules: rules) }
    guard let first = countable.first?.start, let last = countable.map(\.end).max() else { return [] }
    return kept.filter { $0.end > first && $0.start < last }.map {
      TimedWord(text: $0.text, start: max($0.start, first), end: min($0.end, last))
    }
  }

  /// Whether the word times place all of the answer's words: every utterance kept (not `[+ exc]`)
  /// with a countable word has word times, and no countable word of its `%wor` lacks one. Otherwise
  /// the time an unplaced word was spoken in would read as a silent pause, or the span would start
  /// or end at the wrong word, so the audio times the answer instead; no time is made up for it.
  ///
  /// A TextGrid interval or an ASR segment of several sentences gives its words to the first
  /// sentence's utterance: the others, same speaker and same interval, are placed by them.
  static func placeAllTheWords(of utterances: [Utterance], rules: WordCountRules) -> Bool {
    let counter = FrenchWordCounter(rules: rules)
    let timedIntervals = Set(utterances.filter { !$0.words.isEmpty }.map(Interval.init))
    return utterances.allSatisfy { utterance in
      let counted = counter.count(utterance: utterance.text)
      guard !counted.isExcluded, !counted.words.isEmpty else { return true }
      if utterance.untimedWords.contains(where: { isCountable($0, rules: rules) }) { return false }
      return !utterance.words.isEmpty || (utterance.start != nil && timedIntervals.contains(Interval(utterance)))
    }
  }

  /// An utterance's speaker and times, as the reader took them from one interval or segment.
  private struct Interval: Hashable {
    var speaker: String
    var start: Double?
    var end: Double?

    init(_ utterance: Utterance) {
      speaker = utterance.speaker
      start = utterance.start
      end = utterance.end
    }
  }

  /// Whether a timed token is a countable word: not a CHAT filler, fragment, nonword or event
  /// (`&-euh`, `&+fr`, `&~gaga`, `&=rit`), not an unintelligible or untranscribed token, not an
  /// omitted word, and not a hesitation spelled out (`euh` in a TextGrid words tier).
  static func isCountable(_ text: String, rules: WordCountRules) -> Bool {
    let token = text.trimmingWhitespace()
    guard FrenchWordCounter.isCountable(token), let word = CHATWordForm.spokenWord(token) else { return false }
    return !rules.spokenFillers.contains(word.lowercased())
  }
}
