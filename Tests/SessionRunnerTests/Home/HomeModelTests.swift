import Foundation
import SessionModel
import Stage
import Testing

@testable import SessionRunner

/// The home screen as a value: what it offers, where each key leads, what the checks conclude and
/// what a session started from it carries.
@Suite struct HomeModelTests {
  static func catalogue(third: HomePlannedSession.State = .planned, registered: Int? = 10) -> HomeCatalogue {
    let start = CalendarDate(year: 2027, month: 1, day: 14)!
    let sessions = (1...4).map { number in
      HomePlannedSession(
        number: number, id: "G01-S0\(number)", date: start.adding(days: 14 * (number - 1)),
        state: number < 3 ? .held : number == 3 ? third : .planned, neededBytes: 1_000_000, plansScents: true)
    }
    return HomeCatalogue(studies: [
      HomeStudy(
        protocolFile: URL(fileURLWithPath: "/p/espoir-avc.yaml"), id: "espoir-avc",
        title: LocalizedText(fr: "ESPOIR-AVC", en: "ESPOIR-AVC"), isClinical: true,
        groups: [HomeGroup(name: "G01", registeredMembers: registered, sessions: sessions)]),
      HomeStudy(
        protocolFile: URL(fileURLWithPath: "/p/ehpad-animation.yaml"), id: "ehpad-animation",
        title: LocalizedText(fr: "Animation", en: "Animation"), isClinical: false,
        groups: [HomeGroup(name: "EHPAD", registeredMembers: nil, sessions: [])]),
    ])
  }

  /// Enter on a row chosen by its label, as the therapist reads it.
  static func choose(_ label: String, in model: inout HomeModel) -> [HomeEffect] {
    guard let index = model.view.rows.firstIndex(where: { $0.label.french.hasPrefix(label) }) else {
      Issue.record("no row « \(label) » in \(model.view.rows.map(\.label.french))")
      return []
    }
    return model.handle(.pointed(row: index))
  }

  static let speaking = MicrophoneLevel(rms: 0.1, peak: 0.5)

  /// Through the four checks with everything working, to the session.
  static func passEveryCheck(_ model: inout HomeModel) -> [HomeEffect] {
    _ = choose("Commencer la séance", in: &model)
    _ = model.handle(.diffuserChecked(.found(model: "D30", channels: 30, emptyOrMissing: [], lowest: 80)))
    _ = choose("Continuer", in: &model)
    _ = model.handle(.microphoneOpened(failure: nil))
    _ = model.handle(.microphoneHeard(speaking))
    _ = choose("Continuer", in: &model)
    _ = model.handle(.padPressed(PadID(rawValue: 1)))
    _ = choose("Continuer", in: &model)
    _ = model.handle(.screenMeasured(width: 1920, height: 1080, isFullscreen: true))
    _ = model.handle(.diskMeasured(availableBytes: 50_000_000_000))
    return choose("Commencer la séance", in: &model)
  }

  @Test func theNextPlannedSessionIsOfferedWithItsDate() {
    let model = HomeModel(catalogue: Self.catalogue(), settings: InstallationSettings())
    #expect(model.view.subtitle?.french == "Prochaine séance prévue : n° 3 du groupe G01, jeudi 11 février 2027")
    #expect(model.view.rows.map(\.label.french).prefix(4) == ["Étude", "Groupe", "Séance", "Commencer la séance"])
    #expect(model.view.rows[2].value?.french == "3, jeudi 11 février 2027 (prochaine)")
  }

  @Test func anotherSessionCanBeChosenWithTheArrows() {
    var model = HomeModel(catalogue: Self.catalogue(), settings: InstallationSettings())
    _ = model.handle(.navigate(.down))
    _ = model.handle(.navigate(.down))
    _ = model.handle(.navigate(.right))
    #expect(model.view.rows[2].value?.french == "4, jeudi 25 février 2027")
    _ = model.handle(.navigate(.right))
    #expect(model.view.rows[2].value?.french == "1, jeudi 14 janvier 2027 (faite)")
    #expect(model.start?.sessionNumber == 1)
  }

  @Test func anInterruptedSessionIsOfferedForResume() {
    var model = HomeModel(
      catalogue: Self.catalogue(third: .interrupted(atTrial: 4, of: 12)), settings: InstallationSettings())
    #expect(model.view.rows[3].label.french == "Reprendre la séance interrompue (image 4 sur 12)")
    #expect(model.view.rows[3].tone == .warning)
    #expect(model.view.subtitle?.french.contains("interrompue") == true)
    #expect(model.start?.resumesInterruptedRun == true)
    _ = model.handle(.navigate(.down))
    _ = model.handle(.navigate(.down))
    _ = model.handle(.navigate(.right))
    #expect(model.start?.resumesInterruptedRun == false, "another session starts from its beginning")
  }

  @Test func aSessionWhoseChecksPassStartsWithNoDegradation() {
    var model = HomeModel(
      catalogue: Self.catalogue(), settings: InstallationSettings(diffuser: "simulated", fullscreen: true))
    let effects = Self.passEveryCheck(&model)
    let expected = HomeStart(
      protocolFile: URL(fileURLWithPath: "/p/espoir-avc.yaml"), group: "G01", sessionNumber: 3,
      resumesInterruptedRun: false, diffuser: .simulated, fullscreen: true, microphone: nil, isAnimation: false)
    #expect(effects == [.stopListening, .start(expected)] || effects == [.start(expected)])
    #expect(model.screen == .session)
  }

  @Test func eachCheckAsksItsDevice() {
    var model = HomeModel(
      catalogue: Self.catalogue(),
      settings: InstallationSettings(diffuser: "rfcomm:AA:BB:CC:DD:EE:FF", microphone: "USB"))
    #expect(Self.choose("Commencer la séance", in: &model) == [.checkDiffuser(.endpoint("rfcomm:AA:BB:CC:DD:EE:FF"))])
    _ = model.handle(.diffuserChecked(.found(model: "D30", channels: 30, emptyOrMissing: [], lowest: 80)))
    _ = model.handle(.navigate(.down))
    _ = model.handle(.navigate(.right))
    _ = model.handle(.navigate(.right))
    #expect(Self.choose("Diffusion d'essai", in: &model) == [.puff(.endpoint("rfcomm:AA:BB:CC:DD:EE:FF"), channel: 3)])
    #expect(Self.choose("Continuer", in: &model) == [.listenToMicrophone("USB")])
    #expect(Self.choose("Continuer", in: &model) == [.stopListening])
    #expect(model.screen == .check(.pads))
    #expect(Self.choose("Continuer", in: &model) == [.measureScreenAndDisk])
  }

  struct DegradationCase: CustomTestStringConvertible, Sendable {
    var id: String
    var answers: [HomeInput]
    var check: HomeModel.DeviceCheck
    var expected: Set<AcceptedDegradation>
    var headline: String
    var testDescription: String { id }
  }

  @Test(arguments: [
    DegradationCase(
      id: "no diffuser", answers: [.diffuserChecked(.noDiffuser)], check: .diffuser, expected: [.noDiffuser],
      headline: "Aucun diffuseur : séance sans odeurs ?"),
    DegradationCase(
      id: "diffuser out of reach",
      answers: [.diffuserChecked(.unreachable(LocalizedText(fr: "Pas de réponse.", en: "No answer.")))],
      check: .diffuser, expected: [.unreachableDiffuser], headline: "Le diffuseur ne répond pas."),
    DegradationCase(
      id: "empty cartridges",
      answers: [.diffuserChecked(.found(model: "D30", channels: 30, emptyOrMissing: [4, 9], lowest: 0))],
      check: .diffuser, expected: [.emptyCartridges], headline: "Cartouches vides ou absentes : 4, 9."),
    DegradationCase(
      id: "no microphone", answers: [.microphoneOpened(failure: LocalizedText(fr: "Débranché.", en: "Unplugged."))],
      check: .microphone, expected: [.noMicrophone], headline: "Aucun micro ne s'ouvre."),
    DegradationCase(
      id: "a quiet microphone",
      answers: [.microphoneOpened(failure: nil)]
        + Array(repeating: .microphoneHeard(MicrophoneLevel(rms: 0.002, peak: 0.01)), count: 20),
      check: .microphone, expected: [.quietMicrophone], headline: "Le micro entend trop peu."),
    DegradationCase(
      id: "a clipping microphone",
      answers: [
        .microphoneOpened(failure: nil), .microphoneHeard(speaking),
        .microphoneHeard(MicrophoneLevel(rms: 0.5, peak: 1)),
      ],
      check: .microphone, expected: [.clippingMicrophone], headline: "Le son sature."),
    DegradationCase(
      id: "no pad", answers: [], check: .pads, expected: [.noPads], headline: "Aucune manette n'a encore répondu."),
    DegradationCase(
      id: "a full disk", answers: [.diskMeasured(availableBytes: 10)], check: .screenAndDisk, expected: [.lowDiskSpace],
      headline: "Pas tout à fait prêt."),
  ])
  func aCheckThatFailsNamesTheDegradationAndStartsOnlyWhenAccepted(_ c: DegradationCase) {
    var model = HomeModel(catalogue: Self.catalogue(), settings: InstallationSettings(diffuser: "simulated"))
    _ = Self.choose("Commencer la séance", in: &model)
    let good: [HomeModel.DeviceCheck: [HomeInput]] = [
      .diffuser: [.diffuserChecked(.found(model: "D30", channels: 30, emptyOrMissing: [], lowest: 80))],
      .microphone: [.microphoneOpened(failure: nil), .microphoneHeard(Self.speaking)],
      .pads: [.padPressed(PadID(rawValue: 2))],
      .screenAndDisk: [.diskMeasured(availableBytes: 50_000_000_000)],
    ]
    for check in HomeModel.DeviceCheck.allCases {
      for answer in check == c.check ? c.answers : good[check]! { _ = model.handle(answer) }
      if check == c.check {
        #expect(model.view.verdict?.headline.french == c.headline)
        let proceed = model.view.rows.last!
        #expect(proceed.tone == .warning)
        #expect(proceed.label.french.hasPrefix("Continuer quand même : "), "\(proceed.label.french)")
      }
      let effects = model.handle(.pointed(row: model.view.rows.count - 1))
      if check == .screenAndDisk {
        guard case .start(let start) = effects.last else {
          Issue.record("no start: \(effects)")
          return
        }
        #expect(start.acceptedDegradations == c.expected)
      }
    }
  }

  @Test func backspaceGoesBackOneCheckAndEscOnTheHomeScreenQuits() {
    var model = HomeModel(catalogue: Self.catalogue(), settings: InstallationSettings())
    _ = Self.choose("Commencer la séance", in: &model)
    _ = Self.choose("Continuer", in: &model)
    #expect(model.screen == .check(.microphone))
    #expect(model.handle(.key(.cancel)) == [.stopListening, .checkDiffuser(.none)])
    #expect(model.screen == .check(.diffuser))
    _ = model.handle(.key(.cancel))
    #expect(model.screen == .home)
    #expect(model.handle(.key(.end)) == [.quit])
  }

  @Test func theAnimationSkipsTheMicrophoneAndTheDisk() {
    var model = HomeModel(catalogue: Self.catalogue(), settings: InstallationSettings(diffuser: "simulated"))
    _ = Self.choose("Animation", in: &model)
    _ = model.handle(.diffuserChecked(.found(model: "D30", channels: 30, emptyOrMissing: [], lowest: 80)))
    _ = Self.choose("Continuer", in: &model)
    #expect(model.screen == .check(.pads))
    _ = model.handle(.padPressed(PadID(rawValue: 1)))
    _ = Self.choose("Continuer", in: &model)
    #expect(model.view.rows.map(\.label.french).contains("Disque") == false)
    let effects = Self.choose("Commencer l'animation", in: &model)
    guard case .start(let start) = effects.last else {
      Issue.record("no start: \(effects)")
      return
    }
    #expect(start.isAnimation && start.group == nil && start.microphone == nil)
    #expect(start.protocolFile.lastPathComponent == "ehpad-animation.yaml")
  }

  @Test func eachJoinedPadLightsItsSeat() {
    var model = HomeModel(catalogue: Self.catalogue(), settings: InstallationSettings())
    _ = Self.choose("Commencer la séance", in: &model)
    _ = Self.choose("Continuer", in: &model)
    _ = Self.choose("Continuer", in: &model)
    for pad in [4, 2, 4, 7] { _ = model.handle(.padPressed(PadID(rawValue: pad))) }
    #expect(model.view.seats.filter(\.isLit).map(\.number.rawValue) == [1, 2, 3])
    #expect(model.view.verdict?.headline.french == "3 manettes sur 10.")
  }

  @Test func theSummaryOffersTheReviewOrTheEnd() {
    var model = HomeModel(catalogue: Self.catalogue(), settings: InstallationSettings(diffuser: "simulated"))
    _ = Self.passEveryCheck(&model)
    let report = SessionReport(
      session: "G01-S03-x", players: 3, speakers: ["P02": 1, "P01": 2], recordedAnswers: 3, measuredAnswers: 3,
      releasedScents: 2,
      incidents: [LocalizedText(fr: "Le diffuseur a décroché une fois.", en: "The diffuser dropped once.")])
    _ = model.handle(.sessionEnded(report))
    let rows = model.view.rows
    #expect(
      rows.map(\.label.french) == [
        "Joueurs", "Ont parlé", "Réponses", "Odeurs diffusées", "Incidents", "Relire et transcrire",
        "Terminer",
      ])
    #expect(rows[1].value?.french == "2 sur 3")
    #expect(rows[2].value?.french == "3 (3 mesurées)")
    #expect(model.view.verdict?.advice?.french == "Ont parlé : P01 ×2, P02 ×1. Le diffuseur a décroché une fois.")
    #expect(model.view.selectedRow == 5)
    #expect(model.handle(.key(.confirm)) == [.openReview])
    #expect(model.handle(.pointed(row: 6)) == [])
    #expect(model.screen == .home)
  }

  @Test func settingsAreEditedThenSavedOrCancelled() {
    var model = HomeModel(
      catalogue: Self.catalogue(), settings: InstallationSettings(), knownDiffusers: ["rfcomm:AA:BB:CC:DD:EE:FF"])
    _ = model.handle(.microphonesListed(["USB Conference"]))
    _ = Self.choose("Réglages", in: &model)
    _ = model.handle(.navigate(.right))  // language
    _ = model.handle(.navigate(.down))
    _ = model.handle(.navigate(.left))  // diffuser: none → the last known one
    _ = model.handle(.navigate(.down))
    _ = model.handle(.navigate(.right))  // microphone
    _ = model.handle(.navigate(.down))
    _ = model.handle(.navigate(.right))  // window
    let effects = Self.choose("Enregistrer", in: &model)
    let saved = InstallationSettings(
      language: .english, diffuser: "rfcomm:AA:BB:CC:DD:EE:FF", microphone: "USB Conference", fullscreen: false)
    #expect(effects == [.saveSettings(saved)])
    #expect(model.settings == saved)
    _ = Self.choose("Réglages", in: &model)
    _ = model.handle(.navigate(.right))
    _ = model.handle(.key(.cancel))
    #expect(model.settings == saved, "Backspace leaves the settings as they were")
  }
}

/// The settings' diffuser search: a device found is offered and chosen without typing its
/// address; nothing found says what to do, and why Bluetooth could not help.
@Suite struct HomeDiffuserSearchTests {
  static func settingsScreen() -> HomeModel {
    var model = HomeModel(
      catalogue: HomeModelTests.catalogue(), settings: InstallationSettings(diffuser: "aromashooter:10.0.0.7"))
    _ = HomeModelTests.choose("Réglages", in: &model)
    return model
  }

  @Test func aDeviceFoundBecomesTheDiffuserToSave() {
    var model = Self.settingsScreen()
    let effects = HomeModelTests.choose("Rechercher les diffuseurs", in: &model)
    #expect(effects == [.searchDiffusers(aromaShooters: ["10.0.0.7"])], "the saved Aroma Shooter is asked too")
    #expect(model.handle(.key(.confirm)) == [], "one search at a time")
    #expect(
      model.view.rows.first { $0.label.french == "Rechercher les diffuseurs" }?.value?.french
        == "recherche en cours (quelques secondes)…")

    let found = [
      DiffuserSearch.Found(endpoint: "scentrealm-serial:/dev/ttyUSB0", model: "Scentrealm"),
      DiffuserSearch.Found(endpoint: "ble:AA:BB:CC:DD:EE:FF", model: "ConnectAge"),
    ]
    _ = model.handle(.diffusersFound(.init(found: found)))
    #expect(model.view.verdict?.headline.french == "2 diffuseur(s) trouvé(s)")
    #expect(
      model.view.verdict?.advice?.french.hasPrefix("Scentrealm (scentrealm-serial:/dev/ttyUSB0), ConnectAge") == true)
    #expect(model.view.rows.first { $0.label.french == "Diffuseur" }?.value?.french == "scentrealm-serial:/dev/ttyUSB0")
    _ = model.handle(.navigate(.up))
    _ = model.handle(.navigate(.up))
    _ = model.handle(.navigate(.up))
    _ = model.handle(.navigate(.right))  // the diffuser row: the next known one, found by the search
    #expect(model.view.rows.first { $0.label.french == "Diffuseur" }?.value?.french == "ble:AA:BB:CC:DD:EE:FF")
    let saved = HomeModelTests.choose("Enregistrer", in: &model)
    #expect(saved == [.saveSettings(InstallationSettings(diffuser: "ble:AA:BB:CC:DD:EE:FF"))])
  }

  @Test func nothingFoundSaysWhatToDoAndWhyBluetoothCouldNotHelp() {
    var model = Self.settingsScreen()
    _ = HomeModelTests.choose("Rechercher les diffuseurs", in: &model)
    _ = model.handle(
      .diffusersFound(
        .init(found: [], bluetoothProblem: LocalizedText(fr: "pas de Bluetooth ici.", en: "no Bluetooth here."))))
    let verdict = model.view.verdict
    #expect(verdict?.tone == .warning)
    #expect(verdict?.headline.french == "Aucun diffuseur trouvé")
    #expect(
      verdict?.advice?.french
        == "Allumez le diffuseur, branchez son câble USB ou approchez-le, puis relancez la recherche. Bluetooth : pas de Bluetooth ici."
    )
    #expect(model.view.rows.first { $0.label.french == "Diffuseur" }?.value?.french == "aromashooter:10.0.0.7")
  }
}
