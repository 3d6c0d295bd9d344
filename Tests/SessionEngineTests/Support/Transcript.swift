import SessionEngine
import SessionModel

/// Renders commands as short lines, so that a test reads like the session it scripts.
enum Transcript {
  static func line(for command: SessionCommand) -> String {
    switch command {
    case .show(let scene): "show \(describe(scene))"
    case .releaseScent(let scent, let slot, let intensity, let duration):
      "release \(scent) slot \(slot) at \(intensity)% for \(duration) ms"
    case .stopAllScents: "stop scents"
    case .purgeAir(let duration): "purge \(duration) ms"
    case .startRecording(let request): "record \(describe(request))"
    case .stopRecording(let request): "stop recording \(describe(request))"
    case .playSound(let sound): "sound \(sound.rawValue)"
    case .log(let event): "log \(event.type)\(event.payload["player"].map { " player \($0)" } ?? "")"
    case .sessionEnded: "session ended"
    }
  }

  static func describe(_ request: RecordingRequest) -> String {
    "\(request.trial) player \(request.player) \(request.participant?.rawValue ?? "-") turn \(request.turn) redo \(request.redo)"
  }

  static func describe(_ scene: StageScene) -> String {
    var text = describe(scene.content)
    if !scene.players.isEmpty {
      text +=
        " | "
        + scene.players.map { player in
          "\(player.number):\(player.avatar)\(player.isConnected ? "" : "(off)")\(player.hasAnswered ? "*" : "")"
        }.joined(separator: " ")
    }
    if let overlay = scene.overlay {
      switch overlay {
      case .confirmEnd: text += " [confirm end]"
      case .keyboardHelp: text += " [help]"
      case .notice(let notice): text += " [notice: \(notice.french)]"
      }
    }
    return text
  }

  private static func describe(_ content: SceneContent) -> String {
    switch content {
    case .lobby(let title): return "lobby \(title.french)"
    case .join(let join):
      return "join "
        + join.seats.map { "\($0.number):\($0.avatar)\($0.isConfirmed ? "+" : "?")" }.joined(separator: " ")
        + (join.selectedSeat.map { " select \($0)" } ?? "")
    case .stimulus(let view): return "stimulus \(view.stimulus)\(view.scentIsReleasing ? " with scent" : "")"
    case .whichScent(let view):
      return "which scent \(view.choices.count) choices locked \(players(view.locked))"
        + (view.revealedAnswer.map { " revealed \($0)" } ?? "")
    case .memoryPairs(let view):
      return "memory \(view.cards.count) cards \(view.cards.count(where: \.isMatched)) matched, "
        + "\(view.playerToMove.map { "player \($0)" } ?? "anyone") to move"
    case .thenAndNow(let view):
      return "then and now \(view.picture.label.french) locked \(players(view.locked))"
        + (view.revealedIsNow.map { $0 ? " revealed now" : " revealed then" } ?? "")
    case .rightOrder(let view):
      return "right order \(view.title.french) "
        + view.slots.map { $0?.label.french ?? "_" }.joined(separator: " > ")
        + (view.picture.map { ", placing \($0.label.french) at \(view.cursor)" } ?? ", complete")
        + (view.hint.map { " hint \($0)" } ?? "")
    case .evocation(let view):
      return
        "evocation speaker \(view.speaker.map(\.description) ?? "-") waiting \(view.waiting.isEmpty ? "-" : view.waiting.map(\.description).joined(separator: ","))"
        + (view.isRecording ? " recording" : "")
    case .pause: return "pause"
    case .thankYou: return "thank you"
    case .console(let view): return "console \(view.title.french)"
    }
  }

  private static func players(_ set: Set<PlayerNumber>) -> String {
    set.isEmpty ? "-" : set.sorted().map(\.description).joined(separator: ",")
  }
}

extension SessionCommand {
  /// A log command from its stored form, as the tests write what they expect.
  static func log(_ type: EventType, _ payload: [String: String] = [:]) -> SessionCommand {
    .log(LoggedEvent(type: type, payload: payload))
  }
}
