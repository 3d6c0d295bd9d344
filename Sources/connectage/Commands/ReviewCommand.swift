import ArgumentParser
import Foundation
import Research
import Review
import ReviewServer
import SessionModel
import Store
import Sync

/// `connectage review [--db | --from postgres://… --audio-from DIR] [--study S] [--listen ADDRESS:PORT]
/// [--no-browser]`: the review workstation in the browser, on one site's database or, for a second
/// coder, on the whole multi-centre trial with the saves written back to the server.
struct ReviewCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "review", abstract: "Review workstation: transcribe, check timing and code memories in a browser.",
    discussion: """
      Starts a local web server on 127.0.0.1 at a free port and prints one address with a secret token \
      (open it in a browser; it is opened for you when there is a display). Every request needs the token. \
      --listen serves other computers of the network only when asked, still behind the token. Ctrl-C stops \
      it; each save is one transaction, so nothing saved is lost on a kill. With --from, the answers of every \
      site are read from the trial's server and the codings, timings and consensus saved go back to it \
      (transcripts are corrected at their site).
      """)

  @OptionGroup var store: StoreOptions
  @OptionGroup var central: CentralSourceOptions

  @Option(help: "Only the answers of this study.") var study: String?

  @Option(
    help: ArgumentHelp(
      "Address and port to listen on (default 127.0.0.1 and a free port). Other computers reach it only when you name an address they see.",
      valueName: "address:port"))
  var listen: String?

  @Flag(help: "Never open a browser, even with a display.") var noBrowser = false

  func run() async throws {
    let (host, port) = try Self.address(listen)
    let opened = try await central.centralReview(store)
    // The working file's lock is held until the review has written everything back.
    defer { withExtendedLifetime(opened?.lock) {} }
    let review = opened?.review
    let server =
      try review.map {
        try Self.server(
          desk: ReviewDesk(database: $0.database, study: study.map(StudyID.init(rawValue:)), editsTranscripts: false))
      }
      ?? Self.server(databasePath: store.resolvedPath, study: study)
    let opensBrowser = !noBrowser
    let token = server.token
    let application = server.application(host: host, port: port) { bound in
      let url = Self.url(token: token, host: host, port: bound)
      Terminal.print(url)
      Terminal.printError(Self.opened.text(in: Terminal.language))
      if opensBrowser { BrowserLauncher.open(url) }
    }
    let writeBack = review.map { review in
      Task {
        await review.writeBackWhileOpen { error in
          Terminal.printError(
            Self.notWrittenBack.text(in: Terminal.language) + error.message.text(in: Terminal.language))
        }
      }
    }
    defer { writeBack?.cancel() }
    do {
      try await application.runService()
      writeBack?.cancel()
      if let review {
        _ = try await SyncFailure.translating { () async throws(SyncError) in try await review.writeBackTheRest() }
      }
    } catch let failure as CommandFailure {
      throw failure
    } catch {
      throw CommandFailure.runtime(
        LocalizedText(
          fr:
            "Le serveur de relecture n'a pas pu écouter sur \(host):\(port) ; choisissez un autre port avec --listen.",
          en: "The review server could not listen on \(host):\(port); choose another port with --listen."))
    }
  }

  static let notWrittenBack = LocalizedText(
    fr: "Les dernières saisies restent sur ce poste et seront envoyées au serveur dès que possible : ",
    en: "The latest saves stay on this computer and will be sent to the server as soon as possible: ")

  static let opened = LocalizedText(
    fr:
      "Relecture ouverte à l'adresse ci-dessus (gardez-la pour vous : elle donne accès aux enregistrements). Ctrl-C pour arrêter.",
    en: "Review open at the address above (keep it to yourself: it gives access to the recordings). Ctrl-C to stop.")

  /// The review workstation's server on the database at `path`, refused with the project's exit codes.
  static func server(databasePath path: String, study: String?) throws -> ReviewServer {
    guard FileManager.default.fileExists(atPath: path) else {
      throw CommandFailure.badInput(
        LocalizedText(
          fr: "Aucune base de données à « \(path) ». Vérifiez --db.", en: "No database at '\(path)'. Check --db."))
    }
    return try server(
      desk: ReviewDesk(database: try SessionDatabase(path: path), study: study.map(StudyID.init(rawValue:))))
  }

  /// The review workstation's server on `desk`, refused with the project's exit codes.
  static func server(desk: @autoclosure () throws -> ReviewDesk) throws -> ReviewServer {
    do {
      return try ReviewServer(desk: desk())
    } catch let error as StoreError {
      throw error.isBadInput ? CommandFailure.badInput(error.message) : CommandFailure.runtime(error.message)
    } catch let failure as ReviewFailure {
      throw CommandFailure.badInput(failure.message)
    }
  }

  /// The one address to open, with the secret token.
  static func url(token: AccessToken, host: String, port: Int) -> String {
    let shownHost = host == "0.0.0.0" || host == "::" ? hostName() : host
    return "http://\(shownHost.contains(":") ? "[\(shownHost)]" : shownHost):\(port)/?token=\(token.value)"
  }

  /// `ADDRESS:PORT`, `[IPv6]:PORT` or nothing (127.0.0.1, a free port).
  static func address(_ text: String?) throws -> (String, Int) {
    guard let text else { return ("127.0.0.1", 0) }
    let invalid = CommandFailure.badInput(
      LocalizedText(
        fr: "--listen « \(text) » : écrivez ADRESSE:PORT, par exemple 127.0.0.1:8765 ou 0.0.0.0:8765.",
        en: "--listen '\(text)': write ADDRESS:PORT, for example 127.0.0.1:8765 or 0.0.0.0:8765."))
    guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
      (0...65_535).contains(port)
    else { throw invalid }
    var host = String(text[..<colon])
    if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
    guard !host.isEmpty else { throw invalid }
    return (host, port)
  }

  private static func hostName() -> String { ProcessInfo.processInfo.hostName }
}

/// Opens the review page in the desktop's browser when there is a display; never fails.
///
/// The browser is given a page only this user can read, which sends it on to the address: started
/// with the address itself, the browser (and `xdg-open`) would carry the secret token in their
/// command lines, which every account of the computer can read (`/proc/<pid>/cmdline`, `ps`).
enum BrowserLauncher {
  static func open(_ url: String) {
    let environment = ProcessInfo.processInfo.environment
    guard environment["DISPLAY"]?.isEmpty == false || environment["WAYLAND_DISPLAY"]?.isEmpty == false else { return }
    guard let page = try? redirectPage(to: url) else { return }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["xdg-open", page.path]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try? process.run()
    // Long enough for a slow browser to start and read it; the token dies with the server anyway.
    DispatchQueue.global().asyncAfter(deadline: .now() + 120) {
      try? FileManager.default.removeItem(at: page.deletingLastPathComponent())
    }
  }

  /// A page that forwards to `url`, in a new folder only this user can enter (0700), readable only
  /// by them (0600), under the session's runtime folder when there is one.
  static func redirectPage(to url: String) throws -> URL {
    let runtime = ProcessInfo.processInfo.environment["XDG_RUNTIME_DIR"].flatMap { $0.isEmpty ? nil : $0 }
    let base = runtime.map { URL(fileURLWithPath: $0) } ?? FileManager.default.temporaryDirectory
    let folder = base.appendingPathComponent("connectage-open-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
    let page = folder.appendingPathComponent("review.html")
    let address = HTML.escaped(url)
    let html = """
      <!doctype html>
      <html lang="fr"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer">
      <meta http-equiv="refresh" content="0;url=\(address)"><title>ConnectAge</title></head>
      <body><p><a href="\(address)">Ouvrir la révision / Open the review</a></p></body></html>

      """
    guard
      FileManager.default.createFile(
        atPath: page.path, contents: Data(html.utf8), attributes: [.posixPermissions: 0o600])
    else { throw CocoaError(.fileWriteUnknown) }
    return page
  }
}
