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
  /// For errors: `model`, `install`, `audio`, `recognition` or `protocol`.
  var kind: String?
  var message: String?

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
