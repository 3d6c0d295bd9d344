import SessionEngine
import SessionModel
import Testing

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

/// "Le bon ordre" first, so that the walks spend their steps in it, then an image alone.
private let rightOrderFirst: [Trial] = [
  Material.trial(1, "cuisine", .imageGame, game: .rightOrder), Material.trial(2, "plage", .image),
]

@Test(arguments: propertyCases)
func randomInputsKeepTheSessionSafe(_ propertyCase: PropertyCase) {
  walk(everyCondition, propertyCase)
}

@Test(arguments: propertyCases)
func randomInputsKeepTheRightOrderGameSafe(_ propertyCase: PropertyCase) {
  walk(rightOrderFirst, propertyCase)
}

private func walk(_ trials: [Trial], _ propertyCase: PropertyCase) {
  let setup = Material.setup(
    trials, kind: propertyCase.kind, maximumAnswerSeconds: 20, difficulty: propertyCase.difficulty,
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
      case .log("game.place", let payload) where setup.difficulty == .easy:
        #expect(payload["outcome"] != "missed", "someone failed at the easy level")
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
