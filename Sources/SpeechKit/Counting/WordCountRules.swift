/// The configurable parts of a word-counting rule set, with its identifier for every export.
///
/// `chatFrench1` is rule set `wc-fr-chat-1.0` of docs/speech-measures.md (CLAN defaults plus the
/// French elision, filler and discourse-marker rules); `plainFrench1` is `wc-fr-plain-1.0`, the
/// literal count of a typed transcript, which has no code saying what was retraced.
public struct WordCountRules: Hashable, Sendable {
  /// Exported with every figure, e.g. `wc-fr-chat-1.0`.
  public var identifier: String
  /// Lexical discourse markers: words, also counted in `discourse_markers`.
  public var discourseMarkers: Set<String>
  /// Two-word discourse markers (`en fait`, `tu vois`), counted once per occurrence.
  public var multiwordDiscourseMarkers: [[String]]
  /// Elidable clitics, longest first so that `jusqu'` wins over `qu'`.
  public var elidableClitics: [String]
  /// Apostrophe words never split (`aujourd'hui`); an entry ending in `'` is a prefix (`entr'`).
  public var lexicalisedApostropheWords: Set<String>
  /// Spoken spellings of non-lexical hesitations, turned into `&-` fillers in plain text and ASR.
  public var spokenFillers: Set<String>
  /// Words legitimately doubled in French ("nous nous sommes") that plain-text repetition
  /// detection must not mark as repetitions.
  public var grammaticalDoubles: Set<String>
  /// Whether a typed immediate repetition ("le le café") is marked as retraced, as a CHAT
  /// transcriber would code it; the plain rule set counts every repetition.
  public var marksTypedRepetitions: Bool
  /// Whether typed `( )` and `[ ]` are notes (`(rires)`, `[montre l'image]`) rather than CHAT
  /// codes or shortenings.
  public var bracketsAreNotes: Bool
  /// Whether digits count as the words CHAT writes them with (`1962` = 4) or one word each.
  public var countsDigitsAsWords: Bool

  public static let chatFrench1 = WordCountRules(
    identifier: "wc-fr-chat-1.0",
    discourseMarkers: [
      "ben", "bah", "beh", "bon", "voilà", "hein", "quoi", "alors", "enfin", "bref", "genre", "disons",
    ],
    multiwordDiscourseMarkers: [["en", "fait"], ["tu", "vois"], ["tu", "sais"], ["vous", "voyez"]],
    elidableClitics: [
      "quoiqu'", "puisqu'", "lorsqu'", "jusqu'", "qu'", "l'", "d'", "j'", "m'", "t'", "s'", "c'", "n'",
    ],
    lexicalisedApostropheWords: [
      "aujourd'hui", "quelqu'un", "quelqu'une", "quelqu'uns", "quelqu'unes", "presqu'île", "presqu'îles",
      "prud'homme", "prud'hommes", "entr'",
    ],
    spokenFillers: ["euh", "heu", "hum", "hm", "hmm", "mm", "mmh", "mmm", "eh", "euhm"],
    grammaticalDoubles: ["nous", "vous"],
    marksTypedRepetitions: true, bracketsAreNotes: false, countsDigitsAsWords: true)

  /// Rule set (1b) of the measures reference: a typed answer counted literally, every repeated
  /// or self-corrected word included (`le le café` = 3, `oui oui` = 2), digits one word each.
  public static let plainFrench1 = WordCountRules(
    identifier: "wc-fr-plain-1.0",
    discourseMarkers: ["ben", "bah", "beh", "bon", "voilà", "hein", "quoi", "enfin", "alors", "bref"],
    multiwordDiscourseMarkers: [],
    elidableClitics: chatFrench1.elidableClitics,
    lexicalisedApostropheWords: chatFrench1.lexicalisedApostropheWords,
    spokenFillers: ["euh", "heu", "hum", "hm", "mm", "mmh"],
    grammaticalDoubles: [],
    marksTypedRepetitions: false, bracketsAreNotes: true, countsDigitsAsWords: false)

  /// The rule set a transcript read from `format` is counted with: typed plain text literally,
  /// everything else (CHAT, and ASR and subtitle text normalised to CHAT) with `chatFrench1`.
  public static func forTranscripts(in format: TranscriptFormat) -> WordCountRules {
    format == .plainText ? .plainFrench1 : .chatFrench1
  }
}
