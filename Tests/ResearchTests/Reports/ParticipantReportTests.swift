import Foundation
import SessionModel
import Store
import TestSupport
import Testing

@testable import Research

/// One patient's report of the synthetic trial: attendance, plots and transcripts against the database.
@Suite struct ParticipantReportTests {
  let trial = SyntheticTrialReports.trial

  func html(_ code: String) throws -> ReportHTML {
    let report = try Reports.participant(
      ParticipantCode(rawValue: code)!, study: SyntheticTrial.study, in: SyntheticTrialReports.database())
    return ReportHTML(text: report.html(in: .french))
  }

  @Test(arguments: ["G1-P01", "G1-P10"])
  func attendanceMatchesTheSessionsMissed(code: String) throws {
    let participant = ParticipantCode(rawValue: code)!
    let page = try html(code)
    let measures = try SyntheticTrialReports.database().measures.fetchAll()
    for session in trial.sessions {
      let row = try #require(page.rows(["session": session.id.rawValue]).first)
      let missed = trial.absent[session.id]!.contains(participant)
      #expect(row.contains("data-present=\"\(missed ? 0 : 1)\""), "\(session.id)")
      let answers = measures.filter { $0.answer.session == session.id && $0.answer.participant == participant }.count
      #expect(ReportHTML.number("answers", in: row) == Double(answers))
    }
    // G1-P10 leaves after session 10.
    if code == "G1-P10" { #expect(page.rows(["present": "0"]).count >= 3) }
  }

  @Test func transcriptsAreInOrderAndOnlyTheTranscribedOnes() throws {
    let participant = ParticipantCode(rawValue: "G1-P02")!
    let page = try html("G1-P02")
    let transcribed = try SyntheticTrialReports.database().measures.fetchAll()
      .filter { $0.answer.participant == participant && $0.words != nil }
    let blocks = page.text.components(separatedBy: "<div class=\"transcript\"").dropFirst()
    #expect(blocks.count == transcribed.count)
    let order = blocks.map { block -> [Int] in
      let session = Int(block.components(separatedBy: "data-session=\"")[1].prefix { $0.isNumber })!
      let trial = Int(block.components(separatedBy: "data-trial=\"T")[1].prefix { $0.isNumber })!
      return [session, trial]
    }
    #expect(order == order.sorted { $0.lexicographicallyPrecedes($1) })
    #expect(order.map(\.[0]).max()! <= trial.design.transcribedSessions)
  }

  @Test func nothingButTheCodeIdentifiesThePatient() throws {
    let page = try html("G1-P03")
    #expect(page.text.contains("G1-P03"))
    for other in (1...10).filter({ $0 != 3 }).map({ ParticipantCode.numbered($0, prefix: "G1-P").rawValue }) {
      #expect(!page.text.contains(other))
    }
    // One plot per measure, each with its n.
    #expect(page.count(of: "<svg") == ParticipantReport.measures.count)
    #expect(page.count(of: "<figcaption>") == ParticipantReport.measures.count)
    #expect(page.section("trajectory").contains(": n = "))
  }

  @Test func anUnknownParticipantIsNamed() throws {
    #expect(throws: ReportError.self) {
      try Reports.participant(
        ParticipantCode(rawValue: "G7-P01")!, study: SyntheticTrial.study, in: SyntheticTrialReports.database())
    }
  }
}
