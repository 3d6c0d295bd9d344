import Benchmark
import ProtocolKit
import SessionModel

/// The ESPOIR-AVC design built in code (three conditions, six trials, thirty images, thirteen
/// fortnightly sessions), so the benchmark needs no asset folder.
private func espoirLikeProtocol(unit: CounterbalancingUnit) -> ClinicalProtocol {
  let scents = (1...30).map { number in
    Scent(
      id: ScentID("odeur-\(number)"), slot: CartridgeSlot(rawValue: number)!,
      name: LocalizedText(fr: "Odeur \(number)", en: "Scent \(number)"),
      family: ScentFamily.allCases[(number - 1) % ScentFamily.allCases.count])
  }
  let stimuli = scents.enumerated().map { index, scent in
    Stimulus(
      id: StimulusID("image-\(index + 1)"), image: "stimuli/image-\(index + 1).svg", theme: "campagne",
      era: "1950s", pairedScent: scent.id)
  }
  return ClinicalProtocol(
    id: "espoir-avc", title: LocalizedText(fr: "Essai", en: "Trial"), kind: .clinical,
    arms: [ProtocolArm(id: "bras", label: LocalizedText(fr: "Bras", en: "Arm"))], groupSize: 10,
    conditions: [.image, .imageGame, .imageScent], trialsPerSession: 6,
    counterbalancing: CounterbalancingSettings(unit: unit), stimuli: stimuli, scents: scents,
    games: [ProtocolGame(kind: .memoryPairs), ProtocolGame(kind: .thenAndNow)],
    evocation: EvocationSettings(recording: true))
}

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(5), maxIterations: 50)

  let schedule = ScheduleBuilder(settings: ScheduleSettings())
    .schedule(startingOn: CalendarDate(year: 2027, month: 1, day: 11)!)

  for unit in CounterbalancingUnit.allCases {
    let planner = SessionPlanner(protocol: espoirLikeProtocol(unit: unit))
    Benchmark("Plan 1,000 participants, one Latin-square row per \(unit.rawValue)") { benchmark in
      for _ in benchmark.scaledIterations {
        blackHole(try planner.plan(participants: 1_000, seed: 2027, schedule: schedule))
      }
    }
  }
}
