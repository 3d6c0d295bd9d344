import SessionModel
import SpeechKit
import Store

/// A per-answer measure that `connectage stats` summarises, named by its `measures.csv` column.
public enum StatisticsMeasure: String, CaseIterable, Hashable, Sendable, Codable {
  case speechDuration = "speech_duration_s"
  case phonationTime = "phonation_time_s"
  case silentPauses = "silent_pauses_n"
  case silentPausesTotal = "silent_pauses_total_s"
  case words
  case wordsSplit = "words_split"
  case ideas = "ideas_n"
  case ideaDensity = "idea_density"
  case automaticMemories = "memories_auto_n"
  case memories = "memories_n"

  /// The measures a report shows when none is chosen: the trial's primary outcomes, with the
  /// three continuous ones (speech duration, phonation time, idea density) the mixed model fits.
  public static let defaults: [StatisticsMeasure] = [
    .speechDuration, .phonationTime, .silentPauses, .words, .ideas, .ideaDensity, .memories,
  ]

  /// The axis label, with the unit.
  public var label: LocalizedText {
    switch self {
    case .speechDuration: LocalizedText(fr: "Durée de parole (s)", en: "Speech duration (s)")
    case .phonationTime: LocalizedText(fr: "Temps de phonation (s)", en: "Phonation time (s)")
    case .silentPauses: LocalizedText(fr: "Pauses silencieuses (nombre)", en: "Silent pauses (count)")
    case .silentPausesTotal: LocalizedText(fr: "Durée des pauses (s)", en: "Pause time (s)")
    case .words: LocalizedText(fr: "Mots", en: "Words")
    case .wordsSplit: LocalizedText(fr: "Mots (élisions séparées)", en: "Words (elisions split)")
    case .ideas: LocalizedText(fr: "Idées", en: "Ideas")
    case .ideaDensity: LocalizedText(fr: "Densité d'idées (pour 10 mots)", en: "Idea density (per 10 words)")
    case .automaticMemories: LocalizedText(fr: "Souvenirs (automatique)", en: "Memories (automatic)")
    case .memories: LocalizedText(fr: "Souvenirs (analysés)", en: "Memories (analysed)")
    }
  }

  /// Whether the value is read from the transcript's words, so that an unreviewed draft's would be
  /// provisional. Timing never is: a draft's answer is timed on the audio (SpeechKit's
  /// `AnswerMeasurement`); coded memories are a coder's reading (but see ``readsDraft(of:)``).
  public var readsTranscript: Bool {
    switch self {
    case .words, .wordsSplit, .ideas, .ideaDensity, .automaticMemories: true
    case .speechDuration, .phonationTime, .silentPauses, .silentPausesTotal, .memories: false
    }
  }

  /// Whether the answer's value is read from an unreviewed speech-recognition draft: a measure
  /// that reads the transcript, or memories nobody coded (their automatic pre-coding reads it).
  func readsDraft(of answer: AnalysedAnswer) -> Bool {
    guard answer.measures.transcriptSource == .asr else { return false }
    return readsTranscript || (self == .memories && answer.memories.source == .automatic)
  }

  /// Whether the primary analysis models the measure as continuous (a linear mixed model, fitted
  /// here) rather than as a count (a Poisson or negative-binomial mixed model, in analysis.R).
  public var isContinuous: Bool {
    switch self {
    case .speechDuration, .phonationTime, .silentPausesTotal, .ideaDensity: true
    case .silentPauses, .words, .wordsSplit, .ideas, .automaticMemories, .memories: false
    }
  }

  /// The answer's analysed value, or `nil` when it was not measured: times, words and memories
  /// follow the source rule of the exports (consensus, coder, automatic).
  func value(of answer: AnalysedAnswer) -> Double? {
    let measures = answer.measures
    return switch self {
    case .speechDuration: answer.speechDurationSeconds
    case .phonationTime: measures.speakingTimeSeconds
    case .silentPauses: measures.pauseCount.map(Double.init)
    case .silentPausesTotal: measures.pauseTotalSeconds
    case .words: answer.words.value.map(Double.init)
    case .wordsSplit: measures.wordsSplit.map(Double.init)
    case .ideas: measures.ideas.map(Double.init)
    case .ideaDensity: answer.ideaDensity
    case .automaticMemories: measures.automaticMemories.map(Double.init)
    case .memories: answer.memories.value.map(Double.init)
    }
  }

  /// Where the answer's value comes from, for the measures the review can change; nil for the others.
  func source(of answer: AnalysedAnswer) -> String? {
    switch self {
    case .speechDuration:
      let (onset, offset) = (answer.firstWordOnset.source, answer.lastWordOffset.source)
      return onset == offset ? onset.rawValue : "\(onset.rawValue)+\(offset.rawValue)"
    case .words: return answer.words.source.rawValue
    case .memories: return answer.memories.source.rawValue
    case .phonationTime, .silentPauses, .silentPausesTotal, .wordsSplit, .ideas, .ideaDensity, .automaticMemories:
      return nil
    }
  }
}
