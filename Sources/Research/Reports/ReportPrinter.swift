import Foundation
import SessionModel

/// Prints a report's HTML page to PDF with headless Chromium (`--print-to-pdf`), when present.
///
/// Chromium is found as `CONNECTAGE_CHROMIUM`, else `chromium` or `chromium-browser` on `PATH`.
/// The PDF is written beside under a temporary name and renamed once whole, so a failed print
/// leaves no half-written file.
public enum ReportPrinter {
  public static func chromium(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
    if let chosen = environment["CONNECTAGE_CHROMIUM"], !chosen.isEmpty {
      return FileManager.default.isExecutableFile(atPath: chosen) ? URL(fileURLWithPath: chosen) : nil
    }
    let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
    for name in ["chromium", "chromium-browser"] {
      for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
        return URL(fileURLWithPath: "\(folder)/\(name)")
      }
    }
    return nil
  }

  /// Why a print failed, for the user.
  public struct Failure: Error, Sendable {
    public var message: LocalizedText
  }

  /// Prints `page` to `pdf` (A4, no header or footer: the page's own `@page` margins).
  public static func print(_ page: URL, to pdf: URL, with chromium: URL, timeoutSeconds: Double = 120) throws(Failure) {
    let profile = FileManager.default.temporaryDirectory.appendingPathComponent(
      "connectage-chromium-\(UUID().uuidString)")
    let partial = pdf.deletingLastPathComponent().appendingPathComponent(".\(pdf.lastPathComponent).partial")
    defer {
      try? FileManager.default.removeItem(at: profile)
      try? FileManager.default.removeItem(at: partial)
    }
    let process = Process()
    process.executableURL = chromium
    process.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-extensions", "--no-first-run",
      "--user-data-dir=\(profile.path)", "--no-pdf-header-footer", "--print-to-pdf=\(partial.path)",
      page.absoluteURL.absoluteString,
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      throw Failure(
        message: LocalizedText(
          fr: "Chromium n'a pas pu être lancé (\(chromium.path)) : PDF non écrit.",
          en: "Chromium could not be started (\(chromium.path)): PDF not written."))
    }
    let deadline = Date().addingTimeInterval(timeoutSeconds)
    while process.isRunning && Date() < deadline { usleep(50_000) }
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
      throw Failure(
        message: LocalizedText(
          fr: "Chromium n'a pas fini d'imprimer en \(Int(timeoutSeconds)) s : PDF non écrit.",
          en: "Chromium did not finish printing within \(Int(timeoutSeconds)) s: PDF not written."))
    }
    let size = (try? FileManager.default.attributesOfItem(atPath: partial.path)[.size] as? Int) ?? 0
    guard process.terminationStatus == 0, size > 0 else {
      throw Failure(
        message: LocalizedText(
          fr: "Chromium n'a pas imprimé le rapport (code \(process.terminationStatus)) : PDF non écrit.",
          en: "Chromium did not print the report (status \(process.terminationStatus)): PDF not written."))
    }
    do {
      _ = try? FileManager.default.removeItem(at: pdf)
      try FileManager.default.moveItem(at: partial, to: pdf)
    } catch {
      throw Failure(
        message: LocalizedText(
          fr: "Le PDF n'a pas pu être écrit : \(pdf.path).", en: "The PDF could not be written: \(pdf.path)."))
    }
  }
}
