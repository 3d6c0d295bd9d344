/// The one recording running, if any: there is never more than one.
struct ActiveRecording: Hashable, Sendable {
  var request: RecordingRequest
  var startedAt: UInt64
}
