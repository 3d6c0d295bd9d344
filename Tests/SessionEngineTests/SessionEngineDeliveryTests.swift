import SessionEngine
import SessionModel
import Testing

/// The trial events say whether the scent was delivered, on the trial that asked for it, whatever
/// the diffuser's answer and whenever it comes.
@Suite struct SessionEngineDeliveryTests {
  static let trials = [Material.trial(1, "jardin", .imageScent), Material.trial(2, "verger", .image)]

  /// The events of the log whose type starts with `prefix`, with their payloads.
  static func scentEvents(_ driver: Driver, prefix: String = "scent.") -> [(type: String, payload: [String: String])] {
    driver.commands.compactMap { entry in
      guard case .log(let event) = entry.command, case let (type, payload) = (event.type, event.payload),
        type.rawValue.hasPrefix(prefix)
      else { return nil }
      return (type.rawValue, payload)
    }
  }

  /// Presses "next" until trial 2 has started.
  static func moveOnToTrialTwo(_ driver: inout Driver) {
    for _ in 0..<6 where scentEvents(driver, prefix: "trial.started").count < 2 {
      driver.run(Step.key(.next))
    }
  }

  static func acknowledgement(at milliseconds: Int) -> SessionInput {
    let nanoseconds = UInt64(milliseconds) * 1_000_000
    return .scentReleased(
      "rose", startedAt: nanoseconds - 50_000_000, endsAt: nanoseconds + 3_950_000_000, acknowledgedAt: nanoseconds)
  }

  @Test func aReleaseIsLoggedWithTheTimeTheDeviceAcknowledgedIt() {
    var driver = Driver(Material.setup(Self.trials))
    driver.run(Step.joinAndStart(pads: [1]))
    let acknowledged = driver.nowMilliseconds + 100
    driver.run([Step(after: 100, input: Self.acknowledgement(at: acknowledged))])
    let released = Self.scentEvents(driver).filter { $0.type == "scent.released" }
    #expect(released.count == 1)
    #expect(released.first?.payload["trial"] == "T1")
    #expect(released.first?.payload["acknowledgedAtNanoseconds"] == String(UInt64(acknowledged) * 1_000_000))
    #expect(released.first?.payload["startedAtNanoseconds"] == String(UInt64(acknowledged - 50) * 1_000_000))
  }

  @Test func anAcknowledgementAfterTheEngineGaveUpIsLoggedLateOnTheTrialThatAsked() {
    var driver = Driver(Material.setup(Self.trials))
    driver.run(Step.joinAndStart(pads: [1]))
    // No answer: after the lead time and the 10 s wait, the image comes without confirmation.
    driver.run(Array(repeating: Step.wait(500), count: 26).flatMap { $0 })
    #expect(Self.scentEvents(driver).map(\.type).contains("scent.unconfirmed"))
    // The therapist moves on to trial 2 before the device's acknowledgement finally comes.
    Self.moveOnToTrialTwo(&driver)
    #expect(Self.scentEvents(driver, prefix: "trial.started").map { $0.payload["trial"] } == ["T1", "T2"])
    let acknowledged = driver.nowMilliseconds + 100
    driver.run([Step(after: 100, input: Self.acknowledgement(at: acknowledged))])

    let events = Self.scentEvents(driver)
    #expect(!events.contains { $0.type == "scent.released" })
    let late = events.filter { $0.type == "scent.releasedLate" }
    #expect(late.count == 1)
    #expect(late.first?.payload["trial"] == "T1")
    #expect(late.first?.payload["scent"] == "rose")
    #expect(late.first?.payload["acknowledgedAtNanoseconds"] == String(UInt64(acknowledged) * 1_000_000))
    #expect(late.first?.payload["startedAtNanoseconds"] != nil && late.first?.payload["endsAtNanoseconds"] != nil)
  }

  @Test func aReleaseTheDiffuserCouldNotConfirmShowsTheImageAtOnceAndALateAcknowledgementStillCounts() {
    var driver = Driver(Material.setup(Self.trials))
    driver.run(Step.joinAndStart(pads: [1]))
    driver.run(
      Step.input(.scentUnconfirmed("rose", reason: LocalizedText(fr: "pas de réponse", en: "no answer")), after: 2_100))
    guard case .stimulus(let view) = driver.engine.scene.content, view.stimulus == "jardin" else {
      Issue.record("expected the image at once, got \(driver.engine.scene.content)")
      return
    }
    let unconfirmed = Self.scentEvents(driver).filter { $0.type == "scent.unconfirmed" }
    #expect(unconfirmed.map { $0.payload["trial"] } == ["T1"])
    #expect(unconfirmed.first?.payload["reason"] == "no answer")

    let acknowledged = UInt64(driver.nowMilliseconds + 400) * 1_000_000
    driver.run([
      Step(
        after: 400,
        input: .scentReleasedLate(
          "rose", startedAt: acknowledged, endsAt: acknowledged + 1_000_000_000, acknowledgedAt: acknowledged))
    ])
    #expect(Self.scentEvents(driver).filter { $0.type == "scent.releasedLate" }.map { $0.payload["trial"] } == ["T1"])
    // The engine's own wait does not log a second "unconfirmed" for the same release.
    driver.run(Array(repeating: Step.wait(500), count: 26).flatMap { $0 })
    #expect(Self.scentEvents(driver).filter { $0.type == "scent.unconfirmed" }.count == 1)
  }

  @Test func aRefusalIsLoggedOnTheTrialThatAskedEvenWhenItComesAfterTheTrialEnded() {
    var driver = Driver(Material.setup(Self.trials))
    driver.run(Step.joinAndStart(pads: [1]))
    // The engine stops waiting after the lead time and 10 s; the refusal comes after trial 1.
    driver.run(Array(repeating: Step.wait(500), count: 26).flatMap { $0 })
    Self.moveOnToTrialTwo(&driver)
    #expect(Self.scentEvents(driver, prefix: "trial.started").count == 2)
    driver.run(Step.input(.scentRefused("rose", reason: LocalizedText(fr: "cartouche vide", en: "empty cartridge"))))
    #expect(Self.scentEvents(driver).filter { $0.type == "scent.refused" }.map { $0.payload["trial"] } == ["T1"])
  }

  @Test func aReleaseTheDiffuserLostDoesNotTakeTheAnswerOfTheNextOneOfTheSameScent() {
    var driver = Driver(
      Material.setup([Material.trial(1, "jardin", .imageScent), Material.trial(2, "jardin", .imageScent)]))
    driver.run(Step.joinAndStart(pads: [1]))
    driver.run(Step.input(.scentUnconfirmed("rose", reason: LocalizedText(fr: "x", en: "x")), after: 100))
    Self.moveOnToTrialTwo(&driver)
    // Trial 2's release waits for the interval, then the diffuser acknowledges it the ordinary way.
    while driver.lines(["release"]).count < 2, driver.nowMilliseconds < 60_000 { driver.run(Step.wait(250)) }
    #expect(driver.lines(["release"]).count == 2)
    driver.run([Step(after: 100, input: Self.acknowledgement(at: driver.nowMilliseconds + 100))])
    let events = Self.scentEvents(driver)
    #expect(events.filter { $0.type == "scent.released" }.map { $0.payload["trial"] } == ["T2"])
    #expect(!events.contains { $0.type == "scent.releasedLate" })
  }

  @Test func releasesOfAnInterruptedRunKeepTheNextOneAFullIntervalAway() {
    // The interrupted run released channel 3 from 0 s to 4 s of this run's clock.
    var setup = Material.setup(Self.trials)
    setup.pastScentReleases = [
      PastScentRelease(slot: CartridgeSlot(rawValue: 3)!, startNanoseconds: 0, durationMilliseconds: 4_000)
    ]
    var driver = Driver(setup)
    driver.run(Step.joinAndStart(pads: [1]))
    let delayed = Self.scentEvents(driver).filter { $0.type == "scent.delayed" }
    #expect(delayed.map { $0.payload["untilNanoseconds"] } == ["34000000000"])
    #expect(driver.lines(["release"]).isEmpty)
    var releasedAt: Int?
    while releasedAt == nil, driver.nowMilliseconds < 60_000 {
      if driver.run(Step.wait(250)).contains(where: { if case .releaseScent = $0 { true } else { false } }) {
        releasedAt = driver.nowMilliseconds
      }
    }
    #expect(releasedAt.map { $0 >= 34_000 && $0 < 34_250 } == true)
  }

  @Test func releasesOfAnInterruptedRunCountInTheSessionBudget() {
    var setup = Material.setup(Self.trials)
    setup.scentSafety.maximumReleasesPerSession = 2
    setup.pastScentReleases = [
      PastScentRelease(slot: CartridgeSlot(rawValue: 1)!, startNanoseconds: 0, durationMilliseconds: 4_000),
      PastScentRelease(slot: CartridgeSlot(rawValue: 3)!, startNanoseconds: 0, durationMilliseconds: 4_000),
    ]
    var driver = Driver(setup)
    driver.run(Step.joinAndStart(pads: [1]))
    #expect(driver.lines(["release"]).isEmpty)
    #expect(
      Self.scentEvents(driver).filter { $0.type == "scent.skipped" }.map { $0.payload["reason"] } == ["sessionLimit"])
  }
}
