import Foundation
import SessionModel

/// The session the home screen starts: everything `connectage run` takes on its command line.
public struct HomeStart: Hashable, Sendable {
  public var protocolFile: URL
  public var group: String?
  public var sessionNumber: Int
  public var resumesInterruptedRun: Bool
  public var diffuser: DiffuserChoice
  public var fullscreen: Bool
  public var microphone: String?
  public var isAnimation: Bool
  /// What the therapist accepted to start without, on the device checks.
  public var acceptedDegradations: Set<AcceptedDegradation>

  public init(
    protocolFile: URL, group: String?, sessionNumber: Int, resumesInterruptedRun: Bool, diffuser: DiffuserChoice,
    fullscreen: Bool, microphone: String?, isAnimation: Bool, acceptedDegradations: Set<AcceptedDegradation> = []
  ) {
    self.protocolFile = protocolFile
    self.group = group
    self.sessionNumber = sessionNumber
    self.resumesInterruptedRun = resumesInterruptedRun
    self.diffuser = diffuser
    self.fullscreen = fullscreen
    self.microphone = microphone
    self.isAnimation = isAnimation
    self.acceptedDegradations = acceptedDegradations
  }

  /// The run configuration `connectage run` (or `connectage animation`) would build for the same
  /// choices, on the installation's paths in `base`.
  public func configuration(base: RunConfiguration) -> RunConfiguration {
    var configuration = base
    configuration.protocolFile = protocolFile
    configuration.group = group
    configuration.sessionNumber = sessionNumber
    configuration.resumesInterruptedRun = resumesInterruptedRun
    configuration.diffuser = diffuser
    if configuration.display != .headless { configuration.display = fullscreen ? .fullscreen : .window }
    configuration.microphoneName = microphone
    configuration.acceptedDegradations = acceptedDegradations
    return configuration
  }
}

/// What the home screen hears: the therapist's keys and clicks, and what the devices answered.
public enum HomeInput: Hashable, Sendable {
  case navigate(NavigationKey)
  case key(OperatorAction)
  case pointed(row: Int)
  case diffuserChecked(DiffuserReport)
  case puffed(PuffResult)
  case microphoneOpened(failure: LocalizedText?)
  case microphoneHeard(MicrophoneLevel)
  case padPressed(PadID)
  case screenMeasured(width: Int, height: Int, isFullscreen: Bool)
  case diskMeasured(availableBytes: Int64?)
  case sessionEnded(SessionReport)
  case sessionRefused(LocalizedText)
  case reviewOpened(LocalizedText)
  case microphonesListed([String])
  case diffusersFound(DiffuserSearch)
}

/// Where the settings screen's search for diffusers stands.
public enum DiffuserSearchState: Hashable, Sendable {
  case searching
  case done(DiffuserSearch)
}

/// What the home screen asks the devices and the program to do.
public enum HomeEffect: Hashable, Sendable {
  case checkDiffuser(DiffuserChoice)
  case puff(DiffuserChoice, channel: Int)
  case listenToMicrophone(String?)
  case stopListening
  case measureScreenAndDisk
  case setFullscreen(Bool)
  case start(HomeStart)
  case openReview
  case saveSettings(InstallationSettings)
  /// Look for diffusers on serial ports, the network and Bluetooth; `aromaShooters` are saved
  /// addresses to ask as well.
  case searchDiffusers(aromaShooters: [String])
  case quit
}
