import Foundation
import SpeechKit
import Store

extension MemoryCodingSheet {
  /// Saves the codings of a checked sheet (``read(_:knownAnswers:defaultCoder:)``) in one transaction.
  ///
  /// A sheet codes a count, not episodes: each coding keeps the automatic pre-coding of the
  /// answer's transcript beside the coder's count, whose episodes are stored without text (their
  /// specificity is not coded by the sheet).
  ///
  /// - Throws: ``StoreError/unreadableTranscript(_:)`` when a transcript cannot be read, and any
  ///   refusal of ``MeasureRepository/save(_:)``; nothing is saved then.
  public static func save(_ codings: [SheetCoding], in database: SessionDatabase, at date: Date) throws
    -> MeasureRepository.CodingOutcome
  {
    let recordings = try Self.recordings(in: database)
    var automatic: [AnswerKey: [EvokedMemory]] = [:]
    let answerCodings = try codings.sorted { $0.line < $1.line }.map { sheetCoding in
      let answer = sheetCoding.answer
      if automatic[answer] == nil {
        let transcript = try recordings[answer].flatMap { try Self.transcript(of: $0, in: database) }
        automatic[answer] = transcript.map { automaticCoding(of: $0, for: answer).automatic } ?? []
      }
      var coding = MemoryCoding(automatic: automatic[answer] ?? [])
      // The coder is already a participant-style code, stricter than the staff-code rule.
      try coding.confirm(
        Array(repeating: EvokedMemory(specificity: .general, text: ""), count: sheetCoding.memories),
        coder: sheetCoding.coder, at: date)
      return AnswerCoding(answer: answer, coding: coding)
    }
    return try database.measures.save(answerCodings)
  }
}
