import Foundation
import SessionModel
import Testing

@testable import SessionRunner
@testable import connectage

/// The line a therapist reads when a session ends says what happened: the trials run, and how the
/// session and the program ended.
@Suite struct RunSummaryTextTests {
  struct Ending: Sendable, CustomTestStringConvertible {
    let testDescription: String
    var trialsRun = 6
    var lastTrialCutShort = false
    var stoppedBySignal: Int32?
    var signalAfterTheEnd: Int32?
    let french: String
    let english: String
    var exitCode: Int32?
  }

  @Test(arguments: [
    Ending(
      testDescription: "every trial run", french: "Séance S1 terminée : 6 essai(s), ",
      english: "Session S1 finished: 6 trial(s), "),
    Ending(
      testDescription: "ended by the therapist between two trials", trialsRun: 4,
      french: "Séance S1 terminée : 4 essai(s) sur 6 prévu(s), 2 joueur(s)",
      english: "Session S1 finished: 4 of 6 planned trial(s), 2 player(s)"),
    Ending(
      testDescription: "stopped by a signal in a trial", trialsRun: 4, lastTrialCutShort: true,
      stoppedBySignal: SIGTERM,
      french:
        "Séance S1 arrêtée à la demande du système (SIGTERM) : 4 essai(s) sur 6 prévu(s), le dernier interrompu, ",
      english:
        "Session S1 stopped at the system's request (SIGTERM): 4 of 6 planned trial(s), the last one cut short, ",
      exitCode: 128 + SIGTERM),
    Ending(
      testDescription: "the last trial ended early", lastTrialCutShort: true,
      french: "Séance S1 terminée : 6 essai(s) sur 6 prévu(s), le dernier interrompu, ",
      english: "Session S1 finished: 6 of 6 planned trial(s), the last one cut short, "),
    Ending(
      testDescription: "a signal after the end", signalAfterTheEnd: SIGINT,
      french:
        "Séance S1 terminée ; arrêt demandé par le système (SIGINT) après la fin de la séance : 6 essai(s), ",
      english: "Session S1 finished; stop asked by the system (SIGINT) after the session had ended: 6 trial(s), ",
      exitCode: 128 + SIGINT),
  ])
  func theFirstLineSaysWhatHappened(_ ending: Ending) throws {
    let summary = RunSummary(
      session: "S1", plannedTrials: 6, trialsRun: ending.trialsRun, lastTrialCutShort: ending.lastTrialCutShort,
      players: 2, speakers: [:], events: 10, recordings: [], measuredAnswers: 0, releasedScents: 0, frames: 0,
      droppedFrames: 0, exportDirectory: nil, report: nil, resumed: nil, stoppedBySignal: ending.stoppedBySignal,
      signalAfterTheEnd: ending.signalAfterTheEnd)
    let line = try #require(RunSummaryText.lines(summary, warnings: []).first)
    #expect(line.french.hasPrefix(ending.french), "\(line.french)")
    #expect(line.english.hasPrefix(ending.english), "\(line.english)")
    #expect(RunSummaryText.stopFailure(summary)?.exitCode == ending.exitCode)
  }
}
