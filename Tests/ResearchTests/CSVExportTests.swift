import Foundation
import Research
import SessionModel
import SpeechKit
import Store
import TestSupport
import Testing

@Suite struct CSVExportTests {
  static let abcSHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"

  /// Two sessions of two studies, three measured answers, a recording, two codings and three events.
  private func measuredDatabase() throws -> SessionDatabase {
    let database = try StoreFixtures.plannedDatabase()
    let p01t1 = AnswerKey(session: "S01", trial: "T1", participant: code("P01"))
    try database.measures.save(
      AnswerMeasures(
        answer: p01t1, firstWordOnsetSeconds: 1.25, lastWordOffsetSeconds: 6.75, speakingTimeSeconds: 4.1,
        pauseCount: 3, pauseTotalSeconds: 1.4, words: 12, wordsSplit: 14, ideas: 3, automaticMemories: 1,
        ruleSetVersion: "wc-fr-chat-1.0"))
    try database.measures.save(
      AnswerMeasures(
        answer: AnswerKey(session: "S01", trial: "T1", participant: code("P02")), words: 0, wordsSplit: 0, ideas: 0,
        ruleSetVersion: "wc-fr-chat-1.0"))
    try database.measures.save(
      AnswerMeasures(
        answer: AnswerKey(session: "S01", trial: "T2", participant: code("P01")), firstWordOnsetSeconds: 0.5,
        lastWordOffsetSeconds: 2, words: 4, wordsSplit: 5, automaticMemories: 0, ruleSetVersion: "wc-fr-chat-1.0"))
    try database.measures.save(
      AnswerMeasures(
        answer: AnswerKey(session: "S02", trial: "T1", participant: code("P03")), pauseThresholdMilliseconds: 150,
        words: 7,
        ruleSetVersion: "wc-fr-chat-1.0", missingReason: "no_speech_in_recording"))
    try database.recordings.save(
      Recording(
        session: "S01", trial: "T1", participant: code("P01"), path: "audio/S01_T1_P01.wav", sha256: Self.abcSHA256,
        durationSeconds: 8))
    try database.measures.save(MemoryCoding.confirmed(1, by: "ORT1", at: StoreFixtures.morning), for: p01t1)
    try database.measures.save(
      MemoryCoding.confirmed(2, by: "ORT2", at: StoreFixtures.morning.addingTimeInterval(3_600)), for: p01t1)
    try database.eventLog.append(StoreFixtures.event("S01", "session.started", at: 0))
    try database.eventLog.append(StoreFixtures.event("S02", "session.started", at: 1_000_000))
    try database.eventLog.append(
      StoreFixtures.event("S01", "note.added", at: 2_500_000_000, ["text": "dit \"bonjour\", puis rit"]))
    return database
  }

  private func file(_ name: String, in files: [ExportedFile]) throws -> ExportedFile {
    try #require(files.first { $0.name == name })
  }

  @Test func measuresHaveOneRowPerAnswerWithDerivedMeasures() throws {
    let files = try CSVExport().files(for: ExportSnapshot.load(from: measuredDatabase()))
    let measures = try file("measures.csv", in: files)
    #expect(
      measures.contents == """
        study_id,site_id,group_id,session_id,session_number,planned_date,session_date,participant_code,trial_id,\
        trial_number,takes_n,condition_planned,condition_delivered,stimulus_id,scent_id,scent_delivered,\
        scent_outcome,scent_ack_s,game_id,recording_sha256,recording_duration_s,t_first_word,t_last_word_end,\
        speech_duration_s,phonation_time_s,silent_pauses_n,silent_pauses_total_s,pause_threshold_ms,words,\
        words_split,ideas_n,idea_density,memories_auto_n,memories_n,memories_coder_id,memories_coded_at,\
        ruleset_version,measures_missing_reason,onset_source,offset_source,words_source,memories_source,transcript_source,\
        memory_disorder,smell_screening,make_up,scent_trial_smell_flagged
        espoir-avc,CHU-NANTES,G1,S01,1,2027-01-14,,P01,T1,1,1,image,image,verger,,,,,,\(Self.abcSHA256),8.000,\
        1.250,6.750,5.500,4.100,3,1.400,250,12,14,3,2.500,1,2,ORT2,2027-01-14T10:30:00.125Z,wc-fr-chat-1.0,,\
        automatic,automatic,automatic,coder,,1,normal,0,
        espoir-avc,CHU-NANTES,G1,S01,1,2027-01-14,,P02,T1,1,1,image,image,verger,,,,,,,,,,,,,,250,0,0,0,,,,,,\
        wc-fr-chat-1.0,,automatic,automatic,automatic,automatic,,0,hyposmic,0,
        espoir-avc,CHU-NANTES,G1,S01,1,2027-01-14,,P01,T2,2,1,image_scent,image_scent,cafe,cafe,,not_logged,,,,,\
        0.500,2.000,1.500,,,,250,4,5,,,0,0,,,wc-fr-chat-1.0,,automatic,automatic,automatic,automatic,,1,normal,0,0
        autre,,,S02,1,2027-01-28,,P03,T1,1,1,image_game_scent,image_game_scent,plage,mer,,not_logged,,\
        quelle-odeur,,,,,,,,,150,7,,,,,,,,wc-fr-chat-1.0,no_speech_in_recording,automatic,automatic,automatic,\
        automatic,,0,anosmic,0,1

        """)
    #expect(measures.rowCount == 4)
  }

  @Test func eventsAreExportedInLogOrderWithQuotedPayloads() throws {
    let files = try CSVExport().files(for: ExportSnapshot.load(from: measuredDatabase()))
    #expect(
      try file("events.csv", in: files).contents == """
        session_id,sequence,monotonic_ns,wall_clock,type,payload
        S01,1,5000000000,2027-01-14T09:30:00.125Z,session.started,{}
        S02,2,5001000000,2027-01-14T09:30:00.125Z,session.started,{}
        S01,3,7500000000,2027-01-14T09:30:02.625Z,note.added,"{""text"":""dit \\""bonjour\\"", puis rit""}"

        """)
  }

  @Test func aStudyExportLeavesOtherStudiesOut() throws {
    let files = try CSVExport().files(for: ExportSnapshot.load(from: measuredDatabase(), study: "autre"))
    #expect(
      try file("measures.csv", in: files).contents.split(separator: "\n").dropFirst() == [
        "autre,,,S02,1,2027-01-28,,P03,T1,1,1,image_game_scent,image_game_scent,plage,mer,,not_logged,,quelle-odeur,,,,,,,,,150,7,,,,,,,,wc-fr-chat-1.0,"
          + "no_speech_in_recording,automatic,automatic,automatic,automatic,,0,anosmic,0,1"
      ])
    #expect(
      try file("events.csv", in: files).contents.split(separator: "\n").dropFirst() == [
        "S02,2,5001000000,2027-01-14T09:30:00.125Z,session.started,{}"
      ])
  }

  @Test func theCodebookDescribesEveryColumn() throws {
    let files = try CSVExport().files(for: ExportSnapshot.load(from: measuredDatabase()))
    let codebook = try file("codebook.csv", in: files).contents
    let lines = codebook.split(separator: "\n")
    #expect(lines.first == "file,column,type,unit,definition")
    #expect(
      lines.contains(
        "measures.csv,speech_duration_s,decimal,s,t_last_word_end - t_first_word (first to last word); empty if fewer than one word."
      ))
    #expect(
      lines.contains(
        "measures.csv,idea_density,decimal,ideas per 10 words,\"ideas_n / words x 10, with the words of this row (the consensus when there is one); empty when words is 0 or empty.\""
      ))
    #expect(
      lines.contains(
        "events.csv,monotonic_ns,integer,ns,\"Host monotonic clock (CLOCK_MONOTONIC), counted from the computer's start; use differences only, never as a date, and only between events logged on the same computer since the same start: a recovery after a restart or a review on another computer logs on another clock (order those by sequence or wall_clock).\""
      ))
    // Every header column has a codebook row, and every codebook row is a header column, in order.
    for name in ["measures.csv", "events.csv", "attendance.csv", "participation.csv"] {
      let header = try file(name, in: files).contents.prefix { $0 != "\n" }.split(separator: ",").map(String.init)
      #expect(header == Codebook.entries.filter { $0.file == name }.map(\.column), "\(name)")
    }
    #expect(Codebook.entries.allSatisfy { !$0.definition.isEmpty && !$0.type.isEmpty })
    #expect(lines.count == Codebook.entries.count + 1)
  }

  @Test func writingReplacesFilesWholeAndLeavesNoTemporaryFile() throws {
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("export").path
    try Data("old,contents\n".utf8).write(to: URL(fileURLWithPath: folder.path + "/placeholder"))
    let database = try measuredDatabase()
    let first = try CSVExport().write(from: database, to: out)
    let second = try CSVExport().write(from: database, to: out)
    #expect(first == second)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: out).sorted() == [
        "attendance.csv", "codebook.csv", "event_types.csv", "events.csv", "manifest.sha256", "measures.csv",
        "participation.csv",
      ])
    for file in second {
      #expect(try String(contentsOfFile: out + "/" + file.name, encoding: .utf8) == file.contents)
    }
  }

  @Test func anExportIntoAFileIsRefused() throws {
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("export.csv").path
    try Data("keep me\n".utf8).write(to: URL(fileURLWithPath: out))
    #expect(throws: StoreError.exportFolderIsAFile(out)) { try CSVExport().write(from: measuredDatabase(), to: out) }
    #expect(try String(contentsOfFile: out, encoding: .utf8) == "keep me\n")
  }
}
