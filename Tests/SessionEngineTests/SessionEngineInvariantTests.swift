import SessionModel
import Testing

@testable import SessionEngine

/// Random walks with other seeds than the safety walks, checking after every input what the
/// state's shape cannot say by itself (``SessionEngine/brokenInvariants``), and that the scene
/// shows the stage the engine is in.
@Test(arguments: propertyCases.map { PropertyCase(seed: $0.seed + 24, kind: $0.kind, difficulty: $0.difficulty) })
func everyInputLeavesTheStateWhole(_ propertyCase: PropertyCase) {
  let trials: [Trial] = [
    Material.trial(1, "verger", .imageGameScent, game: .whichScent), Material.trial(2, "cuisine", .imageGame),
    Material.trial(3, "jardin", .imageGame, game: .thenAndNow), Material.trial(4, "plage", .imageScent),
    Material.trial(5, "verger", .imageGame, game: .memoryPairs),
  ]
  let setup = Material.setup(
    trials, kind: propertyCase.kind, maximumAnswerSeconds: 20, difficulty: propertyCase.difficulty,
    seed: propertyCase.seed)
  var engine = SessionEngine(setup: setup)
  var inputs = RandomInputs(generator: SplitMix64(seed: propertyCase.seed))
  var now: UInt64 = 0
  var lastRelease: ScentID?
  var stagesSeen: Set<String> = []
  let prelude = propertyCase.seed % 2 == 0 ? Step.joinAndStart(pads: [1, 2]) : []
  for step in prelude {
    now += UInt64(step.after) * 1_000_000
    _ = engine.handle(step.input, at: now)
  }
  for _ in 0..<2_000 where !engine.hasEnded {
    let (delay, input) = inputs.next(lastRelease: lastRelease, now: now)
    now += UInt64(delay) * 1_000_000
    for case .releaseScent(let scent, _, _, _) in engine.handle(input, at: now) { lastRelease = scent }
    let broken = engine.brokenInvariants
    #expect(broken.isEmpty, "after \(input) at \(now / 1_000_000) ms: \(broken)")
    if !broken.isEmpty { return }
    stagesSeen.insert(sceneStage(engine.scene.content))
    #expect(sceneStage(engine.scene.content) == stageName(engine.stage), "the scene shows another stage")
  }
  // A walk that never leaves the lobby checks nothing worth having.
  #expect(stagesSeen.count >= 3, "the walk only saw \(stagesSeen.sorted())")
}

/// The stored reasons are part of the research record: the enums must log exactly the strings
/// that databases already hold.
@Test func reasonsLogTheStringsAlreadyStored() {
  let logged: [(any LoggedReason, String)] = [
    (SessionEndReason.operator, "operator"), (SessionEndReason.completed, "completed"),
    (SessionEndReason.signal, "signal"), (TurnEndReason.sessionEnded(.signal), "signal"),
    (TrialEndReason.completed, "completed"), (TrialEndReason.skipped, "skipped"),
    (TurnEndReason.floorGiven, "floorGiven"), (TurnEndReason.next, "next"), (TurnEndReason.skipped, "skipped"),
    (TurnEndReason.maximumDuration, "maximumDuration"), (TurnEndReason.trialEnded(.completed), "completed"),
    (TurnEndReason.sessionEnded(.operator), "operator"),
    (RecordingStopReason.turnEnded(.floorGiven), "floorGiven"), (RecordingStopReason.redo, "redo"),
    (RecordingStopReason.replaced, "replaced"), (RecordingStopReason.failed, "failed"),
    (RecordingStopReason.pause, "pause"),
    (GameEndReason.next, "next"), (GameEndReason.skipped, "skipped"),
    (GameSkipReason.noMaterial, "noMaterial"), (GameSkipReason.operator, "operator"),
    (ScentSkipReason.unknownScent, "unknownScent"), (ScentSkipReason.sessionLimit, "sessionLimit"),
    (ScentSkipReason.safetyLimit, "safetyLimit"), (ScentSkipReason.operator, "operator"),
    (ScentSkipReason.pause, "pause"),
    (FloorSource.therapist, "therapist"), (FloorSource.request, "request"),
    (NotStartedReason.noConfirmedPlayer, "noConfirmedPlayer"),
    (NotStartedReason.seatsOutsideGroup, "seatsOutsideGroup"), (JoinRefusalReason.full, "full"),
  ]
  for (reason, stored) in logged { #expect(reason.logged == stored) }
}

private func stageName(_ stage: SessionStage) -> String {
  switch stage {
  case .lobby: "lobby"
  case .joining: "join"
  case .trial(let progress): progress.step.name
  case .paused: "pause"
  case .ended: "ended"
  }
}

private func sceneStage(_ content: SceneContent) -> String {
  switch content {
  case .lobby(let title): title == EngineText.scentComing ? "scent-lead" : "lobby"
  case .join: "join"
  case .stimulus: "stimulus"
  case .whichScent, .memoryPairs, .thenAndNow, .rightOrder: "game"
  case .evocation: "evocation"
  case .pause: "pause"
  case .thankYou: "ended"
  case .console: "console"
  }
}

/// The thank-you scene belongs to no trial: ending in the middle of one leaves none of its
/// "answered" marks on the players (before the stage was one value, the ended trial's marks stayed).
@Test func theThankYouSceneCarriesNoMarksOfTheTrialItInterrupted() {
  var driver = Driver(Material.setup())
  driver.run(Step.joinAndStart(pads: [1]) + Step.key(.next) + Step.key(.giveFloor(to: PlayerNumber(rawValue: 1)!)))
  #expect(driver.lines(["show evocation"]).last == "show evocation speaker 1 waiting - recording | 1:chat*")
  driver.run(Step.key(.end) + Step.key(.confirm))
  #expect(driver.lines(["show thank you"]) == ["show thank you | 1:chat"])
}
