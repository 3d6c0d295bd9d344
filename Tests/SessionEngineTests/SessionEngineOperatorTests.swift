import SessionEngine
import SessionModel
import Testing

private let evocationWithOne = Step.joinAndStart(pads: [1]) + Step.key(.next)
private let onePlayerSpeaking = evocationWithOne + Step.key(.giveFloor(to: PlayerNumber(rawValue: 1)!))

let operatorCases: [TranscriptCase] = [
  .init(
    id: "P pauses: scents and recording stop, pads and keys wait; P again resumes the speaker as a new turn",
    before: onePlayerSpeaking,
    script: Step.key(.pause) + Step.press(1) + Step.key(.next) + Step.key(.skip) + Step.key(.pause),
    keep: ["record", "stop", "show", "log session"],
    expected: [
      "log session.paused", "stop scents", "stop recording T1 player 1 P01 turn 1 redo 0", "show pause | 1:chat*",
      "log session.resumed", "record T1 player 1 P01 turn 2 redo 0",
      "show evocation speaker 1 waiting - recording | 1:chat*",
    ]),
  .init(
    id: "a pause during the scent's lead cuts it and shows the image on resume",
    setup: Material.setup([Material.trial(1, "jardin", .imageScent)]),
    before: Step.joinAndStart(pads: [1]),
    script: Step.key(.pause) + Step.key(.pause),
    keep: ["stop scents", "log scent", "show", "release"],
    expected: [
      "log scent.stopped", "stop scents", "show pause | 1:chat", "log scent.skipped", "show stimulus jardin | 1:chat",
    ]),
  .init(
    id: "Esc asks first: Backspace keeps going, Enter ends with everything stopped",
    before: Step.joinAndStart(pads: [1]),
    script: Step.key(.end) + Step.key(.cancel) + Step.key(.end) + Step.key(.next) + Step.press(1) + Step.key(.confirm)
      + Step.key(.next),
    keep: ["show", "stop", "session ended", "sound", "log session"],
    expected: [
      "show stimulus verger | 1:chat [confirm end]", "log session.endCancelled", "show stimulus verger | 1:chat",
      "show stimulus verger | 1:chat [confirm end]", "stop scents", "log session.ended", "sound end",
      "show thank you | 1:chat", "session ended",
    ]),
  .init(
    id: "ending while someone speaks stops the recording before the thanks",
    before: onePlayerSpeaking,
    script: Step.key(.end) + Step.key(.confirm),
    keep: ["stop", "session ended"],
    expected: ["stop recording T1 player 1 P01 turn 1 redo 0", "stop scents", "session ended"]),
  .init(
    id: "a stop asked by the system ends at once, as a confirmed end does, with no key logged",
    before: onePlayerSpeaking,
    script: Step.input(.stopRequested),
    keep: ["stop", "log session", "log operator", "session ended"],
    expected: ["stop recording T1 player 1 P01 turn 1 redo 0", "stop scents", "log session.ended", "session ended"]),
  .init(
    id: "H shows and hides the keyboard help; Backspace hides it too",
    before: Step.joinAndStart(pads: [1]),
    script: Step.key(.toggleHelp) + Step.key(.toggleHelp) + Step.key(.toggleHelp) + Step.key(.cancel),
    keep: ["show"],
    expected: [
      "show stimulus verger | 1:chat [help]", "show stimulus verger | 1:chat", "show stimulus verger | 1:chat [help]",
      "show stimulus verger | 1:chat",
    ]),
  .init(
    id: "R on the image shows it again",
    before: Step.joinAndStart(pads: [1]),
    script: Step.key(.redo),
    keep: ["show", "log stimulus"],
    expected: ["log stimulus.replayed", "log stimulus.shown", "show stimulus verger | 1:chat"]),
  .init(
    id: "R with the floor open goes back to the image",
    before: evocationWithOne,
    script: Step.key(.redo) + Step.key(.next),
    keep: ["show", "log stimulus"],
    expected: [
      "log stimulus.replayed", "log stimulus.shown", "show stimulus verger | 1:chat",
      "show evocation speaker - waiting - | 1:chat",
    ]),
  .init(
    id: "S on the image skips the trial",
    before: Step.joinAndStart(pads: [1]),
    script: Step.key(.skip),
    keep: ["show", "log trial"],
    expected: ["log trial.ended", "log trial.started", "show stimulus cuisine | 1:chat"]),
  .init(
    id: "R deals the game again, S skips it",
    before: Step.joinAndStart(pads: [1]) + Step.key(.next) + Step.key(.next) + Step.key(.next),
    script: Step.key(.redo) + Step.key(.skip),
    keep: ["log game", "show evocation"],
    expected: [
      "log game.restarted", "log game.started", "log game.skipped", "log game.ended",
      "show evocation speaker - waiting - | 1:chat",
    ]),
  .init(
    id: "S does nothing before the session starts (R frees the seats: see the join cases)",
    before: Step.press(1) + Step.press(1),
    script: Step.key(.skip),
    keep: ["show", "record", "release", "log trial", "log session"],
    expected: []),
]

@Test(arguments: operatorCases)
func operatorKeys(_ transcript: TranscriptCase) {
  #expect(transcript.run() == transcript.expected)
}
