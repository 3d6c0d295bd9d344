import Foundation
import Hummingbird
import SessionModel

/// The page's files (HTML, CSS, plain JavaScript) as they are in `Sources/ReviewServer/Assets/`:
/// no build step, no CDN. Only the files listed at start are served, by name, never by path.
struct PageAssets: Sendable {
  /// The installed page files (`/usr/share/connectage/review` beside `/usr/bin/connectage`, see
  /// `make package`), else `Sources/ReviewServer/Assets`, found from this source file as Stage finds its assets.
  static let bundled: URL =
    installed
    ?? URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Assets", isDirectory: true)

  private static var installed: URL? {
    guard let program = Bundle.main.executableURL?.resolvingSymlinksInPath() else { return nil }
    let folder = program.deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("share/connectage/review", isDirectory: true)
    return FileManager.default.fileExists(atPath: folder.appendingPathComponent("queue.html").path) ? folder : nil
  }

  private let files: [String: Data]

  /// Reads every `.html`, `.css` and `.js` file of `folder` once.
  init(folder: URL) throws {
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where Self.isServable(name) {
      files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
    }
    self.files = files
  }

  static func isServable(_ name: String) -> Bool {
    let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-.")
    return name.allSatisfy { allowed.contains($0) } && !name.hasPrefix(".")
      && [".html", ".css", ".js"].contains { name.hasSuffix($0) }
  }

  /// A page with the token in its `connectage-token` meta tag: the script sends it back as the
  /// POST header, and only a page of this origin can read it.
  func page(_ name: String, token: AccessToken) -> Response? {
    guard let data = files[name] else { return nil }
    let html = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "{{token}}", with: token.value)
    return Response(
      status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
      body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
  }

  /// A stylesheet or script by name; nil for anything else (a path, an unknown name).
  func asset(_ name: String) -> Response? {
    guard let data = files[name], !name.hasSuffix(".html") else { return nil }
    let type = name.hasSuffix(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8"
    return Response(
      status: .ok, headers: [.contentType: type], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
  }
}
