import SpeechKit
import Store

/// The stretches of speech the automatic measures describe: from the first word's onset to the
/// last word's offset, with the silent pauses they counted left out.
enum DetectedSpeech {
  static func segments(of measures: AnswerMeasures?) -> [SpeechSegment] {
    guard let measures, let first = measures.firstWordOnsetSeconds, let last = measures.lastWordOffsetSeconds,
      last > first
    else { return [] }
    var segments: [SpeechSegment] = []
    var start = first
    for pause in (measures.pauseIntervals ?? []).sorted(by: { $0.start < $1.start })
    where pause.start >= start && pause.end <= last {
      if pause.start > start { segments.append(SpeechSegment(start: start, end: pause.start)) }
      start = pause.end
    }
    if last > start { segments.append(SpeechSegment(start: start, end: last)) }
    return segments
  }
}
