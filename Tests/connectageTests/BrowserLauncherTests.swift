import Foundation
import Testing

@testable import connectage

/// The browser is handed a private page, never the address with its token: a command line is
/// readable by every account of the computer.
@Suite struct BrowserLauncherTests {
  @Test func thePageForwardsToTheAddressAndOnlyItsOwnerCanReadIt() throws {
    let url = "http://127.0.0.1:8123/?token=0123456789abcdef"
    let page = try BrowserLauncher.redirectPage(to: url)
    defer { try? FileManager.default.removeItem(at: page.deletingLastPathComponent()) }
    #expect(!page.path.contains("0123456789abcdef"))
    let html = try String(contentsOf: page, encoding: .utf8)
    #expect(html.contains("content=\"0;url=\(url)\""))
    let attributes = try FileManager.default.attributesOfItem(atPath: page.path)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    let folder = try FileManager.default.attributesOfItem(atPath: page.deletingLastPathComponent().path)
    #expect((folder[.posixPermissions] as? Int) == 0o700)
  }

  /// The address goes into two attributes: a character that would end one, or open a tag, is escaped.
  @Test func theAddressIsEscapedInThePage() throws {
    let page = try BrowserLauncher.redirectPage(to: #"http://127.0.0.1:8123/?token=a&next="><script>"#)
    defer { try? FileManager.default.removeItem(at: page.deletingLastPathComponent()) }
    let html = try String(contentsOf: page, encoding: .utf8)
    let escaped = "http://127.0.0.1:8123/?token=a&amp;next=&quot;&gt;&lt;script&gt;"
    #expect(html.contains(#"content="0;url=\#(escaped)""#))
    #expect(html.contains(#"<a href="\#(escaped)">"#))
    #expect(!html.contains("<script>"))
  }

  @Test func eachOpeningHasItsOwnFolder() throws {
    let first = try BrowserLauncher.redirectPage(to: "http://127.0.0.1:1/?token=a")
    let second = try BrowserLauncher.redirectPage(to: "http://127.0.0.1:1/?token=a")
    defer {
      for page in [first, second] { try? FileManager.default.removeItem(at: page.deletingLastPathComponent()) }
    }
    #expect(first.deletingLastPathComponent() != second.deletingLastPathComponent())
  }
}
