import Foundation
import SessionModel
import TestSupport
import Testing

@testable import Research
@testable import Store

/// The cue scent's outcome, read from event logs as the engine and the diffuser write them.
@Suite struct ScentDeliveryTests {
  struct LogCase: Sendable, CustomTestStringConvertible {
    let id: String
    /// Events of trial T2 (an image_scent trial) after `trial.started` at 0 s: type, seconds, extra payload.
    let events: [(String, Double, [String: String])]
    let outcome: ScentDelivery.Outcome
    let delivered: Condition
    let acknowledgedAfter: Double?
    var testDescription: String { id }
  }

  static let cases: [LogCase] = [
    LogCase(
      id: "released",
      events: [
        ("scent.requested", 0.1, [:]),
        ("scent.released", 0.4, ["startedAtNanoseconds": ns(0.35), "endsAtNanoseconds": ns(2.35)]),
        ("stimulus.shown", 2.0, [:]),
      ], outcome: .released, delivered: .imageScent, acknowledgedAfter: 0.35),
    LogCase(
      id: "released, with the device's acknowledgement time",
      events: [
        ("scent.requested", 0.1, [:]),
        (
          "scent.released", 0.5,
          [
            "startedAtNanoseconds": ns(0.35), "endsAtNanoseconds": ns(2.35), "acknowledgedAtNanoseconds": ns(0.3),
          ]
        ),
        ("stimulus.shown", 2.0, [:]),
      ], outcome: .released, delivered: .imageScent, acknowledgedAfter: 0.3),
    LogCase(
      id: "refused (NAK, empty cartridge, busy)",
      events: [
        ("scent.requested", 0.1, [:]), ("scent.refused", 0.2, ["reason": "cartridge empty"]),
        ("stimulus.shown", 0.2, [:]),
      ], outcome: .refused, delivered: .image, acknowledgedAfter: nil),
    LogCase(
      id: "skipped (safety limit)",
      events: [
        ("scent.skipped", 0, ["reason": "sessionLimit"]), ("stimulus.shown", 0, [:]),
      ], outcome: .skipped, delivered: .image, acknowledgedAfter: nil),
    LogCase(
      id: "unconfirmed (drop, stall)",
      events: [
        ("scent.requested", 0.1, [:]), ("scent.unconfirmed", 5.1, [:]), ("stimulus.shown", 5.1, [:]),
      ], outcome: .unconfirmed, delivered: .image, acknowledgedAfter: nil),
    LogCase(
      id: "acknowledged after the engine gave up (latency beyond the timeout)",
      events: [
        ("scent.requested", 0.1, [:]), ("scent.unconfirmed", 5.1, [:]), ("stimulus.shown", 5.1, [:]),
        ("scent.releasedLate", 6.0, ["startedAtNanoseconds": ns(5.9), "endsAtNanoseconds": ns(7.9)]),
      ], outcome: .releasedLate, delivered: .imageScent, acknowledgedAfter: 5.9),
    LogCase(
      id: "refused in the log, then acknowledged late",
      events: [
        ("scent.requested", 0.1, [:]), ("scent.refused", 5.1, ["reason": "timeout"]), ("stimulus.shown", 5.1, [:]),
        ("scent.releasedLate", 6.0, ["acknowledgedAtNanoseconds": ns(5.95), "startedAtNanoseconds": ns(5.9)]),
      ], outcome: .releasedLate, delivered: .imageScent, acknowledgedAfter: 5.95),
    LogCase(
      id: "a late acknowledgement after the trial ended is not this trial's",
      events: [
        ("scent.requested", 0.1, [:]), ("scent.unconfirmed", 5.1, [:]), ("stimulus.shown", 5.1, [:]),
        ("trial.ended", 30, [:]), ("scent.releasedLate", 31, ["startedAtNanoseconds": ns(31)]),
      ], outcome: .unconfirmed, delivered: .image, acknowledgedAfter: nil),
    LogCase(
      id: "a game's scent after the image is not the cue",
      events: [
        ("scent.skipped", 0, ["reason": "sessionLimit"]), ("stimulus.shown", 0, [:]),
        ("scent.requested", 10, [:]), ("scent.released", 10.2, ["startedAtNanoseconds": ns(10.2)]),
      ], outcome: .skipped, delivered: .image, acknowledgedAfter: nil),
    LogCase(
      id: "the log ends after the request (a crash)", events: [("scent.requested", 0.1, [:])],
      outcome: .requested, delivered: .image, acknowledgedAfter: nil),
    LogCase(
      id: "no scent event at all", events: [("stimulus.shown", 0, [:])], outcome: .notSent, delivered: .image,
      acknowledgedAfter: nil),
  ]

  static func ns(_ seconds: Double) -> String { String(UInt64(100e9 + seconds * 1e9)) }

  static func log(_ events: [(String, Double, [String: String])]) -> [SessionEvent] {
    let session: SessionID = "S01"
    func event(_ type: String, _ seconds: Double, _ payload: [String: String]) -> SessionEvent {
      SessionEvent(
        session: session, monotonicNanoseconds: UInt64(100e9 + seconds * 1e9),
        wallClock: StoreFixtures.morning.addingTimeInterval(seconds), type: EventType(rawValue: type),
        payload: payload)
    }
    return [event("trial.started", 0, ["trial": "T1"]), event("trial.ended", 0, ["trial": "T1"])]
      + [event("trial.started", 0, ["trial": "T2", "scent": "cafe", "condition": "image_scent"])]
      + events.map { type, seconds, payload in
        // Each type with the keys the engine gives it: the scent on scent events, the image on the image's.
        let own: [String: String] =
          type.hasPrefix("scent.")
          ? ["scent": "cafe"]
          : type == "stimulus.shown" ? ["stimulus": "cafe-du-matin", "image": "cafe-du-matin.png"] : [:]
        return event(
          type, seconds, payload.merging(own.merging(["trial": "T2"]) { mine, _ in mine }) { mine, _ in mine })
      }
  }

  @Test(arguments: cases) func eachOutcomeGivesItsDeliveredCondition(_ logCase: LogCase) throws {
    let deliveries = ScentDeliveryLog.deliveries(of: StoreFixtures.firstSession, events: Self.log(logCase.events))
    #expect(Set(deliveries.keys) == ["T2"], "only the trial that plans a scent has an outcome")
    let delivery = try #require(deliveries["T2"])
    #expect(delivery.outcome == logCase.outcome)
    #expect(delivery.deliveredCondition(planned: .imageScent) == logCase.delivered)
    if let expected = logCase.acknowledgedAfter {
      let seconds = try #require(delivery.acknowledgedAfterSeconds)
      #expect(abs(seconds - expected) < 1e-6)
    } else {
      #expect(delivery.acknowledgedAfterSeconds == nil)
    }
  }

  @Test func aTrialTheLogNeverStartedKeepsItsPlannedCondition() {
    let deliveries = ScentDeliveryLog.deliveries(of: StoreFixtures.firstSession, events: [])
    #expect(deliveries["T2"] == ScentDelivery(outcome: .notLogged))
    #expect(deliveries["T2"]?.deliveredCondition(planned: .imageScent) == .imageScent)
    #expect(ScentDelivery(outcome: .refused).deliveredCondition(planned: .imageGameScent) == .imageGame)
  }

  /// measures.csv and `stats` on a session whose diffuser refused one participant's scent trial.
  @Test func measuresShowBothConditionsAndStatisticsUseTheDeliveredOneUnlessAskedForThePlan() throws {
    let database = try StoreFixtures.plannedDatabase()
    for event in Self.log([
      ("scent.requested", 0.1, [:]), ("scent.refused", 0.2, ["reason": "cartridge empty"]),
      ("stimulus.shown", 0.2, [:]),
    ]) {
      try database.eventLog.append(event)
    }
    for (trial, participant, words) in [("T1", "P01", 4), ("T2", "P01", 10), ("T1", "P02", 6), ("T2", "P02", 12)] {
      try database.measures.save(
        AnswerMeasures(
          answer: AnswerKey(session: "S01", trial: TrialID(trial), participant: code(participant)), words: words,
          ruleSetVersion: "wc-fr-chat-1.0"))
    }
    let snapshot = try ExportSnapshot.load(from: database, study: "espoir-avc")
    let csv = try #require(try CSVExport().files(for: snapshot).first { $0.name == "measures.csv" }).contents
    let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    let header = lines[0].map(String.init)
    func column(_ name: String) -> [String] {
      let index = header.firstIndex(of: name)!
      return lines.dropFirst().map { String($0[index]) }
    }
    #expect(column("trial_id") == ["T1", "T1", "T2", "T2"])
    #expect(column("condition_planned") == ["image", "image", "image_scent", "image_scent"])
    #expect(column("condition_delivered") == ["image", "image", "image", "image"])
    #expect(column("scent_delivered") == ["", "", "0", "0"])
    #expect(column("scent_outcome") == ["", "", "refused", "refused"])

    let delivered = StatisticsReport(snapshot: snapshot, measures: [.words])
    #expect(delivered.basis == .delivered)
    #expect(delivered.conditions == [.image])
    #expect(delivered.answersWithUndeliveredScent == 2)
    let planned = StatisticsReport(snapshot: snapshot, measures: [.words], by: .planned)
    #expect(planned.conditions == [.image, .imageScent])
    #expect(planned.answersWithUndeliveredScent == 2)
    #expect(StatisticsExport.json(of: delivered).contains("\"condition_basis\":\"delivered\""))
  }
}
