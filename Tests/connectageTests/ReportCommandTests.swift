import Foundation
import Research
import TestSupport
import Testing

/// `connectage report` on a small synthetic trial (3 patients × 4 sessions): files written where
/// asked, in the language asked, and bad input refused with exit 2 and nothing written.
@Suite struct ReportCommandTests {
  static let trial: SyntheticTrial = {
    do {
      return try SyntheticTrial(
        design: SyntheticTrial.Design(patientsPerGroup: 3, sessions: 4, transcribedSessions: 3, codedSessions: 2))
    } catch { fatalError("the synthetic trial could not be made: \(error)") }
  }()

  func withFolder(_ body: (URL) throws -> Void) throws {
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try body(folder)
  }

  @Test func eachReportIsWrittenAsOnePage() throws {
    try withFolder { folder in
      for arguments in [
        ["session", "G1-S02"], ["participant", "G1-P01", "--study", "synthetic"], ["study", "synthetic"],
      ] {
        let run = try CommandRun.connectage(
          ["report"] + arguments + ["--db", Self.trial.databasePath, "--out", folder.path, "--no-pdf"])
        #expect(run.exitCode == 0, "\(run.standardError)")
        let name = ReportFile.name(arguments[0], arguments[1])
        let page = folder.appendingPathComponent("\(name).html").path
        #expect(run.standardOutput == "Rapport écrit : \(page)\n")
        #expect(try String(contentsOfFile: page, encoding: .utf8).contains("<html lang=\"fr\">"))
      }
    }
  }

  @Test func englishOnRequestAndAPDFWhenChromiumIsThere() throws {
    try withFolder { folder in
      let run = try CommandRun.connectage(
        ["report", "study", "synthetic", "--db", Self.trial.databasePath, "--out", folder.path, "--lang", "en"])
      #expect(run.exitCode == 0, "\(run.standardError)")
      let page = try String(contentsOfFile: folder.path + "/study-synthetic.html", encoding: .utf8)
      #expect(page.contains("<html lang=\"en\">") && page.contains("Data completeness"))
      let pdf = folder.path + "/study-synthetic.pdf"
      if ReportPrinter.chromium() != nil {
        #expect(run.standardOutput.contains("PDF : \(pdf)"))  // the terminal speaks French; --lang is the page's
        let head = try #require(FileHandle(forReadingAtPath: pdf)?.readData(ofLength: 5))
        #expect(String(decoding: head, as: UTF8.self) == "%PDF-")
      } else {
        #expect(run.standardOutput.contains("Chromium not found"))
      }
    }
  }

  @Test(arguments: [
    (["session", "G1-S99"], "Aucune séance « G1-S99 »"),
    (
      ["participant", "G1-P09", "--study", "synthetic"],
      "Aucune séance de l'étude « synthetic » pour le participant « G1-P09 »"
    ),
    (["study", "autre"], "Aucune séance pour l'étude « autre »"),
    (["study", "synthetic", "--lang", "de"], "« de » n'est pas une langue de --lang"),
  ])
  func badInputIsRefusedWithNothingWritten(arguments: [String], message: String) throws {
    try withFolder { folder in
      let out = folder.appendingPathComponent("out").path
      let run = try CommandRun.connectage(["report"] + arguments + ["--db", Self.trial.databasePath, "--out", out])
      #expect(run.exitCode == 2)
      #expect(run.standardError.contains(message), "\(run.standardError)")
      #expect(!FileManager.default.fileExists(atPath: out))
    }
  }
}
