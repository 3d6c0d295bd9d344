import Foundation
import SessionModel
import TestSupport
import Testing

@testable import Research

/// The three reports of the synthetic trial printed by headless Chromium, then checked as the
/// printed pages: A4, a page count in range, and a first page (rendered by poppler's pdftoppm)
/// that is neither blank nor solid. `CONNECTAGE_UPDATE_SCREENSHOTS=1` also writes each first page
/// to docs/screenshots/report-*.png.
@Suite(.enabled(if: ReportPrinter.chromium() != nil && (try? ExternalTool.locate("pdftoppm")) != nil))
struct ReportPrintingTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var testDescription: String
    var pages: ClosedRange<Int>
  }

  func page(_ name: String) throws -> String {
    let database = try SyntheticTrialReports.database()
    let trial = SyntheticTrialReports.trial
    switch name {
    case "session": return try Reports.session(trial.sessions[2].id, in: database).html(in: .french)
    case "participant":
      return try Reports.participant(ParticipantCode(rawValue: "G1-P02")!, study: SyntheticTrial.study, in: database)
        .html(in: .french)
    default: return try Reports.study(SyntheticTrial.study, in: database).html(in: .french)
    }
  }

  @Test(arguments: [
    Case(testDescription: "session", pages: 2...12), Case(testDescription: "participant", pages: 3...40),
    Case(testDescription: "study", pages: 6...30),
  ])
  func printsOnA4WithAFirstPageThatIsNotBlank(_ report: Case) throws {
    let folder = try StoreFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = try ReportFile.write(try page(report.testDescription), named: report.testDescription, in: folder)
    let pdf = try #require(file.pdf, "\(file.pdfProblem?.english ?? "")")
    let info = try Self.output(of: "pdfinfo", [pdf.path])
    let pageField = try #require(Self.field("Pages", in: info))
    let pages = try #require(Int(pageField))
    #expect(report.pages.contains(pages), "\(pages) pages")
    let size = try #require(Self.field("Page size", in: info))
    #expect(size.contains("(A4)"))
    // Page 1 as a 50 dpi greyscale image (PGM): some ink, mostly paper.
    let prefix = folder.appendingPathComponent("first").path
    try ExternalTool.run("pdftoppm", ["-f", "1", "-l", "1", "-r", "50", "-gray", "-singlefile", pdf.path, prefix])
    let pixels = try Self.greyPixels(Data(contentsOf: URL(fileURLWithPath: prefix + ".pgm")))
    let ink = Double(pixels.filter { $0 < 200 }.count) / Double(pixels.count)
    #expect(ink > 0.01 && ink < 0.5, "ink \(ink)")
    if ProcessInfo.processInfo.environment["CONNECTAGE_UPDATE_SCREENSHOTS"] == "1" {
      let screenshot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "../../../docs/screenshots/report-\(report.testDescription)"
      ).standardized.path
      try ExternalTool.run("pdftoppm", ["-f", "1", "-l", "1", "-r", "80", "-png", "-singlefile", pdf.path, screenshot])
    }
  }

  static func output(of tool: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try ExternalTool.locate(tool))
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  static func field(_ name: String, in info: String) -> String? {
    info.split(separator: "\n").first { $0.hasPrefix("\(name):") }.map {
      $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces)
    }
  }

  /// The grey levels of a binary PGM (P5, 8 bits).
  static func greyPixels(_ data: Data) throws -> [UInt8] {
    let bytes = [UInt8](data)
    var fields: [String] = []
    var index = 0
    while fields.count < 4 {
      while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D { index += 1 }
      var field = ""
      while index < bytes.count, !(bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D) {
        field.append(Character(UnicodeScalar(bytes[index])))
        index += 1
      }
      fields.append(field)
    }
    try #require(fields[0] == "P5" && fields[3] == "255")
    let count = Int(fields[1])! * Int(fields[2])!
    return Array(bytes[(index + 1)...].prefix(count))
  }
}
