import Foundation
import SessionModel
import Stage

/// The home screen, its checks, the summary and the settings in the tour, as a therapist goes
/// through them: each step's keys and pad presses, and what the devices answer, played into a
/// ``HomeModel``; the step shows the scene the model then shows.
public enum HomeTour {
  /// One tour step and the inputs that make its scene: keys and pad presses (sent through SDL by
  /// the tour) mixed with the devices' answers, in order.
  public struct Step: Sendable {
    public var name: String
    public var inputs: [HomeInput]
    public var scene: StageScene

    /// The tour's actions: the keys and pad presses among the inputs.
    public var actions: [TourAction] {
      inputs.compactMap { input in
        switch input {
        case .navigate(let key): .arrow(key)
        case .key(let action): .therapist(action)
        case .padPressed(let pad): .tap(player: pad.rawValue, .a)
        default: nil
        }
      }
    }

    public var tourStep: StageTour.Step { StageTour.Step(name: name, actions: actions, scene: scene) }
  }

  /// An afternoon of the ESPOIR-AVC study: group G01, its third session next.
  public static let catalogue: HomeCatalogue = {
    let start = CalendarDate(year: 2027, month: 1, day: 14)!
    let sessions = (1...13).map { number in
      HomePlannedSession(
        number: number, id: "G01-S\(number < 10 ? "0" : "")\(number)", date: start.adding(days: 14 * (number - 1)),
        state: number < 3 ? .held : .planned, neededBytes: 350_000_000, plansScents: true)
    }
    return HomeCatalogue(studies: [
      HomeStudy(
        protocolFile: URL(fileURLWithPath: "Protocols/espoir-avc.yaml"), id: "espoir-avc",
        title: LocalizedText(fr: "ESPOIR-AVC", en: "ESPOIR-AVC"), isClinical: true,
        groups: [HomeGroup(name: "G01", registeredMembers: 10, sessions: sessions)]),
      HomeStudy(
        protocolFile: URL(fileURLWithPath: "Protocols/ehpad-animation.yaml"), id: "ehpad-animation",
        title: LocalizedText(fr: "Animation", en: "Animation"), isClinical: false,
        groups: [HomeGroup(name: "EHPAD", registeredMembers: nil, sessions: [])]),
    ])
  }()

  public static let settings = InstallationSettings(diffuser: "rfcomm:AA:BB:CC:DD:EE:FF", microphone: nil)

  static let speaking = MicrophoneLevel(rms: 0.08, peak: 0.45)

  /// The steps, named as the guides' screenshots: `home-*`, `check-*`, `after-session`, `settings`.
  public static var steps: [Step] {
    let script: [(String, [HomeInput])] = [
      ("home-start", [.navigate(.down), .navigate(.down), .navigate(.down)]),
      (
        "check-diffuser-none",
        [
          .key(.confirm),
          .diffuserChecked(.unreachable(LocalizedText(fr: "Aucune réponse après 5 s.", en: "No answer after 5 s."))),
          .key(.confirm), .diffuserChecked(.noDiffuser),
        ]
      ),
      (
        "check-diffuser",
        [
          .navigate(.left),
          .diffuserChecked(.found(model: "Diffuseur 30", channels: 30, emptyOrMissing: [], lowest: 62)),
          .navigate(.down), .navigate(.right), .navigate(.right), .navigate(.down), .key(.confirm),
          .puffed(.released(channel: 3, milliseconds: 300)),
        ]
      ),
      (
        "check-microphone",
        [.navigate(.down), .key(.confirm), .microphoneOpened(failure: nil)]
          + Array(repeating: .microphoneHeard(speaking), count: 12)
      ),
      (
        "check-pads",
        [.navigate(.down), .key(.confirm)] + [1, 2, 3, 5, 6, 7, 9].map { .padPressed(PadID(rawValue: $0)) }
      ),
      (
        "check-screen-disk",
        [
          .key(.confirm), .screenMeasured(width: 1920, height: 1080, isFullscreen: true),
          .diskMeasured(availableBytes: 48_300_000_000), .navigate(.up),
        ]
      ),
      (
        "after-session",
        [
          .key(.confirm),
          .sessionEnded(
            SessionReport(
              session: "G01-S03-20270211T143000-3fa9c2", players: 7,
              speakers: ["P01": 3, "P02": 2, "P03": 4, "P05": 1, "P06": 2, "P07": 3, "P09": 2], recordedAnswers: 17,
              measuredAnswers: 17, releasedScents: 4,
              incidents: [
                LocalizedText(
                  fr: "La manette 6 s'est débranchée une fois ; son avatar a été gardé.",
                  en: "Gamepad 6 was unplugged once; its avatar was kept.")
              ])),
        ]
      ),
      (
        "settings",
        [
          .navigate(.down), .key(.confirm), .navigate(.up), .key(.confirm), .navigate(.up), .navigate(.up),
          .navigate(.up), .key(.confirm),
          .diffusersFound(
            DiffuserSearch(found: [
              DiffuserSearch.Found(endpoint: "scentrealm-serial:/dev/ttyUSB0", model: "Scentrealm"),
              DiffuserSearch.Found(endpoint: "aromashooter:ASN2A00001.local", model: "Aroma Shooter"),
            ])),
        ]
      ),
    ]
    var model = HomeModel(catalogue: catalogue, settings: settings)
    _ = model.handle(.microphonesListed(["USB Conference Microphone"]))
    return script.map { name, inputs in
      for input in inputs { _ = model.handle(input) }
      return Step(name: name, inputs: inputs, scene: model.scene)
    }
  }
}
