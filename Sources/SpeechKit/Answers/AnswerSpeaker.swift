import SessionModel

/// Whose speech in a transcript counts for one answer: the one rule every measurement follows
/// (docs/speech-measures.md, "Whose speech counts").
///
/// 1. the participant's own code (`*P01:` in CHAT, a TextGrid tier named `P01`), because the
///    project's exports name speakers that way;
/// 2. else CHAT's `PAR`;
/// 3. else the only speaker who is not an investigator (`INV`, `EXP`, `EXA`): an ASR's `SPEAKER_00`.
///
/// Two or more candidates left is an error naming the file and the speakers found: guessing would
/// measure someone else's words. No candidate means the transcript holds no speech of the answering
/// person, so the answer's words are missing, never 0.
public enum AnswerSpeaker {
  /// CHAT roles that ask the questions; their words never count for an answer.
  public static let investigatorCodes: Set<String> = ["INV", "EXP", "EXA"]

  /// The speaker whose speech counts, or nil when the transcript has no candidate.
  ///
  /// - Parameters:
  ///   - participant: the answering participant's code, when known.
  ///   - chosen: a code the user named (`--speaker`); it must be in the transcript.
  ///   - file: the transcript's name, for errors.
  /// - Throws: ``TranscriptReadError`` when `chosen` is absent or several candidates are left.
  public static func choose(
    in transcript: Transcript, participant: String? = nil, chosen: String? = nil, file: String
  ) throws(TranscriptReadError) -> String? {
    let speakers = transcript.utterances.reduce(into: [String]()) { seen, utterance in
      if !seen.contains(utterance.speaker) { seen.append(utterance.speaker) }
    }
    if let chosen {
      guard speakers.contains(chosen) else {
        throw TranscriptReadError(
          file: file, line: 1, column: 1,
          reason: LocalizedText(
            fr: "locuteur « \(chosen) » absent ; locuteurs du fichier : \(Self.list(speakers, in: .french))",
            en: "speaker '\(chosen)' not found; speakers in the file: \(Self.list(speakers, in: .english))"))
      }
      return chosen
    }
    if let participant, speakers.contains(participant) { return participant }
    if speakers.contains("PAR") { return "PAR" }
    let candidates = speakers.filter { !investigatorCodes.contains($0) }
    guard candidates.count > 1 else { return candidates.first }
    let second = transcript.utterances.first { $0.speaker == candidates[1] }
    let found = candidates.joined(separator: ", ")
    let code = participant ?? "PAR"
    throw TranscriptReadError(
      file: file, line: second?.line ?? 1, column: 1,
      reason: LocalizedText(
        fr:
          "plusieurs locuteurs possibles pour la réponse (\(found)) : renommez « \(code) » le locuteur qui répond",
        en: "several possible speakers for the answer (\(found)): rename the answering speaker '\(code)'"))
  }

  private static func list(_ speakers: [String], in language: Language) -> String {
    speakers.isEmpty ? (language == .french ? "aucun" : "none") : speakers.joined(separator: ", ")
  }
}
