import SpeechKit

/// One stretch of an answer's recording and the utterances said in it, under the one timing rule
/// of the CHAT and TextGrid exports (`AnswerTranscripts.intervals(of:measures:recordingDuration:)`).
struct AnswerInterval: Equatable {
  var start: Double
  var end: Double
  /// In the transcript's order. The one that opened the interval has exactly these times; the
  /// others (and all of them, in a transcript without times) have none of their own.
  var utterances: [Utterance]

  /// The utterances, each with the interval's times.
  var timedUtterances: [Utterance] {
    utterances.map { utterance in
      var timed = utterance
      timed.start = start
      timed.end = end
      return timed
    }
  }
}
