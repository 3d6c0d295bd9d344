import Testing

@testable import SessionModel

/// What event payloads that leave the lab (exports, a sync's rows) keep of paths, addresses and
/// output folders.
@Suite struct EventRedactionTests {
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
    (
      ["trial": "T1", "player": "2", "turn": "1", "by": "therapist"],
      ["trial": "T1", "player": "2", "turn": "1", "by": "therapist"]
    ),
    (["by": "request"], ["by": "request"]),
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
  func sensitiveValuesAreRedacted(_ payload: [String: String], _ expected: [String: String]) {
    #expect(EventRedaction.redacted(payload) == expected)
    // A server cleaned once and a central export of its rows redact again: nothing more changes.
    #expect(EventRedaction.redacted(expected) == expected)
  }
}
