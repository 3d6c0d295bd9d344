import SessionEngine
import SessionModel
import Testing

private let micMissing = LocalizedText(fr: "micro absent", en: "no microphone")
private let evocationWithOne = Step.joinAndStart(pads: [1]) + Step.key(.next)
private let onePlayerSpeaking = evocationWithOne + Step.key(.giveFloor(to: PlayerNumber(rawValue: 1)!))
private func player(_ number: Int) -> PlayerNumber { PlayerNumber(rawValue: number)! }

let evocationCases: [TranscriptCase] = [
  .init(
    id: "the therapist gives the floor with a number key; Space ends the turn, then the trial",
    before: Step.joinAndStart(pads: [1, 2]) + Step.key(.next),
    script: Step.key(.giveFloor(to: player(2))) + Step.key(.giveFloor(to: player(1))) + Step.key(.next)
      + Step.key(.next),
    keep: ["record", "stop recording", "log floor", "log turn", "log trial", "show"],
    expected: [
      "log floor.given player 2", "record T1 player 2 P02 turn 1 redo 0",
      "show evocation speaker 2 waiting - recording | 1:chat 2:chien*",
      "stop recording T1 player 2 P02 turn 1 redo 0", "log turn.ended player 2", "log floor.given player 1",
      "record T1 player 1 P01 turn 2 redo 0", "show evocation speaker 1 waiting - recording | 1:chat* 2:chien*",
      "stop recording T1 player 1 P01 turn 2 redo 0", "log turn.ended player 1",
      "show evocation speaker - waiting - | 1:chat* 2:chien*",
      "log trial.ended", "log trial.started", "show stimulus cuisine | 1:chat 2:chien",
    ]),
  .init(
    id: "patients ask with A; Space grants the floor in the order they asked",
    before: Step.joinAndStart(pads: [1, 2, 3]) + Step.key(.next),
    script: Step.press(2) + Step.press(3) + Step.press(2) + Step.key(.next) + Step.key(.next) + Step.key(.next)
      + Step.key(.next),
    keep: ["record", "stop recording", "log floor", "show"],
    expected: [
      "log floor.asked player 2", "show evocation speaker - waiting 2 | 1:chat 2:chien 3:lapin",
      "log floor.asked player 3", "show evocation speaker - waiting 2,3 | 1:chat 2:chien 3:lapin",
      "log floor.given player 2", "record T1 player 2 P02 turn 1 redo 0",
      "show evocation speaker 2 waiting 3 recording | 1:chat 2:chien* 3:lapin",
      "stop recording T1 player 2 P02 turn 1 redo 0", "show evocation speaker - waiting 3 | 1:chat 2:chien* 3:lapin",
      "log floor.given player 3", "record T1 player 3 P03 turn 2 redo 0",
      "show evocation speaker 3 waiting - recording | 1:chat 2:chien* 3:lapin*",
      "stop recording T1 player 3 P03 turn 2 redo 0", "show evocation speaker - waiting - | 1:chat 2:chien* 3:lapin*",
    ]),
  .init(
    id: "R redoes the answer: the same turn, one more take each time",
    before: onePlayerSpeaking,
    script: Step.key(.redo) + Step.key(.redo) + Step.key(.next),
    keep: ["record", "stop recording", "log answer"],
    expected: [
      "stop recording T1 player 1 P01 turn 1 redo 0", "log answer.redone player 1",
      "record T1 player 1 P01 turn 1 redo 1",
      "stop recording T1 player 1 P01 turn 1 redo 1", "log answer.redone player 1",
      "record T1 player 1 P01 turn 1 redo 2",
      "stop recording T1 player 1 P01 turn 1 redo 2",
    ]),
  .init(
    id: "S skips the speaker's turn, then the trial",
    before: Step.joinAndStart(pads: [1, 2]) + Step.key(.next) + Step.key(.giveFloor(to: player(2))),
    script: Step.key(.skip) + Step.key(.skip),
    keep: ["stop recording", "log turn", "log trial"],
    expected: [
      "stop recording T1 player 2 P02 turn 1 redo 0", "log turn.ended player 2", "log trial.ended", "log trial.started",
    ]),
  .init(
    id: "the maximum answer duration ends the turn by itself, without a sound",
    setup: Material.setup(maximumAnswerSeconds: 30),
    before: onePlayerSpeaking,
    script: Step.wait(29_000) + Step.wait(999) + Step.wait(1) + Step.wait(60_000),
    keep: ["stop recording", "log turn", "show", "sound"],
    expected: [
      "stop recording T1 player 1 P01 turn 1 redo 0", "log turn.ended player 1",
      "show evocation speaker - waiting - | 1:chat*",
    ]),
  .init(
    id: "a redo gives the new take the whole maximum duration",
    setup: Material.setup(maximumAnswerSeconds: 30),
    before: onePlayerSpeaking + Step.wait(20_000),
    script: Step.key(.redo, after: 0) + Step.wait(29_000) + Step.wait(1_000),
    keep: ["stop recording", "record"],
    expected: [
      "stop recording T1 player 1 P01 turn 1 redo 0", "record T1 player 1 P01 turn 1 redo 1",
      "stop recording T1 player 1 P01 turn 1 redo 1",
    ]),
  .init(
    id: "a failed recording leaves the floor to the speaker and tells the therapist",
    before: onePlayerSpeaking,
    script: Step.input(.recordingFailed(micMissing)) + Step.key(.next),
    keep: ["stop recording", "log recording", "show"],
    expected: [
      "stop recording T1 player 1 P01 turn 1 redo 0", "log recording.stopped player 1", "log recording.failed player 1",
      "show evocation speaker 1 waiting - | 1:chat* [notice: Enregistrement impossible : micro absent. La séance continue.]",
      "show evocation speaker - waiting - | 1:chat* [notice: Enregistrement impossible : micro absent. La séance continue.]",
    ]),
  .init(
    id: "after a failed recording, R tries the recorder again as a new take",
    before: onePlayerSpeaking + Step.input(.recordingFailed(micMissing)),
    script: Step.key(.redo) + Step.key(.next) + Step.key(.giveFloor(to: player(1))),
    keep: ["stop recording", "record", "log answer"],
    expected: [
      "log answer.redone player 1", "record T1 player 1 P01 turn 1 redo 1",
      "stop recording T1 player 1 P01 turn 1 redo 1", "record T1 player 1 P01 turn 2 redo 0",
    ]),
  .init(
    id: "the floor cannot be given outside the evocation or to an empty seat",
    before: Step.joinAndStart(pads: [1]),
    script: Step.key(.giveFloor(to: player(1))) + Step.key(.next) + Step.key(.giveFloor(to: player(5))),
    keep: ["record", "log floor"],
    expected: []),
  .init(
    id: "stray buttons neither ask for the floor nor seat a new pad",
    before: evocationWithOne,
    script: Step.press(1, .b) + Step.press(1, .rightShoulder) + Step.press(1, .left) + Step.press(6, .x),
    keep: ["log floor", "log player", "show", "sound"],
    expected: []),
  .init(
    id: "the speaker's own pad asking again changes nothing",
    before: onePlayerSpeaking,
    script: Step.press(1) + Step.press(1, .up),
    keep: ["log floor", "show", "sound"],
    expected: []),
]

@Test(arguments: evocationCases)
func evocation(_ transcript: TranscriptCase) {
  #expect(transcript.run() == transcript.expected)
}
