import Foundation

/// Files the session's takes off the main thread, one after the other in the order they were
/// recorded.
///
/// The database keeps one recording per participant and trial, so the order of filing decides
/// which take it keeps: each filing waits for the one before, so it is the last take recorded,
/// whichever measurement is slower. Each replacement is logged as `recording.superseded`, and so
/// is each take of the same planned answer that another run of the planned session filed (a
/// resumed run redoing the interrupted trial): the analysis counts the take recorded last.
@MainActor
final class AnswerFilingQueue {
  private let analysis: AnswerAnalysis
  private let journal: EventJournal
  private var filings: [Task<AnswerAnalysis.Outcome, any Error>] = []

  init(analysis: AnswerAnalysis, journal: EventJournal) {
    self.analysis = analysis
    self.journal = journal
  }

  func file(_ file: AnswerFile) {
    let analysis = self.analysis
    let journal = self.journal
    let previous = filings.last
    filings.append(
      Task.detached(priority: .utility) {
        _ = await previous?.result
        let outcome: AnswerAnalysis.Outcome
        do {
          outcome = try analysis.analyze(file)
        } catch {
          // In the log, the session's report lists it, and recovery knows the run already said it.
          journal.record(analysis.unfiledEvent(of: file, reason: "\(error)"))
          throw error
        }
        if let replaced = outcome.replacedPath {
          journal.record(analysis.supersededEvent(by: file, replacing: replaced))
        }
        for earlier in outcome.otherRunTakes {
          journal.record(analysis.supersededEvent(by: file, replacingTakeOfAnotherRun: earlier))
        }
        return outcome
      })
  }

  /// Waits for every filing; their outcomes in the order the takes were recorded.
  func finish() async -> [Result<AnswerAnalysis.Outcome, any Error>] {
    var outcomes: [Result<AnswerAnalysis.Outcome, any Error>] = []
    for filing in filings { outcomes.append(await filing.result) }
    return outcomes
  }
}
