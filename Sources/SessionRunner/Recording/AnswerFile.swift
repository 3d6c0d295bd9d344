import Foundation
import SessionEngine
import SessionModel

/// Where one answer's recording lives: `<output>/<session>/<trial>-<who>-turn<N>[-redo<K>].wav`.
struct AnswerFile: Hashable, Sendable {
  var url: URL
  /// The take as recorded, which names the file.
  var request: RecordingRequest
  /// Who the take is filed under: the request's participant, or the participant the therapist
  /// named a latecomer as after the take was recorded (``TakeOwners``). The file keeps its name.
  var participant: ParticipantCode?

  init(request: RecordingRequest, session: SessionID, outputDirectory: URL) {
    // NB: the participant's pseudonymous code, never a name, and the seat when no code exists.
    let who = request.participant?.rawValue ?? "player\(request.player.rawValue)"
    var name = "\(request.trial.rawValue)-\(who)-turn\(request.turn)"
    if request.redo > 0 { name += "-redo\(request.redo)" }
    url = outputDirectory.appendingPathComponent(session.rawValue, isDirectory: true)
      .appendingPathComponent(name + ".wav")
    self.request = request
    participant = request.participant
  }

  /// The same file, filed under `participant`.
  func filed(under participant: ParticipantCode?) -> AnswerFile {
    var file = self
    file.participant = participant
    return file
  }

  /// The plain-text transcript beside the recording, when one was typed or generated.
  var transcriptURL: URL { url.deletingPathExtension().appendingPathExtension("txt") }
}
