import SessionEngine
import SessionModel
import Testing

struct RecordingChoiceCase: Sendable, CustomTestStringConvertible {
  let id: String
  let kind: SessionKind
  let requested: Bool?
  let records: Bool
  var testDescription: String { id }
}

@Test(arguments: [
  RecordingChoiceCase(id: "clinical sessions record by default", kind: .clinical, requested: nil, records: true),
  RecordingChoiceCase(id: "a clinical session may opt out", kind: .clinical, requested: false, records: false),
  RecordingChoiceCase(id: "an animation does not record", kind: .animation, requested: nil, records: false),
  RecordingChoiceCase(
    id: "an animation never records, even when asked", kind: .animation, requested: true, records: false),
])
func setupDecidesWhetherAnswersAreRecorded(_ choice: RecordingChoiceCase) {
  let setup = SessionSetup(
    session: Session(
      id: "S01", number: 1, date: CalendarDate(year: 2027, month: 1, day: 14)!, kind: choice.kind, trials: []),
    stimuli: [], scents: [], recordsAnswers: choice.requested)
  #expect(setup.recordsAnswers == choice.records)
}

@Test(arguments: [(4_000, 4_000), (20_000, 5_000), (0, 1)])
func setupKeepsAReleaseWithinTheLongestPulse(_ requested: Int, _ kept: Int) {
  let setup = SessionSetup(
    session: Session(
      id: "S01", number: 1, date: CalendarDate(year: 2027, month: 1, day: 14)!, kind: .clinical, trials: []),
    stimuli: [], scents: [], scentReleaseMilliseconds: requested)
  #expect(setup.scentReleaseMilliseconds == kept)
  #expect(setup.title == LocalizedText(fr: "Séance 1", en: "Session 1"))
}

@Test func aSessionWithoutTrialsGoesFromTheJoinScreenToTheThanks() {
  var setup = Material.setup([])
  setup.title = LocalizedText(fr: "Atelier du jeudi", en: "Thursday workshop")
  var driver = Driver(setup)
  driver.run(Step.wait(0))
  #expect(driver.lines(["show"]) == ["show lobby Atelier du jeudi"])
  driver.run(Step.joinAndStart(pads: [1]))
  #expect(driver.lines(["show", "session ended"]).suffix(2) == ["show thank you | 1:chat", "session ended"])
}
