import SpeechKit

/// One line the worker writes (scripts/asr-worker.py): `ready`, `progress`, `result` or `error`.
struct WorkerMessage: Decodable, Sendable {
  var type: Kind
  var id: Int?
  var model: String?
  var versions: [String: String]?
  var seconds: Double?
  var duration: Double?
  var language: String?
  var segments: [RecognizedSegment]?
  /// For results: where each window the recording was read in starts, in seconds.
  var windowStarts: [Double]?
  /// For errors: `model`, `install`, `audio`, `recognition` or `protocol`.
  var kind: String?
  var message: String?

  enum CodingKeys: String, CodingKey {
    case type, id, model, versions, seconds, duration, language, segments, kind, message
    case windowStarts = "window_starts"
  }

  enum Kind: String, Decodable, Sendable {
    case ready, progress, result, error
  }
}

/// One request to the worker.
struct WorkerRequest: Encodable, Sendable {
  var id: Int
  var type = "transcribe"
  var audio: String
  var language: String
}
