import Foundation
import SessionModel
import SpeechKit
import TestSupport
import Testing

@testable import Research
@testable import Store

@Suite struct CHATExportTests {
  func files() throws -> [ExportedFile] {
    let fixture = try TranscribedSessionFixture()
    defer { fixture.remove() }
    return try CHATExport().files(for: ExportSnapshot.load(from: fixture.database, transcripts: true))
  }

  /// One file per transcribed answer, named after its recording; the answer without transcript
  /// (P02, T1) has none.
  @Test func everyTranscribedAnswerBecomesOneCHATFileNamedAfterItsRecording() throws {
    let files = try files()
    #expect(
      files.map(\.name) == ["chat/S01/T1-P01-turn1.cha", "chat/S01/T2-P01-turn1.cha", "chat/S01/T2-P02-turn1.cha"])
    #expect(files.map(\.rowCount) == [1, 1, 2])
    for file in files {
      try GoldenFile.expect(file.contents, matches: String(file.name.split(separator: "/").last!))
    }
  }

  @Test func eachFileFollowsCHATHeaderRulesNamesItsMediaAndReadsBack() throws {
    for file in try files() {
      let lines = file.contents.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      // @UTF8 first, @Begin second, @End last, exactly once each (CHAT manual, "Required headers").
      #expect(Array(lines.prefix(2)) == ["@UTF8", "@Begin"])
      #expect(lines.suffix(2) == ["@End", ""])
      #expect(lines.filter { $0 == "@Begin" || $0 == "@End" }.count == 2)
      // One @ID for the one participant, ten fields each.
      let ids = lines.filter { $0.hasPrefix("@ID:\t") }
      #expect(ids.count == 1)
      #expect(ids.allSatisfy { $0.dropFirst(5).split(separator: "|", omittingEmptySubsequences: false).count == 11 })
      // The day it was recorded, not the day it was planned for.
      #expect(lines.contains("@Date:\t05-JAN-2027"))
      #expect(lines.contains("@Comment:\tsession S01, number 1, group G1, planned 2027-01-01"))
      // CLAN error 157: the media name is the file's own name.
      let media = String(file.name.split(separator: "/").last!.dropLast(4))
      #expect(lines.contains("@Media:\t\(media), audio"))
      // CLAN errors 38 and 47: no digit inside a main-tier word.
      let mainTierTexts = lines.filter { $0.hasPrefix("*") }.map { line in
        line.split(separator: "\t", maxSplits: 1).last!.split(separator: "\u{15}").first ?? ""
      }
      #expect(mainTierTexts.allSatisfy { !$0.contains(where: \.isNumber) })
      _ = try CHATReader.read(Data(file.contents.utf8), file: file.name)
    }
    let typed = try #require(try files().first { $0.name == "chat/S01/T2-P02-turn1.cha" })
    let transcript = try CHATReader.read(Data(typed.contents.utf8), file: typed.name)
    #expect(transcript.declaredParticipants == ["P02"])
    #expect(
      transcript.utterances.map(\.text) == [
        "Ah , l'odeur du foin !", "En mille neuf cent cinquante-huit , je faisais les foins à la ferme de mon oncle .",
      ])
    // Two untimed sentences: no bullet rather than one invented for each.
    #expect(transcript.utterances.allSatisfy { $0.start == nil })
    let timed = try #require(try files().first { $0.name == "chat/S01/T2-P01-turn1.cha" })
    let words = try CHATReader.read(Data(timed.contents.utf8), file: timed.name)
    #expect(words.utterances.map(\.start) == [1.2])
    #expect(words.utterances[0].words.count == 7)
  }

  /// The words ConnectAge counts in the CHAT it wrote are the words it counted in the source
  /// transcript (a year in digits counts as the words it is written with).
  @Test func theCHATFileCountsAsItsSourceTranscript() throws {
    let fixture = try TranscribedSessionFixture()
    defer { fixture.remove() }
    let snapshot = try ExportSnapshot.load(from: fixture.database, transcripts: true)
    let counter = FrenchWordCounter()
    for file in try CHATExport().files(for: snapshot) {
      let written = try CHATReader.read(Data(file.contents.utf8), file: file.name)
      let speaker = try #require(written.declaredParticipants.first)
      let key = try #require(
        snapshot.transcripts.keys.first {
          file.name.hasSuffix("/\(CHATExport.mediaName(of: snapshot.recordings[$0]!)).cha")
        })
      let source = AnswerTranscripts.answer(in: snapshot.transcripts[key]!, as: speaker)
      let counts = counter.count(written, speaker: speaker)
      #expect(counts == counter.count(Transcript(format: .chat, utterances: source), speaker: speaker), "\(file.name)")
    }
    #expect(counter.count(try CHATReader.read(text: try files()[2].contents), speaker: "P02").words == 19)
  }

  /// Every file a CHAT or TextGrid export writes lies in a folder it says it owns, one per session
  /// of the snapshot, so exporting again can remove what it no longer writes.
  @Test func everyFileLiesInAFolderTheExportOwns() throws {
    let fixture = try TranscribedSessionFixture()
    defer { fixture.remove() }
    let snapshot = try ExportSnapshot.load(from: fixture.database, transcripts: true)
    for writer in [CHATExport(), TextGridExport()] as [any ExportWriter] {
      let folders = writer.folders(for: snapshot)
      #expect(folders.count == snapshot.sessions.count)
      let files = try writer.files(for: snapshot)
      #expect(!files.isEmpty)
      for file in files { #expect(folders.contains { file.name.hasPrefix($0) }, "\(file.name)") }
    }
  }

  /// CLAN `check` accepts every file the export writes.
  @Test(.enabled(if: CLANTools.shared != nil, Comment(rawValue: CLANTools.missing)))
  func everyExportedFilePassesCLANCheck() throws {
    let clan = try #require(CLANTools.shared)
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let files = try files()
    for file in files {
      let url = folder.appendingPathComponent(file.name)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try file.contents.write(to: url, atomically: true, encoding: .utf8)
      let verdict = try clan.check(url)
      #expect(verdict.passed, "CLAN check refused \(file.name):\n\(verdict.report)")
    }
  }

  struct SpeakerCase: Sendable, CustomTestStringConvertible {
    var testDescription: String
    var codes: [String]
    var speakers: [String]
  }

  @Test(arguments: [
    SpeakerCase(testDescription: "short codes are kept", codes: ["P01", "AVCM07"], speakers: ["AVCM07", "P01"]),
    SpeakerCase(
      testDescription: "a code with a hyphen (CLAN error 18) loses it, so P01 stays P01",
      codes: ["P01", "AVC-M07"], speakers: ["AVCM07", "P01"]),
    SpeakerCase(
      testDescription: "a code too long without its hyphens numbers everyone, under a prefix nobody's code has",
      codes: ["P01", "PA01", "AVC-NANTES-07"], speakers: ["PB01", "PB02", "PB03"]),
    SpeakerCase(
      testDescription: "codes equal without their hyphens number everyone", codes: ["AV-C1", "AVC-1"],
      speakers: ["PA01", "PA02"]),
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
