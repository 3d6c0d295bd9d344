import Research
import SessionModel
import Store
import TestSupport
import Testing

/// An export narrowed to a group or a session holds that group's or that session's attendance,
/// and the make-ups made in its runs, as it holds only their answers and events: the files of one
/// export agree.
@Suite struct ExportSnapshotFilterTests {
  @Test func attendanceIsNarrowedLikeTheSessions() throws {
    let trial = try SyntheticTrial(
      design: .init(groups: 2, patientsPerGroup: 3, sessions: 2, seed: 9, transcribedSessions: 0, codedSessions: 0))
    defer { trial.remove() }
    let database = try trial.database
    let secondOfG1 = try #require(trial.sessions.first { $0.group == "G1" && $0.number == 2 })
    for (group, number) in [("G1", 1), ("G1", 2), ("G2", 2)] {
      try database.attendance.record(
        Attendance(
          study: SyntheticTrial.study, group: GroupID(rawValue: group), sessionNumber: number,
          participant: ParticipantCode(rawValue: "\(group)-P01")!, status: .absent, reason: .appointment,
          recordedBy: .therapist))
    }
    // A patient of G2 who missed their first session made it up as a guest in G1's second.
    try database.attendance.record(
      Attendance(
        study: SyntheticTrial.study, group: "G2", sessionNumber: 1, participant: ParticipantCode(rawValue: "G2-P02")!,
        status: .absent, reason: .ill, madeUpIn: secondOfG1.id, recordedBy: .therapist))
    func planned(_ snapshot: ExportSnapshot) -> Set<String> {
      Set(
        snapshot.attendance.filter { $0.recordedBy == .therapist }.map { "\($0.group.rawValue)-S\($0.sessionNumber)" })
    }
    #expect(planned(try ExportSnapshot.load(from: database)) == ["G1-S1", "G1-S2", "G2-S1", "G2-S2"])
    // G1's runs hold the guest's make-up, so its record comes with them.
    #expect(planned(try ExportSnapshot.load(from: database, group: "G1")) == ["G1-S1", "G1-S2", "G2-S1"])
    #expect(planned(try ExportSnapshot.load(from: database, session: secondOfG1.id)) == ["G1-S2", "G2-S1"])
    #expect(planned(try ExportSnapshot.load(from: database, group: "G2")) == ["G2-S1", "G2-S2"])
  }
}
