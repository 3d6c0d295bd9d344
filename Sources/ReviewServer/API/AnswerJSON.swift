import Review
import SpeechKit
import Store

/// The answer page's data: blind (the opaque id only), the coder's own values, the others' once
/// this coder has saved the same kind, the waveform and the transcript with its analysis.
struct AnswerJSON: Encodable {
  struct Timing: Encodable {
    var firstWordOnset: Double?
    var lastWordOffset: Double?
  }

  struct Memories: Encodable {
    var memories: Int
    var specific: Int?
  }

  struct Values: Encodable {
    var timing: Timing?
    var memories: Memories?
    var words: Int?
    var savedTranscript: Bool

    init(_ values: CoderValues) {
      timing = values.timing.map {
        Timing(firstWordOnset: $0.firstWordOnsetSeconds, lastWordOffset: $0.lastWordOffsetSeconds)
      }
      memories = values.memories.map { Memories(memories: $0.memories, specific: $0.specific) }
      words = values.words
      savedTranscript = values.savedTranscript
    }
  }

  struct Other: Encodable {
    var coder: String
    var values: Values
  }

  struct Automatic: Encodable {
    var firstWordOnset: Double?
    var lastWordOffset: Double?
    var words: Int?
    var ideas: Int?
    var memories: Int?
  }

  struct Audio: Encodable {
    var url: String
    var durationSeconds: Double
    var sampleRate: Int
    var channels: Int
  }

  struct Waveform: Encodable {
    /// Base64 of one byte per slice, 0–255.
    var peaks: String
    var count: Int
  }

  struct Transcript: Encodable {
    var text: String
    var mode: String
    /// The format of what was beside the recording (`chat`, `text`, `asr-json`, `webvtt`, `srt`,
    /// `textgrid`), nil when there was nothing.
    var draftFormat: String?
    /// A speech-recognition draft's unsure words: `[word, start, end, probability]`.
    var uncertainWords: [UncertainWordJSON]
    /// False on a central review, where the page shows the transcript read only.
    var editable: Bool
  }

  struct UncertainWordJSON: Encodable {
    var word: String
    var start: Double
    var end: Double
    var probability: Double
  }

  struct ConsensusValue: Encodable {
    var value: Double?
    var recordedBy: String
  }

  var id: String
  var revision: Int
  var coder: String
  var state: String
  var position: Int
  var total: Int
  var previous: String?
  var next: String?
  var audio: Audio
  var waveform: Waveform
  var speech: [[Double]]
  var automatic: Automatic
  var transcript: Transcript
  var analysis: AnalysisJSON
  var own: Values
  var others: [Other]
  var hidden: [String]
  var consensus: [String: ConsensusValue]

  init(_ page: AnswerPage) {
    let view = page.view
    id = view.id
    revision = view.revision
    coder = view.coder.rawValue
    state = view.state.rawValue
    position = page.position
    total = page.total
    previous = page.previous
    next = page.next
    audio = Audio(
      url: "/api/answers/\(view.id)/audio", durationSeconds: page.waveform.durationSeconds,
      sampleRate: page.waveform.sampleRate, channels: page.waveform.channels)
    waveform = Waveform(peaks: page.waveform.base64, count: page.waveform.peaks.count)
    speech = page.speech.map { [$0.start, $0.end] }
    automatic = Automatic(
      firstWordOnset: view.automatic.firstWordOnsetSeconds, lastWordOffset: view.automatic.lastWordOffsetSeconds,
      words: view.automatic.words, ideas: view.automatic.ideas, memories: view.automatic.memories)
    transcript = Transcript(
      text: page.transcript, mode: page.mode.rawValue, draftFormat: page.draftFormat?.rawValue,
      uncertainWords: page.uncertainWords.map {
        UncertainWordJSON(word: $0.word, start: $0.start, end: $0.end, probability: $0.probability)
      }, editable: page.transcriptEditable)
    analysis = AnalysisJSON(page.analysis)
    own = Values(view.own)
    others = view.others.sorted { $0.key < $1.key }.map { Other(coder: $0.key.rawValue, values: Values($0.value)) }
    hidden = view.hidden.map(\.rawValue).sorted()
    consensus = Dictionary(
      uniqueKeysWithValues: view.consensus.map {
        ($0.key.rawValue, ConsensusValue(value: $0.value.value, recordedBy: $0.value.recordedBy.rawValue))
      })
  }
}
