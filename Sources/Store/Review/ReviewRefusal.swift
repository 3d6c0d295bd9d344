import SessionModel

/// A review save refused for its values, before anything is written.
public enum ReviewRefusal: Hashable, Sendable {
  /// Marks not finite, before 0, past the recording's end, the last before the first, or one without the other.
  case timingOutOfRange(ReviewedTiming, recordingDuration: Double?)
  /// A count below 0 or above ``MemoryCount/largest``, or more specific memories than memories.
  case impossibleMemoryCount(MemoryCount)
  /// A consensus that is not a value of its measure (a fraction of a count, a negative time…).
  case impossibleConsensus(ReviewedMeasure, Double?)
  /// A consensus on a measure fewer than two coders have given.
  case consensusBeforeTwoCodings(ReviewedMeasure)
  /// A transcript save with the answer's recording gone from the database.
  case noRecording

  public var message: LocalizedText {
    switch self {
    case .timingOutOfRange(let timing, let duration):
      let marks = "\(Self.text(timing.firstWordOnsetSeconds)) – \(Self.text(timing.lastWordOffsetSeconds))"
      let length = duration.map { Self.text($0) } ?? "?"
      return LocalizedText(
        fr:
          "Repères \(marks) refusés : le premier mot doit commencer entre 0 et la fin de l'enregistrement (\(length) s), le dernier finir après le premier ; placez les deux repères, ou aucun s'il n'y a pas de parole.",
        en:
          "Marks \(marks) refused: the first word must start between 0 and the recording's end (\(length) s), the last must end after the first; place both marks, or none when there is no speech."
      )
    case .impossibleMemoryCount(let count):
      return LocalizedText(
        fr:
          "Codage refusé : \(count.memories) souvenirs dont \(count.specific.map(String.init) ?? "?") spécifiques ; les nombres sont entiers, de 0 à \(MemoryCount.largest), et les spécifiques font partie des souvenirs.",
        en:
          "Coding refused: \(count.memories) memories of which \(count.specific.map(String.init) ?? "?") specific; counts are whole numbers from 0 to \(MemoryCount.largest), and the specific ones are among the memories."
      )
    case .impossibleConsensus(let measure, let value):
      let (possibleFr, possibleEn) =
        measure.isCount
        ? ("un nombre entier de 0 à \(measure.largestCount)", "a whole number from 0 to \(measure.largestCount)")
        : ("un temps dans l'enregistrement", "a time within the recording")
      return LocalizedText(
        fr:
          "Consensus refusé pour \(measure.rawValue) : « \(value.map { Self.text($0) } ?? "vide") » n'est pas une valeur possible (\(possibleFr)).",
        en:
          "Consensus refused for \(measure.rawValue): '\(value.map { Self.text($0) } ?? "empty")' is not a possible value (\(possibleEn))."
      )
    case .consensusBeforeTwoCodings(let measure):
      return LocalizedText(
        fr: "Pas de consensus possible pour \(measure.rawValue) : deux codeurs doivent d'abord l'avoir codé.",
        en: "No consensus possible for \(measure.rawValue) yet: two coders must have coded it first.")
    case .noRecording:
      return LocalizedText(
        fr: "Cette réponse n'a pas d'enregistrement classé : rien n'a été enregistré.",
        en: "This answer has no filed recording: nothing was saved.")
    }
  }

  private static func text(_ seconds: Double?) -> String {
    seconds.map { $0.isFinite ? String(format: "%.3f", $0) : "\($0)" } ?? "—"
  }
}
