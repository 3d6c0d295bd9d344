import SessionEngine
import SessionModel
import Testing

/// How the diffuser answers a release in a scent-lead case.
enum DiffuserAnswer: Sendable {
  case acknowledged(afterMilliseconds: Int)
  case refused(afterMilliseconds: Int)
  case silent
}

struct ScentLeadCase: Sendable, CustomTestStringConvertible {
  let id: String
  let answer: DiffuserAnswer
  /// When the image appears, in milliseconds after the release was requested.
  let imageAfterMilliseconds: Int
  let notice: String?
  var testDescription: String { id }
}

let scentLeadCases: [ScentLeadCase] = [
  .init(
    id: "an early confirmation still waits for the 2 s lead time",
    answer: .acknowledged(afterMilliseconds: 100), imageAfterMilliseconds: 2_000, notice: nil),
  .init(
    id: "a late confirmation holds the image until it comes",
    answer: .acknowledged(afterMilliseconds: 3_500), imageAfterMilliseconds: 3_500, notice: nil),
  .init(
    id: "a refusal shows the image at once, without scent, with a notice",
    answer: .refused(afterMilliseconds: 500), imageAfterMilliseconds: 500,
    notice: "Odeur refusée : cartouche vide. L'essai continue sans odeur."),
  .init(
    id: "no answer at all: the image comes 10 s after the lead time, with a notice",
    answer: .silent, imageAfterMilliseconds: 12_000,
    notice: "Le diffuseur n'a pas confirmé l'odeur : l'image est montrée quand même."),
]

@Test(arguments: scentLeadCases)
func scentLeadTime(_ leadCase: ScentLeadCase) {
  var driver = Driver(Material.setup([Material.trial(1, "jardin", .imageScent)]))
  let started = driver.run(Step.joinAndStart(pads: [1]))
  #expect(
    started.contains(
      .releaseScent("rose", slot: CartridgeSlot(rawValue: 3)!, intensity: 60, durationMilliseconds: 4_000)))
  #expect(driver.engine.scene.content == .lobby(title: LocalizedText(fr: "Respirez doucement…", en: "Breathe gently…")))

  let requestedAt = driver.nowMilliseconds
  var imageShownAfter: Int?
  for elapsed in stride(from: 100, through: 15_000, by: 100) {
    let input: SessionInput
    let nanoseconds = UInt64(requestedAt + elapsed) * 1_000_000
    switch leadCase.answer {
    case .acknowledged(let after) where after == elapsed:
      input = .scentReleased(
        "rose", startedAt: nanoseconds, endsAt: nanoseconds + 4_000_000_000, acknowledgedAt: nanoseconds)
    case .refused(let after) where after == elapsed:
      input = .scentRefused("rose", reason: LocalizedText(fr: "cartouche vide", en: "empty cartridge"))
    default:
      input = .tick
    }
    driver.run([Step(after: 100, input: input)])
    if imageShownAfter == nil, case .stimulus = driver.engine.scene.content { imageShownAfter = elapsed }
  }
  #expect(imageShownAfter == leadCase.imageAfterMilliseconds)
  let overlay = driver.engine.scene.overlay
  if let notice = leadCase.notice {
    #expect(overlay == .notice(LocalizedText(fr: notice, en: overlayEnglish(overlay))))
  } else {
    #expect(overlay == nil)
  }
  #expect(driver.lines(["release"]).count == 1)
}

private func overlayEnglish(_ overlay: SceneOverlay?) -> String {
  if case .notice(let text) = overlay { return text.english }
  return ""
}

@Test func theImageSignalsTheScentUntilItEndsThenTheAirIsCleared() {
  var driver = Driver(Material.setup([Material.trial(1, "jardin", .imageScent)]))
  driver.run(Step.joinAndStart(pads: [1]))
  let start = driver.nowMilliseconds
  let lines = driver.run(
    Step.input(
      .scentReleased(
        "rose", startedAt: UInt64(start) * 1_000_000, endsAt: UInt64(start + 4_000) * 1_000_000,
        acknowledgedAt: UInt64(start) * 1_000_000), after: 0)
      + Step.wait(2_000) + Step.wait(1_999) + Step.wait(1)
  ).map(Transcript.line(for:)).filter { $0.hasPrefix("show") || $0.hasPrefix("purge") || $0.hasPrefix("log scent") }
  #expect(
    lines == [
      "log scent.released", "show stimulus jardin with scent | 1:chat", "log scent.ended", "purge 10000 ms",
      "show stimulus jardin | 1:chat",
    ])
}

@Test func aSecondScentWaitsForTheSafetyIntervalAfterTheFirstEnds() {
  let trials = [Material.trial(1, "jardin", .imageScent), Material.trial(2, "verger", .imageScent)]
  var driver = Driver(Material.setup(trials))
  driver.run(Step.joinAndStart(pads: [1]))
  let firstRelease = driver.nowMilliseconds
  driver.run(
    Step.input(
      .scentReleased(
        "rose", startedAt: UInt64(firstRelease) * 1_000_000, endsAt: UInt64(firstRelease + 4_000) * 1_000_000,
        acknowledgedAt: UInt64(firstRelease) * 1_000_000), after: 0
    )
      + Step.wait(2_000) + Step.key(.next) + Step.key(.next))
  #expect(driver.lines(["log scent.delayed"]).count == 1)
  var secondRelease: Int?
  while secondRelease == nil, driver.nowMilliseconds < firstRelease + 60_000 {
    if driver.run(Step.wait(250)).contains(where: { if case .releaseScent = $0 { true } else { false } }) {
      secondRelease = driver.nowMilliseconds
    }
  }
  // 4 s of release, then the standard 30 s interval, met at the first tick after it.
  let earliest = firstRelease + 4_000 + 30_000
  #expect(secondRelease.map { $0 >= earliest && $0 < earliest + 250 } == true)
}

@Test func whichScentAfterAScentLeadDoesNotReleaseASecondTime() {
  let trials = [Material.trial(1, "verger", .imageGameScent, game: .whichScent)]
  var driver = Driver(Material.setup(trials))
  driver.run(Step.joinAndStart(pads: [1]))
  let start = driver.nowMilliseconds
  driver.run(
    Step.input(
      .scentReleased(
        "pomme", startedAt: UInt64(start) * 1_000_000, endsAt: UInt64(start + 4_000) * 1_000_000,
        acknowledgedAt: UInt64(start) * 1_000_000), after: 0
    )
      + Step.wait(2_000) + Step.key(.next))
  guard case .whichScent(let view) = driver.engine.scene.content else {
    Issue.record("expected the game, got \(driver.engine.scene.content)")
    return
  }
  #expect(view.choices.count == 2)
  #expect(view.choices.contains { $0.image == "scents/pomme.svg" })
  #expect(driver.lines(["release"]) == ["release pomme slot 1 at 60% for 4000 ms"])
}

@Test func onceTheSessionBudgetIsSpentTrialsGoOnWithoutScent() {
  var setup = Material.setup([Material.trial(1, "jardin", .imageScent), Material.trial(2, "verger", .imageScent)])
  setup.scentSafety.maximumReleasesPerSession = 1
  var driver = Driver(setup)
  driver.run(Step.joinAndStart(pads: [1]) + Step.input(.scentRefused("rose", reason: LocalizedText(fr: "x", en: "x"))))
  driver.run(Step.key(.next) + Step.key(.next))
  #expect(driver.lines(["release"]) == ["release rose slot 3 at 60% for 4000 ms"])
  #expect(driver.lines(["log scent.skipped"]).count == 1)
  #expect(
    driver.engine.scene.overlay
      == .notice(
        LocalizedText(
          fr: "Limite d'odeurs de la séance atteinte : l'essai continue sans odeur.",
          en: "The session's scent limit is reached: the trial goes on without a scent.")))
  #expect(driver.engine.scene.content == .stimulus(StimulusView(stimulus: "verger", image: "stimuli/verger.svg")))
}

/// A diffuser's refusal or silence that arrives during a pause leaves the image for the resume:
/// nothing is shown, and the trial's cue window stays open, while the session is paused.
@Test(arguments: [
  SessionInput.scentRefused("rose", reason: LocalizedText(fr: "cartouche vide", en: "empty cartridge")),
  SessionInput.scentUnconfirmed("rose", reason: LocalizedText(fr: "pas de réponse", en: "no answer")),
])
func aDiffuserAnswerDuringAPauseShowsTheImageOnlyAfterTheResume(_ answer: SessionInput) {
  var driver = Driver(Material.setup([Material.trial(1, "jardin", .imageScent)]))
  driver.run(Step.joinAndStart(pads: [1]) + Step.key(.pause) + Step.input(answer))
  var types: [String] {
    driver.commands.compactMap { if case .log(let event) = $0.command { event.type.rawValue } else { nil } }
  }
  let paused = types.lastIndex(of: "session.paused")
  #expect(paused != nil)
  #expect(!types[(paused ?? 0)...].contains("stimulus.shown"), "\(types)")
  driver.run(Step.key(.pause))
  let resumed = types.lastIndex(of: "session.resumed")
  #expect(resumed.map { types[$0...].contains("stimulus.shown") } == true, "\(types)")
}
