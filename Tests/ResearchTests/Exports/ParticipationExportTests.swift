import SessionModel
import Store
import TestSupport
import Testing

@testable import Research

/// `participation.csv`, written by `export csv` beside `measures.csv`: its header is the codebook's,
/// each row pseudonymous.
@Suite struct ParticipationExportTests {
  @Test func participationCSVHasARowForEveryPresentParticipantAndPresentedTrial() throws {
    var fixture = ParticipationFixture()
    fixture.run("S01")
    for participant in ["P01", "P02", "P03"] { fixture.attend(participant, .present) }
    fixture.show("T1", in: "S01")
    fixture.show("T2", in: "S01", scentRefused: true)
    fixture.answer("P01", "T1", in: "S01")
    fixture.answer("P01", "T2", in: "S01")
    fixture.answer("P02", "T1", in: "S01")
    let files = try CSVExport().files(for: fixture.snapshot)
    let table = try #require(files.first { $0.name == "participation.csv" })
    let lines = table.contents.split(separator: "\n").map(String.init)
    #expect(
      lines.first == Codebook.entries.filter { $0.file == "participation.csv" }.map(\.column).joined(separator: ","))
    #expect(
      lines.first
        == "study_id,site_id,group_id,session_id,session_number,planned_date,participant_code,trial_id,trial_number,condition_planned,condition_delivered,scent_outcome,attendance_status,make_up,asked,answered,no_answer_reason,memory_disorder,smell_screening"
    )
    #expect(
      Array(lines.dropFirst()) == [
        "espoir-avc,CHU-NANTES,G1,S01,1,2027-01-14,P01,T1,1,image,image,,present,0,1,1,,,",
        "espoir-avc,CHU-NANTES,G1,S01,1,2027-01-14,P02,T1,1,image,image,,present,0,1,1,,,",
        "espoir-avc,CHU-NANTES,G1,S01,1,2027-01-14,P03,T1,1,image,image,,present,0,1,0,no_take,,",
        "espoir-avc,CHU-NANTES,G1,S01,1,2027-01-14,P01,T2,2,image_scent,image,refused,present,0,1,1,,,",
        "espoir-avc,CHU-NANTES,G1,S01,1,2027-01-14,P02,T2,2,image_scent,image,refused,present,0,1,0,no_take,,",
        "espoir-avc,CHU-NANTES,G1,S01,1,2027-01-14,P03,T2,2,image_scent,image,refused,present,0,1,0,no_take,,",
      ])
    #expect(table.rowCount == 6)
    // Every measures.csv answer has its participation row, answered 1.
    let measures = try #require(files.first { $0.name == "measures.csv" })
    #expect(measures.rowCount == lines.dropFirst().filter { $0.contains(",present,0,1,1,") }.count)
  }

  @Test func theCodebookDefinesEveryParticipationColumn() {
    let entries = Codebook.entries.filter { $0.file == "participation.csv" }
    #expect(entries.count == Codebook.participationColumns.count)
    #expect(entries.allSatisfy { !$0.definition.isEmpty && !$0.type.isEmpty })
    let reasons = entries.first { $0.column == "no_answer_reason" }?.definition ?? ""
    for reason in NoAnswerReason.allCases { #expect(reasons.contains(reason.rawValue), "\(reason)") }
  }
}
