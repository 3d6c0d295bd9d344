import Foundation
import SessionModel
import Store

/// Where a report went: its HTML page, and its PDF when Chromium printed one.
public struct ReportFile: Sendable {
  public var page: URL
  public var pdf: URL?
  /// Why there is no PDF (no Chromium, or the print failed); nil when there is one or none was asked.
  public var pdfProblem: LocalizedText?

  /// Writes `html` as `<name>.html` in `folder` (created if needed; the page replaced whole), then
  /// prints `<name>.pdf` when `printing` and Chromium is found.
  public static func write(
    _ html: String, named name: String, in folder: URL, printing: Bool = true,
    chromium: URL? = ReportPrinter.chromium()
  ) throws -> ReportFile {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let page = folder.appendingPathComponent("\(name).html")
    // Flushed, not only renamed (`.atomic`): a power cut never leaves an empty page behind.
    try DurableFile.replace(page, with: Data(html.utf8))
    var file = ReportFile(page: page)
    guard printing else { return file }
    guard let chromium else {
      file.pdfProblem = LocalizedText(
        fr: "Chromium introuvable : rapport en HTML seulement (installez chromium, ou CONNECTAGE_CHROMIUM).",
        en: "Chromium not found: report in HTML only (install chromium, or set CONNECTAGE_CHROMIUM).")
      return file
    }
    let pdf = folder.appendingPathComponent("\(name).pdf")
    do {
      try ReportPrinter.print(page, to: pdf, with: chromium)
      file.pdf = pdf
    } catch {
      file.pdfProblem = error.message
    }
    return file
  }

  /// A file name from an identifier: letters, digits, `-` and `_` kept, anything else `_`.
  public static func name(_ kind: String, _ identifier: String) -> String {
    let safe = identifier.unicodeScalars.map { scalar in
      CharacterSet.alphanumerics.contains(scalar) && scalar.isASCII || scalar == "-" || scalar == "_"
        ? String(scalar) : "_"
    }.joined()
    return "\(kind)-\(safe)"
  }
}
