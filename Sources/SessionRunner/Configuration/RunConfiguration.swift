import Foundation
import SessionModel

/// Everything a session run needs to know before it starts; nothing here changes mid-session.
public struct RunConfiguration: Sendable {
  public var protocolFile: URL
  public var assetsRoot: URL
  /// The SQLite file; created with its folder when missing.
  public var databasePath: String
  /// Where answers are recorded and exports written: `<output>/<session>/…`.
  public var outputDirectory: URL
  public var diffuser: DiffuserChoice
  public var display: DisplayChoice
  public var players: PlayerChoice
  /// Which planned session to run (1 = the first of the schedule).
  public var sessionNumber: Int
  /// The participants' count used to plan the protocol; nil takes the study's (``PlanChoice``):
  /// the count of its first run, else ten. A count other than the study's is refused.
  public var participantCount: Int?
  /// The planned group that plays (`G02`); nil plays the first.
  public var group: String?
  /// Picks up the planned session where its interrupted run stopped, skipping the images already shown.
  public var resumesInterruptedRun: Bool
  /// Starts a clinical session even when a start check fails (no diffuser, no microphone, too
  /// little disk space, an unregistered group); each problem is logged and stays on the therapist's screen.
  public var allowsDegradedStart: Bool
  /// A demonstration (`connectage demo`): its start problems never stop it, and with no group
  /// registered its answers are filed under the plan's placeholder codes (P01, P02…), which a
  /// clinical session never does.
  public var isDemonstration: Bool
  /// The plan's seed; nil takes the study's, as ``participantCount``.
  public var seed: UInt64?
  public var language: Language
  /// Extra gamepad mappings in SDL's community format (`gamecontrollerdb.txt`), for pads SDL
  /// does not know; `SDL_GAMECONTROLLERCONFIG` works too.
  public var padMappingsFile: URL?
  /// Participants making up this planned session they missed: alone in a catch-up run of their own
  /// group (same trial order), or as guests after another group's members.
  public var makeUp: [ParticipantCode]
  /// The microphone by the name the sound system lists; nil takes the system's default.
  public var microphoneName: String?
  /// What the therapist accepted to start without on the home screen's device checks: a clinical
  /// session starts with these problems and logs each one (`allowedBy` `home-check`).
  public var acceptedDegradations: Set<AcceptedDegradation>

  public init(
    protocolFile: URL, assetsRoot: URL, databasePath: String, outputDirectory: URL,
    diffuser: DiffuserChoice = .simulated, display: DisplayChoice = .automatic,
    players: PlayerChoice = .realPads, sessionNumber: Int = 1, participantCount: Int? = nil, group: String? = nil,
    seed: UInt64? = nil, language: Language = .french, padMappingsFile: URL? = nil,
    resumesInterruptedRun: Bool = false, allowsDegradedStart: Bool = false, isDemonstration: Bool = false,
    makeUp: [ParticipantCode] = [],
    microphoneName: String? = nil, acceptedDegradations: Set<AcceptedDegradation> = []
  ) {
    self.makeUp = makeUp
    self.protocolFile = protocolFile
    self.assetsRoot = assetsRoot
    self.databasePath = databasePath
    self.outputDirectory = outputDirectory
    self.diffuser = diffuser
    self.display = display
    self.players = players
    self.sessionNumber = sessionNumber
    self.participantCount = participantCount
    self.group = group
    self.resumesInterruptedRun = resumesInterruptedRun
    self.allowsDegradedStart = allowsDegradedStart
    self.isDemonstration = isDemonstration
    self.seed = seed
    self.language = language
    self.padMappingsFile = padMappingsFile
    self.microphoneName = microphoneName
    self.acceptedDegradations = acceptedDegradations
  }
}

/// Which diffuser releases the scents.
public enum DiffuserChoice: Hashable, Sendable {
  /// The built-in simulator on a private Unix socket: the whole wire protocol, no hardware.
  case simulated
  /// A diffuser (or a simulator started elsewhere) at `unix:PATH`, `tcp:HOST:PORT`,
  /// `rfcomm:ADDRESS[:CHANNEL]` or `ble:ADDRESS`.
  case endpoint(String)
  /// No diffuser: scent releases are refused and logged, the session goes on.
  case none
}

/// Where the session is shown.
public enum DisplayChoice: Hashable, Sendable {
  /// A window when a display exists (a non-empty `DISPLAY` or `WAYLAND_DISPLAY`), offscreen otherwise.
  case automatic
  case window
  case fullscreen
  case headless
}

/// Who holds the pads and where the answers come from.
public enum PlayerChoice: Sendable {
  /// Real gamepads, the real keyboard and the system microphone.
  case realPads
  /// Virtual pads played by the autopilot, with answers spoken by espeak-ng and captured through
  /// SDL's disk audio driver: the real capture path with no microphone. The last `latecomers`
  /// players join after the start, and the virtual therapist names them (tests).
  case autopilot(players: Int, pace: AutopilotPace, latecomers: Int = 0)
}
