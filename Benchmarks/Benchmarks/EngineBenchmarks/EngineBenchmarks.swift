import Benchmark
import SessionEngine
import SessionModel

// A clinical session with ten players and one trial of each kind, scripted as a busy group would play it:
// everyone joins, every pad moves and presses in every game, every player speaks in every evocation,
// and a 10 Hz tick runs throughout.

private let scents: [Scent] = [
  ("pomme", ScentFamily.fruit), ("citron", .fruit), ("rose", .flower), ("lavande", .flower), ("cafe", .drink),
  ("pain", .food), ("herbe-coupee", .nature), ("mer", .sea),
].enumerated().map { offset, scent in
  Scent(
    id: ScentID(scent.0), slot: CartridgeSlot(rawValue: offset + 1)!, name: LocalizedText(fr: scent.0, en: scent.0),
    family: scent.1)
}

private let trials: [Trial] = [
  Trial(id: "T1", number: 1, stimulus: "verger", condition: .imageGameScent, game: .whichScent, scent: "pomme"),
  Trial(id: "T2", number: 2, stimulus: "cuisine", condition: .imageGame, game: .memoryPairs),
  Trial(id: "T3", number: 3, stimulus: "jardin", condition: .imageScent, scent: "rose"),
  Trial(id: "T4", number: 4, stimulus: "salon", condition: .imageGame, game: .thenAndNow),
  Trial(id: "T5", number: 5, stimulus: "plage", condition: .image),
]

private let setup = SessionSetup(
  session: Session(
    id: "S01", number: 1, date: CalendarDate(year: 2027, month: 1, day: 14)!, kind: .clinical, trials: trials),
  stimuli: ["verger", "cuisine", "jardin", "salon", "plage"].map {
    Stimulus(id: StimulusID($0), image: "stimuli/\($0).svg", theme: $0, era: "1960s")
  },
  scents: scents,
  thenAndNowPictures: (1...8).map {
    ThenAndNowPicture(
      picture: PictureChoice(image: "autrefois/\($0).svg", label: LocalizedText(fr: "\($0)", en: "\($0)")),
      isNow: $0.isMultiple(of: 2))
  },
  participants: (1...10).map { ParticipantCode(rawValue: "P\($0)")! },
  maximumAnswerSeconds: 120, difficulty: .hard, seed: 1)

private struct TimedInput {
  let delayMilliseconds: UInt64
  let input: SessionInput
}

private let script: [TimedInput] = {
  let pads = (1...10).map { PadID(rawValue: $0) }
  var script: [TimedInput] = []
  func add(_ input: SessionInput, after delay: UInt64 = 100) {
    script.append(TimedInput(delayMilliseconds: delay, input: input))
    script.append(TimedInput(delayMilliseconds: 0, input: .tick))
  }
  func everyPadPresses(_ buttons: [PadButton]) {
    for button in buttons {
      for pad in pads {
        add(.pad(.pressed(pad, button)), after: 20)
        add(.pad(.released(pad, button)), after: 60)
      }
    }
  }
  func everyoneSpeaks(_ trial: Int) {
    for player in PlayerNumber.all {
      add(.operator(.giveFloor(to: player)))
      for _ in 0..<20 { add(.tick) }
      add(.operator(.next))
    }
  }
  for pad in pads { add(.pad(.connected(pad, name: "Pad"))) }
  everyPadPresses([.right, .right, .a])
  add(.operator(.next))
  // T1: scent, image, "Quelle odeur ?", evocation.
  add(.scentReleased("pomme", startedAt: 0, endsAt: 0, acknowledgedAt: 0))
  for _ in 0..<25 { add(.tick) }
  add(.operator(.next))
  everyPadPresses([.right, .left, .right, .a])
  add(.operator(.next))
  everyoneSpeaks(1)
  add(.operator(.next))
  // T2: image, memory pairs, evocation.
  add(.operator(.next))
  everyPadPresses([.right, .down, .a, .left, .a, .b])
  add(.operator(.next))
  everyoneSpeaks(2)
  add(.operator(.next))
  // T3: scent, image, evocation (the scent waits for its interval: plenty of ticks).
  for _ in 0..<400 { add(.tick) }
  add(.operator(.next))
  everyoneSpeaks(3)
  add(.operator(.next))
  // T4: then and now, two pictures, evocation.
  add(.operator(.next))
  everyPadPresses([.left, .a])
  add(.operator(.next))
  everyPadPresses([.right, .a])
  add(.operator(.skip))
  everyoneSpeaks(4)
  add(.operator(.next))
  // T5: image only, evocation, then the thanks.
  add(.operator(.next))
  everyoneSpeaks(5)
  add(.operator(.next))
  return script
}()

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .throughput, .mallocCountTotal], scalingFactor: .kilo, maxDuration: .seconds(3))

  Benchmark("handle: inputs of a 10-player session") { benchmark in
    var engine = SessionEngine(setup: setup)
    var index = 0
    var now: UInt64 = 0
    for _ in benchmark.scaledIterations {
      if index == script.count || engine.hasEnded {
        engine = SessionEngine(setup: setup)
        index = 0
      }
      let step = script[index]
      index += 1
      now += step.delayMilliseconds * 1_000_000
      blackHole(engine.handle(step.input, at: now))
    }
  }

  Benchmark("handle: 10 Hz ticks while a player speaks") { benchmark in
    var engine = SessionEngine(setup: setup)
    var now: UInt64 = 0
    for step in script.prefix(while: { if case .operator(.giveFloor) = $0.input { false } else { true } }) {
      now += step.delayMilliseconds * 1_000_000
      _ = engine.handle(step.input, at: now)
    }
    _ = engine.handle(.operator(.giveFloor(to: PlayerNumber(rawValue: 1)!)), at: now)
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      now += 100_000_000
      blackHole(engine.handle(.tick, at: now))
    }
  }
}
