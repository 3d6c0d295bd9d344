import SessionEngine
import SessionModel
import Testing

/// Random but reproducible inputs: any key, any button of eleven pads, plugs, device answers and time.
private struct RandomInputs {
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

struct PropertyCase: Sendable, CustomTestStringConvertible {
  let seed: UInt64
  let kind: SessionKind
  let difficulty: Difficulty
  var testDescription: String { "seed \(seed), \(kind.rawValue), \(difficulty.rawValue)" }
}

let propertyCases: [PropertyCase] = (1...24).map { seed in
  PropertyCase(
    seed: UInt64(seed), kind: seed % 3 == 0 ? .animation : .clinical,
    difficulty: Difficulty.allCases[seed % Difficulty.allCases.count])
}

private let everyCondition: [Trial] = [
  Material.trial(1, "verger", .imageGameScent, game: .whichScent), Material.trial(2, "jardin", .imageScent),
  Material.trial(3, "cuisine", .imageGame, game: .memoryPairs), Material.trial(4, "plage", .image),
  Material.trial(5, "verger", .imageGame, game: .thenAndNow), Material.trial(6, "plage", .imageScent),
]

@Test(arguments: propertyCases)
func randomInputsKeepTheSessionSafe(_ propertyCase: PropertyCase) {
  let setup = Material.setup(
    everyCondition, kind: propertyCase.kind, maximumAnswerSeconds: 20, difficulty: propertyCase.difficulty,
    seed: propertyCase.seed)
  var engine = SessionEngine(setup: setup)
  var inputs = RandomInputs(generator: SplitMix64(seed: propertyCase.seed))
  let interval = UInt64(setup.scentSafety.minimumIntervalMilliseconds) * 1_000_000
  var now: UInt64 = 0
  var openRecording: RecordingRequest?
  var releaseEnds: UInt64?
  var lastRelease: ScentID?
  var scentsStoppedSinceLastRelease = true
  var ended = false

  func check(_ commands: [SessionCommand], at now: UInt64) {
    for command in commands {
      switch command {
      case .startRecording(let request):
        #expect(
          openRecording == nil,
          "two recordings at once: \(openRecording.map(Transcript.describe) ?? "") and \(Transcript.describe(request))")
        #expect(setup.recordsAnswers, "an animation session recorded")
        openRecording = request
      case .stopRecording(let request):
        #expect(openRecording == request, "stopped a recording that was not running")
        openRecording = nil
      case .releaseScent(let scent, _, _, let milliseconds):
        if let releaseEnds { #expect(now >= releaseEnds + interval, "two releases closer than the safety interval") }
        #expect(milliseconds <= setup.scentSafety.maximumPulseMilliseconds)
        releaseEnds = now + UInt64(milliseconds) * 1_000_000
        lastRelease = scent
        scentsStoppedSinceLastRelease = false
      case .stopAllScents:
        scentsStoppedSinceLastRelease = true
      case .show(let scene):
        #expect(Set(scene.players.map(\.avatar)).count == scene.players.count, "two players share an avatar")
        if case .join(let join) = scene.content {
          #expect(Set(join.seats.map(\.avatar)).count == join.seats.count, "two seats share an avatar")
        }
      case .log("game.revealed", let payload) where setup.difficulty == .easy:
        #expect(payload["outcomes"]?.contains("missed") != true, "someone failed at the easy level")
      case .sessionEnded:
        ended = true
      default:
        break
      }
    }
  }

  // Most walks start with three players seated, so that they spend their steps in the trials;
  // every fourth walk starts from the lobby to shake the join screen too.
  let prelude = propertyCase.seed % 4 == 0 ? [] : Step.joinAndStart(pads: [1, 2, 3])
  for step in prelude {
    now += UInt64(step.after) * 1_000_000
    check(engine.handle(step.input, at: now), at: now)
  }
  for _ in 0..<1_500 where !ended {
    let (delay, input) = inputs.next(lastRelease: lastRelease, now: now)
    now += UInt64(delay) * 1_000_000
    check(engine.handle(input, at: now), at: now)
  }
  if !ended {
    now += 1_000_000_000
    check(engine.handle(.operator(.cancel), at: now), at: now)
    check(engine.handle(.operator(.end), at: now), at: now)
    check(engine.handle(.operator(.confirm), at: now), at: now)
  }
  #expect(ended)
  #expect(engine.hasEnded)
  #expect(openRecording == nil)
  #expect(scentsStoppedSinceLastRelease)
  #expect(engine.handle(.operator(.next), at: now + 1).isEmpty)
}
