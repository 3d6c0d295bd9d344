import SessionEngine
import SessionModel

/// Random but reproducible inputs: any key, any button of eleven pads, plugs, device answers and time.
struct RandomInputs {
  var generator: SplitMix64
  let pads = (1...11).map { PadID(rawValue: $0) }
  let scents: [ScentID] = Material.scents.map(\.id)

  mutating func next(lastRelease: ScentID?, now: UInt64) -> (delayMilliseconds: Int, input: SessionInput) {
    let delay = [0, 10, 100, 160, 400, 1_600, 5_000, 31_000].randomElement(using: &generator)!
    let pad = pads.randomElement(using: &generator)!
    let input: SessionInput
    switch Int.random(in: 0..<100, using: &generator) {
    case 0..<30:
      // Ending is rare, so that most walks get deep into the session before they stop.
      let actions: [OperatorAction] =
        [
          .next, .next, .pause, .skip, .redo, .confirm, .cancel, .toggleHelp,
        ] + (0..<4).map { _ in .giveFloor(to: PlayerNumber(rawValue: Int.random(in: 1...4, using: &generator))!) }
      let endsNow = Int.random(in: 0..<200, using: &generator) == 0
      input = .operator(endsNow ? .end : actions.randomElement(using: &generator)!)
    case 30..<60: input = .pad(.pressed(pad, PadButton.allCases.randomElement(using: &generator)!))
    case 60..<72: input = .pad(.released(pad, .a))
    case 72..<76: input = .pad(.disconnected(pad))
    case 76..<80: input = .pad(.connected(pad, name: "Pad"))
    case 80..<85:
      let scent = lastRelease ?? scents.randomElement(using: &generator)!
      input = .scentReleased(scent, startedAt: now, endsAt: now + 4_000_000_000, acknowledgedAt: now)
    case 85:
      input = .scentRefused(scents.randomElement(using: &generator)!, reason: LocalizedText(fr: "non", en: "no"))
    case 86:
      input = .scentUnconfirmed(lastRelease ?? scents[0], reason: LocalizedText(fr: "muet", en: "silent"))
    case 87..<89: input = .recordingFailed(LocalizedText(fr: "micro", en: "microphone"))
    case 89..<91: input = .stimulusPresented("verger", at: now)
    case 91:
      let scent = lastRelease ?? scents.randomElement(using: &generator)!
      input = .scentReleasedLate(scent, startedAt: now, endsAt: now + 4_000_000_000, acknowledgedAt: now)
    default: input = .tick
    }
    return (delay, input)
  }
}
