import Foundation
import SessionModel

/// The home screen and the screens around a session, as a value: keys, clicks and device answers
/// in, effects out, and the screen to show.
///
/// Like the session engine it does no I/O: ``HomeLoop`` carries out each ``HomeEffect`` and feeds
/// the answer back as a ``HomeInput``, so every path (a check failing, a degradation accepted, a
/// session refused) is tested as a list of inputs.
public struct HomeModel: Sendable {
  public enum Screen: Hashable, Sendable {
    case home
    case check(DeviceCheck)
    /// A session is running in the same window.
    case session
    case summary(SessionReport)
    case settings
  }

  public enum DeviceCheck: Int, CaseIterable, Hashable, Sendable {
    case diffuser, microphone, pads, screenAndDisk
  }

  public private(set) var screen: Screen = .home
  public private(set) var catalogue: HomeCatalogue
  public internal(set) var settings: InstallationSettings
  var draft: InstallationSettings
  /// `none`, `simulated`, then the endpoints known or found, in the order they came.
  private(set) var knownDiffusers: [String]
  /// The settings' diffuser search: nil before any, `.searching` while it runs.
  var diffuserSearch: DiffuserSearchState?
  var microphones: [String] = []

  var studyIndex = 0
  var groupIndex = 0
  var sessionNumber = 1
  /// The flow under way started from the animation row.
  var isAnimation = false
  var selectedRow = 0
  /// A message for the home screen: a refused start, the review's address.
  var notice: ConsoleVerdict?

  // What the checks found.
  var diffuser: DiffuserChoice
  var diffuserReport: DiffuserReport?
  var puffChannel = 1
  var puff: PuffResult?
  var hearing = MicrophoneHearing()
  var microphoneFailure: LocalizedText?
  var microphoneOpened = false
  var litPads: [PadID] = []
  var screenSize: (width: Int, height: Int, isFullscreen: Bool)?
  var availableBytes: Int64?
  var accepted: [DeviceCheck: Set<AcceptedDegradation>] = [:]

  /// `knownDiffusers` are endpoints offered besides `none` and `simulated` (the saved one, the
  /// `CONNECTAGE_DIFFUSER` one).
  public init(catalogue: HomeCatalogue, settings: InstallationSettings, knownDiffusers: [String] = []) {
    self.catalogue = catalogue
    self.settings = settings
    draft = settings
    var diffusers = ["none", "simulated"]
    for endpoint in [settings.diffuser] + knownDiffusers where !diffusers.contains(endpoint) && !endpoint.isEmpty {
      diffusers.append(endpoint)
    }
    self.knownDiffusers = diffusers
    diffuser = settings.diffuserChoice
    pickNextSession()
  }

  // MARK: What is chosen

  var study: HomeStudy? {
    let studies = catalogue.clinicalStudies
    return studies.indices.contains(studyIndex) ? studies[studyIndex] : nil
  }

  var group: HomeGroup? {
    guard let study = isAnimation ? catalogue.animation : study, study.groups.indices.contains(groupIndex) else {
      return isAnimation ? catalogue.animation?.groups.first : nil
    }
    return study.groups[groupIndex]
  }

  var plannedSession: HomePlannedSession? {
    group?.sessions.first { $0.number == sessionNumber }
  }

  /// The session the flow under way would start.
  var start: HomeStart? {
    let chosenStudy = isAnimation ? catalogue.animation : study
    guard let chosenStudy else { return nil }
    let resumes: Bool
    if !isAnimation, case .interrupted = plannedSession?.state { resumes = true } else { resumes = false }
    return HomeStart(
      protocolFile: chosenStudy.protocolFile, group: isAnimation ? nil : group?.name,
      sessionNumber: isAnimation ? 1 : sessionNumber, resumesInterruptedRun: resumes, diffuser: diffuser,
      fullscreen: screenSize?.isFullscreen ?? settings.fullscreen,
      microphone: isAnimation ? nil : settings.microphone, isAnimation: isAnimation,
      acceptedDegradations: accepted.values.reduce(into: []) { $0.formUnion($1) })
  }

  /// The checks a flow goes through: an animation records nothing, so it needs no microphone.
  var checks: [DeviceCheck] { isAnimation ? [.diffuser, .pads, .screenAndDisk] : DeviceCheck.allCases }

  mutating func pickNextSession() {
    groupIndex = min(groupIndex, max(0, (study?.groups.count ?? 1) - 1))
    sessionNumber = group?.nextSession?.number ?? 1
  }

  /// The catalogue read again after a session: the one just held is done, the next one is offered.
  public mutating func replace(_ catalogue: HomeCatalogue) {
    self.catalogue = catalogue
    studyIndex = min(studyIndex, max(0, catalogue.clinicalStudies.count - 1))
    if case .summary = screen {} else { pickNextSession() }
    litPads = []
  }

  // MARK: Inputs

  public mutating func handle(_ input: HomeInput) -> [HomeEffect] {
    switch input {
    case .navigate(let key): return navigate(key)
    case .key(let action): return press(action)
    case .pointed(let row):
      let index = row - firstChoiceRow
      guard rows.indices.contains(index) else { return [] }
      selectedRow = index
      return activate(rows[index])
    case .diffuserChecked(let report):
      diffuserReport = report
    case .puffed(let result):
      puff = result
    case .microphoneOpened(let failure):
      microphoneFailure = failure
      microphoneOpened = failure == nil
      hearing = MicrophoneHearing()
    case .microphoneHeard(let level):
      hearing.add(level)
    case .padPressed(let pad):
      if !litPads.contains(pad), litPads.count < PlayerNumber.all.count { litPads.append(pad) }
    case .screenMeasured(let width, let height, let isFullscreen):
      screenSize = (width, height, isFullscreen)
    case .diskMeasured(let available):
      availableBytes = available
    case .sessionEnded(let report):
      show(.summary(report))
    case .sessionRefused(let message):
      notice = ConsoleVerdict(tone: .problem, headline: HomeWords.notStarted, advice: message)
      show(.home)
    case .reviewOpened(let message):
      notice = ConsoleVerdict(tone: .good, headline: HomeWords.reviewOpened, advice: message)
    case .microphonesListed(let names):
      microphones = names
    case .diffusersFound(let search):
      diffuserSearch = .done(search)
      for found in search.found where !knownDiffusers.contains(found.endpoint) { knownDiffusers.append(found.endpoint) }
      // The first device found becomes the draft's default: one Enter on "Enregistrer" keeps it.
      if let first = search.found.first { draft.diffuser = first.endpoint }
    }
    return []
  }

  private mutating func navigate(_ key: NavigationKey) -> [HomeEffect] {
    let count = rows.count
    guard count > 0 else { return [] }
    switch key {
    case .up: selectedRow = (selectedRow + count - 1) % count
    case .down: selectedRow = (selectedRow + 1) % count
    case .left: return adjust(rows[min(selectedRow, count - 1)], by: -1)
    case .right: return adjust(rows[min(selectedRow, count - 1)], by: 1)
    }
    return []
  }

  private mutating func press(_ action: OperatorAction) -> [HomeEffect] {
    switch action {
    case .confirm, .next:
      guard rows.indices.contains(selectedRow) else { return [] }
      return activate(rows[selectedRow])
    case .cancel, .end:
      return back(quitting: action == .end)
    default:
      return []
    }
  }

  /// Backspace and Esc go back one screen; Esc on the home screen closes the program.
  private mutating func back(quitting: Bool) -> [HomeEffect] {
    switch screen {
    case .home:
      if quitting { return [.quit] }
      notice = nil
      return []
    case .check(let check):
      let leaving: [HomeEffect] = check == .microphone ? [.stopListening] : []
      guard let index = checks.firstIndex(of: check), index > 0 else {
        show(.home)
        return leaving
      }
      return leaving + enter(checks[index - 1])
    case .settings:
      draft = settings
      show(.home)
      return []
    case .summary:
      show(.home)
      return []
    case .session:
      return []
    }
  }

  mutating func show(_ next: Screen) {
    screen = next
    selectedRow = 0
  }

  /// Opens a check and asks the devices what the screen needs to know.
  mutating func enter(_ check: DeviceCheck) -> [HomeEffect] {
    show(.check(check))
    accepted[check] = nil
    switch check {
    case .diffuser:
      diffuserReport = nil
      puff = nil
      return [.checkDiffuser(diffuser)]
    case .microphone:
      microphoneOpened = false
      microphoneFailure = nil
      hearing = MicrophoneHearing()
      return [.listenToMicrophone(settings.microphone)]
    case .pads:
      return []
    case .screenAndDisk:
      return [.measureScreenAndDisk]
    }
  }

  /// Past a check: the next one, or the session once the last has passed or been accepted.
  mutating func leave(_ check: DeviceCheck, accepting degradations: Set<AcceptedDegradation>) -> [HomeEffect] {
    accepted[check] = degradations
    let leaving: [HomeEffect] = check == .microphone ? [.stopListening] : []
    guard let index = checks.firstIndex(of: check), index + 1 < checks.count else {
      guard let start else { return leaving }
      show(.session)
      return leaving + [.start(start)]
    }
    return leaving + enter(checks[index + 1])
  }
}
