import Foundation
import SessionModel

/// Reads ASR output with word times, Whisper / WhisperX style: `segments[].words[]` with
/// `word`, `start`, `end` (and an optional `speaker` from diarization), or `words` at top level.
///
/// Each sentence of a segment becomes an utterance of its speaker (`PAR` when none is given); a
/// top-level word list is cut into utterances at sentence-final punctuation. Where diarization
/// gives each word its speaker, a change of speaker ends the utterance too: a segment that holds
/// the end of the therapist's prompt and the patient's first words is two speakers' words. Timed words keep
/// their times and lose the punctuation ASR prints with them, as `%wor` holds them; the main tier
/// is normalised as plain text (`euh` → `&-euh`, "le le" → `le [/] le`), because ASR has no French
/// filler list.
public enum ASRJSONReader {
  public static func read(url: URL, speaker: String = "PAR") throws(TranscriptReadError) -> Transcript {
    try read(TranscriptFile.contents(of: url), file: url.path, speaker: speaker)
  }

  public static func read(_ data: Data, file: String = "<entrée>", speaker: String = "PAR")
    throws(TranscriptReadError) -> Transcript
  {
    let document: Document
    do {
      document = try JSONDecoder().decode(Document.self, from: data)
    } catch let error as DecodingError {
      throw positionedError(error, data: data, file: file)
    } catch {
      throw TranscriptReadError(
        file: file, line: 1, column: 1,
        reason: LocalizedText(fr: "JSON illisible", en: "unreadable JSON"))
    }
    guard document.segments != nil || document.words != nil else {
      throw TranscriptReadError(
        file: file, line: 1, column: 1,
        reason: LocalizedText(
          fr: "ni « segments » ni « words » : ce n'est pas une sortie ASR avec temps des mots",
          en: "neither 'segments' nor 'words': not ASR output with word times"))
    }
    let positions = JSONValuePositions.positions(in: [UInt8](data))
    try checkTimes(of: document, positions: positions, file: file)
    let normalizer = PlainTextNormalizer()
    var utterances: [Utterance] = []
    func append(
      words: [Word], text: String?, start: Double?, end: Double?, speaker: String, path: String
    ) throws(TranscriptReadError) {
      // As spoken, punctuation included: it says where each sentence ends.
      let spokenWords = words.compactMap { word -> TimedWord? in
        guard let text = word.spoken, let start = word.start, let end = word.end else { return nil }
        return TimedWord(text: text, start: start, end: end)
      }
      let spoken = text ?? words.compactMap(\.spoken).joined(separator: " ")
      let sentences: [String]
      do {
        sentences = try normalizer.utterances(in: spoken)
      } catch {
        throw TranscriptReadError(
          file: file, line: 1, column: 1,
          reason: LocalizedText(
            fr: "texte ASR à \(start ?? 0) s : \(error.reason.french)",
            en: "ASR text at \(start ?? 0) s: \(error.reason.english)"))
      }
      guard !sentences.isEmpty else { return }
      // Whisper puts several sentences in one segment, and CHAT ends an utterance at its
      // terminator: one utterance per sentence. When the words split at the same sentence ends,
      // each sentence has its own words' times; otherwise each keeps the segment's, its words on
      // the first (the exports then bullet only that one).
      let groups = sentenceGroups(of: spokenWords)
      let start = start ?? spokenWords.first?.start
      let end = end ?? spokenWords.last?.end
      let splitByWords = groups.count == sentences.count
      let own = splitByWords && sentences.count > 1
      for (index, sentence) in sentences.enumerated() {
        let group = splitByWords ? groups[index] : (index == 0 ? spokenWords : [])
        utterances.append(
          Utterance(
            speaker: speaker, text: sentence,
            start: own && index > 0 ? group.first?.start : start,
            end: own && index < sentences.count - 1 ? group.last?.end : end,
            words: group.compactMap(\.inCHAT), line: positions[path]?.line))
      }
    }
    if let segments = document.segments {
      for (index, segment) in segments.enumerated() {
        let code = segment.speaker ?? segment.words?.first?.speaker ?? speaker
        let turns = speakerTurns(in: segment.words ?? [])
        guard turns.count > 1 else {
          try append(
            words: segment.words ?? [], text: segment.text, start: segment.start, end: segment.end, speaker: code,
            path: "segments[\(index)]")
          continue
        }
        // The segment's text and times are both speakers': each turn is told by its own words.
        for turn in turns {
          try append(
            words: turn.words, text: nil, start: nil, end: nil, speaker: turn.speaker ?? code,
            path: "segments[\(index)]")
        }
      }
    } else if let words = document.words {
      var sentence: [Word] = []
      var first = 0
      // The sentence's speaker: its first word diarization gave one to (some words, such as
      // numbers, come without).
      var sentenceSpeaker: String? { sentence.lazy.compactMap(\.speaker).first }
      for (index, word) in words.enumerated() {
        if let current = sentenceSpeaker, let next = word.speaker, next != current {
          try append(words: sentence, text: nil, start: nil, end: nil, speaker: current, path: "words[\(first)]")
          sentence = []
          first = index
        }
        sentence.append(word)
        if let last = word.spoken?.last, ".?!…".contains(last) {
          try append(
            words: sentence, text: nil, start: nil, end: nil, speaker: sentenceSpeaker ?? speaker,
            path: "words[\(first)]")
          sentence = []
          first = index + 1
        }
      }
      if !sentence.isEmpty {
        try append(
          words: sentence, text: nil, start: nil, end: nil, speaker: sentenceSpeaker ?? speaker,
          path: "words[\(first)]")
      }
    }
    var transcript = Transcript(format: .asrJSON, utterances: utterances)
    if let declared = document.transcriptSource {
      guard let source = TranscriptSource(rawValue: declared) else {
        let position = positions["transcript_source"] ?? (1, 1)
        throw TranscriptReadError(
          file: file, line: position.line, column: position.column,
          reason: LocalizedText(
            fr: "« transcript_source » = « \(declared) » inconnu : asr, typed, chat ou reviewed",
            en: "unknown 'transcript_source' '\(declared)': asr, typed, chat or reviewed"))
      }
      transcript.declaredSource = source
    }
    return transcript
  }

  /// `words` cut where diarization names another speaker; a word without a speaker stays with the
  /// words before it.
  private static func speakerTurns(in words: [Word]) -> [(speaker: String?, words: [Word])] {
    var turns: [(speaker: String?, words: [Word])] = []
    for word in words {
      if let last = turns.last, word.speaker == nil || word.speaker == last.speaker || last.speaker == nil {
        turns[turns.count - 1].words.append(word)
        if last.speaker == nil { turns[turns.count - 1].speaker = word.speaker }
      } else {
        turns.append((word.speaker, [word]))
      }
    }
    return turns
  }

  /// `words` cut after each word that ends a sentence (`café.`, `vrai ?`).
  private static func sentenceGroups(of words: [TimedWord]) -> [[TimedWord]] {
    var groups: [[TimedWord]] = [[]]
    for word in words {
      groups[groups.count - 1].append(word)
      if let last = word.text.last, ".?!…".contains(last) { groups.append([]) }
    }
    return groups.filter { !$0.isEmpty }
  }

  // MARK: - Times

  /// Every `start` and `end` must be a time on the recording's clock: not negative, the end not
  /// before the start. Whether they fit the recording is checked when the answer is measured.
  private static func checkTimes(
    of document: Document, positions: [String: (line: Int, column: Int)], file: String
  ) throws(TranscriptReadError) {
    var spans: [(path: String, start: Double?, end: Double?)] = []
    for (index, segment) in (document.segments ?? []).enumerated() {
      spans.append(("segments[\(index)]", segment.start, segment.end))
      for (word, timed) in (segment.words ?? []).enumerated() {
        spans.append(("segments[\(index)].words[\(word)]", timed.start, timed.end))
      }
    }
    for (index, word) in (document.words ?? []).enumerated() {
      spans.append(("words[\(index)]", word.start, word.end))
    }
    for span in spans {
      for (key, time) in [("start", span.start), ("end", span.end)] {
        guard let time, !(time.isFinite && time >= 0) else { continue }
        let position = positions["\(span.path).\(key)"] ?? positions[span.path] ?? (1, 1)
        throw TranscriptReadError(
          file: file, line: position.line, column: position.column,
          reason: LocalizedText(
            fr:
              "temps « \(key) » = \(time) s invalide : un temps est positif, en secondes depuis le début de l'enregistrement",
            en: "invalid '\(key)' time \(time) s: a time is non-negative, in seconds from the start of the recording"))
      }
      if let start = span.start, let end = span.end, end < start {
        let position = positions["\(span.path).end"] ?? positions[span.path] ?? (1, 1)
        throw TranscriptReadError(
          file: file, line: position.line, column: position.column,
          reason: LocalizedText(
            fr: "« end » = \(end) s avant « start » = \(start) s : corrigez les temps",
            en: "'end' = \(end) s before 'start' = \(start) s: fix the times"))
      }
    }
  }

  // MARK: - JSON shape

  struct Document: Decodable {
    var segments: [Segment]?
    var words: [Word]?
    /// ConnectAge's drafts say `"asr"`; the review workstation writes `"reviewed"` once corrected.
    var transcriptSource: String?

    enum CodingKeys: String, CodingKey {
      case segments, words
      case transcriptSource = "transcript_source"
    }
  }

  struct Segment: Decodable {
    var start: Double?
    var end: Double?
    var text: String?
    var speaker: String?
    var words: [Word]?
  }

  struct Word: Decodable {
    var word: String?
    var text: String?
    var start: Double?
    var end: Double?
    var speaker: String?

    /// Whisper prefixes words with a space; WhisperX uses `word`, some engines `text`.
    var spoken: String? {
      (word ?? text).map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
    }
  }

  // MARK: - Errors

  private static func positionedError(_ error: DecodingError, data: Data, file: String) -> TranscriptReadError {
    switch error {
    case .dataCorrupted(let context):
      _ = context
      let (line, column) = JSONSyntaxLocator.firstError(in: [UInt8](data)) ?? (1, 1)
      return TranscriptReadError(
        file: file, line: line, column: column,
        reason: LocalizedText(
          fr: "JSON mal formé ; vérifiez virgules, guillemets et accolades",
          en: "malformed JSON; check commas, quotes and braces"))
    case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context):
      let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
      return TranscriptReadError(
        file: file, line: 1, column: 1,
        reason: LocalizedText(
          fr:
            "valeur inattendue en \(path.isEmpty ? "racine" : path) : « start »/« end » sont des nombres, « word »/« text » du texte",
          en: "unexpected value at \(path.isEmpty ? "root" : path): 'start'/'end' are numbers, 'word'/'text' strings"))
    @unknown default:
      return TranscriptReadError(
        file: file, line: 1, column: 1, reason: LocalizedText(fr: "JSON illisible", en: "unreadable JSON"))
    }
  }
}
