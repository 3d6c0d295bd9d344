/// One recorded answer (or a whole session) as text: who said what, and when when it is known.
///
/// Every reader (CHAT, TextGrid, plain text, ASR JSON, WebVTT, SRT) produces this model, and the
/// counters read only this model. Main-tier text is always kept in CHAT notation (`&-euh`,
/// `<le café> [/]`, terminators), so plain-text and ASR sources are normalised once, when read,
/// and every later step follows the same rule set.
public struct Transcript: Hashable, Sendable, Codable {
  /// The format the transcript was read from.
  public var format: TranscriptFormat
  /// CHAT headers before the first utterance, in file order, without `@UTF8`, `@Begin` and `@End`.
  public var headers: [CHATHeader]
  /// The utterances in order of appearance.
  public var utterances: [Utterance]
  /// CHAT headers after the last utterance (before `@End`), other than gems.
  public var trailingHeaders: [CHATHeader]
  /// The source the file itself declares (an ASR draft's `"transcript_source"`), if any.
  public var declaredSource: TranscriptSource?

  public init(
    format: TranscriptFormat, headers: [CHATHeader] = [], utterances: [Utterance],
    trailingHeaders: [CHATHeader] = []
  ) {
    self.format = format
    self.headers = headers
    self.utterances = utterances
    self.trailingHeaders = trailingHeaders
  }

  /// Speaker codes in order of first appearance (utterances first, then `@Participants`).
  public var speakers: [String] {
    var seen: [String] = []
    for code in utterances.map(\.speaker) + declaredParticipants where !seen.contains(code) {
      seen.append(code)
    }
    return seen
  }

  /// Codes declared in `@Participants` (empty when there is no such header).
  public var declaredParticipants: [String] {
    guard let header = headers.first(where: { $0.name == "Participants" }), let value = header.value else {
      return []
    }
    return value.split(separator: ",").compactMap { entry in
      entry.split(separator: " ").first.map(String.init)
    }
  }

  /// The utterances of one speaker.
  public func utterances(of speaker: String) -> [Utterance] {
    utterances.filter { $0.speaker == speaker }
  }
}
