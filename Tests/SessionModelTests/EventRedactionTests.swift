import Testing

@testable import SessionModel

/// What event payloads that leave the lab (exports, a sync's rows) keep of paths, addresses and
/// output folders.
@Suite struct EventRedactionTests {
  /// A type this version does not know: its keys are judged by their names.
  static let unknown: EventType = "later.event"

  @Test(arguments: [
    (["output": "/home/marie/etude"], ["output": "[redacted]"]),
    (["endpoint": "rfcomm:AA:BB:CC:DD:EE:FF/1"], ["endpoint": "[redacted]"]),
    (["diffuser": "endpoint(\"rfcomm:AA:BB:CC:DD:EE:FF\")"], ["diffuser": "rfcomm"]),
    (["diffuser": "simulated"], ["diffuser": "simulated"]),
    (
      ["replaced": "/home/marie/rec/S01-T1.wav", "by": "recordings/S01-T2.wav"],
      ["replaced": "S01-T1.wav", "by": "S01-T2.wav"]
    ),
    (["path": "/home/marie"], ["path": "[redacted]"]),
    (["by": "marie"], ["by": "[redacted]"]),
    (["error": "cannot open '/home/marie/x/db.sqlite': busy"], ["error": "cannot open '…/db.sqlite': busy"]),
    (["error": "no such folder /home/marie"], ["error": "no such folder [redacted]"]),
    (["error": "device 00:1a:7d:da:71:13 lost"], ["error": "device [redacted] lost"]),
    (["error": "cannot open /home/Marie Dupont/rec/S01.wav"], ["error": "cannot open …/S01.wav"]),
    (["error": "no such folder /home/jean.martin"], ["error": "no such folder [redacted]"]),
    (["path": "/home/jean.martin"], ["path": "[redacted]"]),
    (["error": "cannot open /home/marie/a.wav and go on"], ["error": "cannot open …/a.wav and go on"]),
    (
      ["image": "stimuli/verger.jpg", "ratio": "1/2", "trial": "T1"],
      ["image": "stimuli/verger.jpg", "ratio": "1/2", "trial": "T1"]
    ),
  ])
  func sensitiveValuesOfAnEventTheCatalogueDoesNotDescribeAreRedactedByTheirKeys(
    _ payload: [String: String], _ expected: [String: String]
  ) {
    #expect(EventRedaction.redacted(payload, of: Self.unknown) == expected)
    // A server cleaned once and a central export of its rows redact again: nothing more changes.
    #expect(EventRedaction.redacted(expected, of: Self.unknown) == expected)
  }

  /// A catalogued event's keys follow its entry, whatever their names: `by` is a file in one
  /// event and who gave the floor in another.
  @Test(arguments: [
    (
      EventType.floorGiven, ["trial": "T1", "player": "2", "by": "therapist"],
      ["trial": "T1", "player": "2", "by": "therapist"]
    ),
    (
      EventType.recordingSuperseded,
      ["replaced": "/home/marie/rec/S01-T1.wav", "by": "recordings/S01-T2.wav", "participant": "P01"],
      ["replaced": "S01-T1.wav", "by": "S01-T2.wav", "participant": "P01"]
    ),
    (
      EventType.runnerStarted,
      ["output": "/home/marie/etude", "diffuser": "endpoint(\"rfcomm:AA:BB:CC:DD:EE:FF\")"],
      ["output": "[redacted]", "diffuser": "rfcomm"]
    ),
    (EventType.recordingUnfiled, ["path": "/home/marie", "reason": "busy"], ["path": "[redacted]", "reason": "busy"]),
    (
      EventType.recordingFailed, ["reason": "cannot open /home/marie/x/S01.wav"],
      ["reason": "cannot open …/S01.wav"]
    ),
  ])
  func aCataloguedEventsKeysAreRedactedAsItsEntrySays(
    _ type: EventType, _ payload: [String: String], _ expected: [String: String]
  ) {
    #expect(EventRedaction.redacted(payload, of: type) == expected)
    #expect(EventRedaction.redacted(expected, of: type) == expected)
  }

  /// A new key named like a path or a place must say how it leaves the site: the name-based rule
  /// does not reach catalogued keys, so a key left to the default would travel scrubbed only.
  @Test func everyCataloguedKeyNamedLikeAPlaceSaysHowItIsRedacted() {
    let notAPlace: Set<String> = ["floor.given by"]
    let unsaid = EventCatalogue.entries.flatMap { entry in
      entry.keys.filter { key in
        EventRedaction.rule(forKeyNamed: key.name) != .scrubbed && key.redaction == .scrubbed
          && !notAPlace.contains("\(entry.type.rawValue) \(key.name)")
      }.map { "\(entry.type.rawValue) \($0.name)" }
    }
    #expect(unsaid == [])
  }
}
