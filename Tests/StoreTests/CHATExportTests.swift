import Foundation
import SessionModel
import SpeechKit
import Testing

@testable import Store

@Suite struct CHATExportTests {
  @Test func aSessionBecomesOneCHATFileWithGemsBulletsAndPseudonymousSpeakers() throws {
    let fixture = try TranscribedSessionFixture()
    defer { fixture.remove() }
    let files = try CHATExport().files(for: ExportSnapshot.load(from: fixture.database, transcripts: true))
    try #require(files.map(\.name) == ["chat/S01.cha"])
    try GoldenFile.expect(files[0].contents, matches: "S01.cha")
    #expect(files[0].rowCount == 2)
  }

  @Test func theFileFollowsCHATHeaderRulesAndReadsBack() throws {
    let fixture = try TranscribedSessionFixture()
    defer { fixture.remove() }
    let text = try #require(
      try CHATExport().files(for: ExportSnapshot.load(from: fixture.database, transcripts: true)).first
    )
    .contents
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    // @UTF8 first, @Begin second, @End last, exactly once each (CHAT manual, "Required headers").
    #expect(Array(lines.prefix(2)) == ["@UTF8", "@Begin"])
    #expect(lines.suffix(2) == ["@End", ""])
    #expect(lines.filter { $0 == "@Begin" || $0 == "@End" }.count == 2)
    // One @ID per declared participant, ten fields each.
    let ids = lines.filter { $0.hasPrefix("@ID:\t") }
    #expect(ids.count == 2)
    #expect(ids.allSatisfy { $0.dropFirst(5).split(separator: "|", omittingEmptySubsequences: false).count == 11 })
    // @Date in DD-MON-YYYY.
    #expect(lines.contains("@Date:\t01-JAN-2027"))
    let transcript = try CHATReader.read(Data(text.utf8), file: "S01.cha")
    #expect(transcript.declaredParticipants == ["P01", "P02"])
    #expect(transcript.utterances.map(\.speaker) == ["P01", "P01"])
    #expect(transcript.utterances[1].words.count == 7)
    #expect(transcript.utterances.map(\.start) == [0.8, 1.2])
  }

  struct SpeakerCase: Sendable, CustomTestStringConvertible {
    var testDescription: String
    var codes: [String]
    var speakers: [String]
  }

  @Test(arguments: [
    SpeakerCase(testDescription: "short codes are kept", codes: ["P01", "AVC-M07"], speakers: ["AVC-M07", "P01"]),
    SpeakerCase(
      testDescription: "one code longer than seven characters numbers everyone", codes: ["P01", "AVC-NANTES-07"],
      speakers: ["P01", "P02"]),
  ])
  func speakerCodesFitCHAT(_ speakerCase: SpeakerCase) {
    let codes = speakerCase.codes.map { ParticipantCode(rawValue: $0)! }.sorted()
    let speakers = CHATExport.speakerCodes(for: codes)
    #expect(codes.map { speakers[$0]! } == speakerCase.speakers)
  }

  @Test(arguments: [("2027-01-14", "14-JAN-2027"), ("2026-12-03", "03-DEC-2026")])
  func datesAreWrittenTheCHATWay(_ date: String, _ expected: String) {
    #expect(CHATExport.chatDate(CalendarDate(date)!) == expected)
  }

  @Test func anUnreadableTranscriptIsBadInputNamingTheFileAndLine() throws {
    let fixture = try TranscribedSessionFixture()
    defer { fixture.remove() }
    let broken = fixture.folder.appendingPathComponent("audio/S01/T1-P02-turn1.cha")
    try "@UTF8\n@Begin\n*PAR:\tle café\n@End\n".write(to: broken, atomically: true, encoding: .utf8)
    #expect {
      try ExportSnapshot.load(from: fixture.database, transcripts: true)
    } throws: { error in
      guard case .unreadableTranscript(let read) = error as? StoreError else { return false }
      return read.file == broken.path && read.line == 3 && (error as! StoreError).isBadInput
    }
  }
}

extension CHATExportTests {
  @Test func aSessionWithoutParticipantsHasNoFileRatherThanAnInvalidOne() throws {
    let database = try SessionDatabase.inMemory()
    var session = TrialStudyFixture.session(1)
    session.group = nil
    try database.sessions.save(session)
    #expect(try CHATExport().files(for: ExportSnapshot.load(from: database)) == [])
  }
}
