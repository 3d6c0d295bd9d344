import ProtocolKit
import SessionModel

/// Protocols built in code for planner tests, with scents spread over every family.
enum ProtocolFactory {
  static func scents(count: Int) -> [Scent] {
    (1...count).map { number in
      Scent(
        id: ScentID("odeur-\(number)"), slot: CartridgeSlot(rawValue: number)!,
        name: LocalizedText(fr: "Odeur \(number)", en: "Scent \(number)"),
        family: ScentFamily.allCases[(number - 1) % ScentFamily.allCases.count])
    }
  }

  static func make(
    conditions: [Condition], trialsPerSession: Int = 6, pool: Int = 24, unit: CounterbalancingUnit = .participant,
    maximumRun: Int = 1, groupSize: Int = 10
  ) -> ClinicalProtocol {
    let scents = scents(count: min(pool, 30))
    let stimuli = (1...pool).map { number in
      Stimulus(
        id: StimulusID("image-\(number)"), image: "stimuli/image-\(number).svg", theme: "campagne", era: "1950s",
        pairedScent: scents[(number - 1) % scents.count].id)
    }
    return ClinicalProtocol(
      id: "essai", title: LocalizedText(fr: "Essai", en: "Trial"), kind: .clinical,
      arms: [ProtocolArm(id: "bras", label: LocalizedText(fr: "Bras", en: "Arm"))], groupSize: groupSize,
      conditions: conditions, trialsPerSession: trialsPerSession,
      counterbalancing: CounterbalancingSettings(unit: unit, maximumSameConditionInARow: maximumRun),
      stimuli: stimuli, scents: scents, games: [ProtocolGame(kind: .memoryPairs), ProtocolGame(kind: .thenAndNow)],
      evocation: EvocationSettings(recording: true))
  }

  /// `count` sessions a fortnight apart from 2027-01-11, with no closure.
  static func schedule(sessions count: Int) -> Schedule {
    ScheduleBuilder(settings: ScheduleSettings(sessionCount: count))
      .schedule(startingOn: CalendarDate("2027-01-11")!)
  }
}
