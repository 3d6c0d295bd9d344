/// Everything the shared screen shows at one moment, as a value.
///
/// The session engine decides the scene; the Stage only draws it. Animations
/// (fades, a bouncing avatar) are the Stage's own business and never appear here.
public struct StageScene: Hashable, Sendable, Codable {
  public var content: SceneContent
  /// Everyone at the table, shown along the bottom of most scenes.
  public var players: [PlayerView]
  /// A question or notice drawn over the scene, such as the end confirmation.
  public var overlay: SceneOverlay?
  /// A line for the therapist kept along the top of every scene while the session runs in a
  /// degraded state (no diffuser, no microphone, the disk filling up); nil when all is well.
  public var banner: LocalizedText?

  public init(
    content: SceneContent, players: [PlayerView] = [], overlay: SceneOverlay? = nil, banner: LocalizedText? = nil
  ) {
    self.content = content
    self.players = players
    self.overlay = overlay
    self.banner = banner
  }
}

/// The main part of a scene.
public enum SceneContent: Hashable, Sendable, Codable {
  /// Before joining: the session title and a welcome.
  case lobby(title: LocalizedText)
  /// Pads join, choose an avatar and confirm.
  case join(JoinView)
  /// A full-screen image, optionally captioned.
  case stimulus(StimulusView)
  case whichScent(WhichScentView)
  case memoryPairs(MemoryPairsView)
  case thenAndNow(ThenAndNowView)
  case rightOrder(RightOrderView)
  /// The evocation task: someone has the floor, or the floor is open.
  case evocation(EvocationView)
  case pause
  /// The end: thanks to everyone, every avatar shown.
  case thankYou
  /// The therapist's screens around a session: home, device checks, summary, settings.
  case console(ConsoleView)
}

extension SceneContent {
  /// The game this scene shows, or `nil` outside a game.
  public var game: GameKind? {
    switch self {
    case .whichScent: .whichScent
    case .memoryPairs: .memoryPairs
    case .thenAndNow: .thenAndNow
    case .rightOrder: .rightOrder
    case .lobby, .join, .stimulus, .evocation, .pause, .thankYou, .console: nil
    }
  }
}

/// What the screen lays over a scene.
public enum SceneOverlay: Hashable, Sendable, Codable {
  /// "End the session?" after Esc: Enter confirms, Backspace cancels.
  case confirmEnd
  /// The therapist's keyboard help (H).
  case keyboardHelp
  /// A notice for the therapist, e.g. the diffuser refused a release.
  case notice(LocalizedText)
}

/// One player as the screen shows them.
public struct PlayerView: Hashable, Sendable, Codable {
  public var number: PlayerNumber
  /// The pad this player holds, so the screen can animate the avatar when it is pressed.
  public var pad: PadID?
  public var avatar: AvatarID
  public var participant: ParticipantCode?
  /// False while the pad is unplugged: the avatar is drawn faded, never removed.
  public var isConnected: Bool
  /// True once this player has answered the current question (never what they answered).
  public var hasAnswered: Bool

  public init(
    number: PlayerNumber, pad: PadID? = nil, avatar: AvatarID, participant: ParticipantCode? = nil,
    isConnected: Bool = true, hasAnswered: Bool = false
  ) {
    self.number = number
    self.pad = pad
    self.avatar = avatar
    self.participant = participant
    self.isConnected = isConnected
    self.hasAnswered = hasAnswered
  }
}
