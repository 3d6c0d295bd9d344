import SessionEngine
import SessionModel
import Testing

private func player(_ number: Int) -> PlayerNumber { PlayerNumber(rawValue: number)! }

/// The kinds of scene a transcript went through, without repeats: the session's storyboard.
private func storyboard(_ driver: Driver) -> [String] {
  var kinds: [String] = []
  for line in driver.lines(["show"]) {
    let words = line.split(separator: " ")
    let kind = words.count > 1 ? String(words[1]) : ""
    if kinds.last != kind { kinds.append(kind) }
  }
  return kinds
}

@Test func aClinicalSessionOfThreeConditionsRunsToTheThankYou() {
  var driver = Driver(Material.setup())
  driver.run(
    Step.joinAndStart(pads: [1, 2, 3])
      // Trial 1, image only: two speakers, one given the floor, one asking for it.
      + Step.key(.next) + Step.key(.giveFloor(to: player(1))) + Step.key(.next) + Step.press(2) + Step.key(.next)
      + Step.key(.next) + Step.key(.next)
      // Trial 2, image and game: the memory game, then one speaker.
      + Step.key(.next) + Step.press(1) + Step.press(1, .right) + Step.press(1) + Step.key(.next)
      + Step.key(.giveFloor(to: player(3))) + Step.key(.next) + Step.key(.next))
  let scentRequestedAt = driver.nowMilliseconds
  driver.run(
    // Trial 3, image and scent: the diffuser confirms, the image follows the lead time.
    Step.input(
      .scentReleased(
        "rose", startedAt: UInt64(scentRequestedAt) * 1_000_000, endsAt: UInt64(scentRequestedAt + 4_000) * 1_000_000,
        acknowledgedAt: UInt64(scentRequestedAt) * 1_000_000),
      after: 50)
      + Step.wait(2_000)
      + Step.input(.stimulusPresented("jardin", at: UInt64(scentRequestedAt + 2_060) * 1_000_000), after: 10)
      + Step.key(.next) + Step.key(.giveFloor(to: player(2))) + Step.key(.next) + Step.key(.next))

  #expect(
    storyboard(driver) == [
      "join", "stimulus", "evocation", "stimulus", "memory", "evocation", "lobby", "stimulus", "evocation", "thank",
    ])
  #expect(
    driver.lines(["record", "release"]) == [
      "record T1 player 1 P01 turn 1 redo 0", "record T1 player 2 P02 turn 2 redo 0",
      "record T2 player 3 P03 turn 1 redo 0", "release rose slot 3 at 60% for 4000 ms",
      "record T3 player 2 P02 turn 1 redo 0",
    ])
  #expect(driver.lines(["log trial.started"]).count == 3)
  #expect(driver.lines(["log trial.ended"]).count == 3)
  #expect(driver.lines(["log stimulus.presented"]).count == 1)
  #expect(driver.lines(["log game.flip"]).count == 2)
  #expect(driver.lines(["session ended"]).count == 1)
  #expect(driver.engine.hasEnded)
  #expect(driver.run(Step.key(.next) + Step.press(1)).isEmpty)
}

@Test func anAnimationSessionPlaysAGameOnEveryTrialAndRecordsNothing() {
  let trials = [
    Material.trial(1, "verger", .image), Material.trial(2, "cuisine", .image), Material.trial(3, "plage", .image),
  ]
  var driver = Driver(Material.setup(trials, kind: .animation))
  driver.run(
    Step.joinAndStart(pads: [1, 2])
      // Trial 1: "Quelle odeur ?" releases its scent with the game.
      + Step.key(.next) + Step.press(1) + Step.press(2, .right) + Step.press(2) + Step.key(.next)
      + Step.key(.giveFloor(to: player(1))) + Step.key(.next) + Step.key(.next)
      // Trial 2: memory pairs.
      + Step.key(.next) + Step.key(.next) + Step.press(2) + Step.key(.next) + Step.key(.next) + Step.key(.next)
      // Trial 3: then and now, one picture sorted, the rest skipped.
      + Step.key(.next) + Step.press(1, .left) + Step.press(1) + Step.press(2, .right) + Step.press(2)
      + Step.key(.next) + Step.key(.skip) + Step.key(.giveFloor(to: player(2))) + Step.key(.next) + Step.key(.next))

  #expect(
    storyboard(driver) == [
      "join", "stimulus", "which", "evocation", "stimulus", "memory", "evocation", "stimulus", "then", "evocation",
      "thank",
    ])
  #expect(driver.lines(["release"]) == ["release pomme slot 1 at 60% for 4000 ms"])
  #expect(driver.lines(["record", "stop recording"]).isEmpty)
  #expect(driver.lines(["show then and now"]).contains { $0.contains("revealed") })
  #expect(driver.lines(["log game.revealed"]).count == 2)
  #expect(driver.lines(["log floor.given"]).count == 3)
  #expect(driver.lines(["session ended"]).count == 1)
}

@Test func aResumedSessionStartsAtItsFirstUnfinishedTrialAndSaysSo() {
  var setup = Material.setup()
  setup.firstTrialIndex = 1
  var driver = Driver(setup)
  driver.run(Step.joinAndStart(pads: [1, 2]))
  #expect(driver.lines(["log session.resumedAfterInterruption"]).count == 1)
  #expect(driver.lines(["log trial.started"]).count == 1)
  guard case .stimulus(let view) = driver.engine.scene.content else {
    Issue.record("expected the second trial's image, got \(driver.engine.scene.content)")
    return
  }
  #expect(view.stimulus == setup.session.trials[1].stimulus, "the first image is not shown again")
}
