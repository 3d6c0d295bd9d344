import Testing

@testable import Sync

struct ServerAddressTests {
  @Test(arguments: [
    ("postgres://site@127.0.0.1:5433/trial", "127.0.0.1", 5433, ServerAddress.Security.plain),
    ("postgresql://site@localhost/trial", "localhost", 5432, .plain),
    ("postgres://site@db.chu-lyon.fr/trial", "db.chu-lyon.fr", 5432, .verified),
    ("postgres://site@db.chu-lyon.fr/trial?sslmode=require", "db.chu-lyon.fr", 5432, .verified),
    ("postgres://site@127.0.0.1/trial?sslmode=verify-full", "127.0.0.1", 5432, .verified),
  ])
  func anAddressIsReadWithItsSecurity(text: String, host: String, port: Int, security: ServerAddress.Security) throws {
    let address = try ServerAddress(text)
    #expect(address.host == host)
    #expect(address.port == port)
    #expect(address.security == security)
    #expect(address.user == "site")
    #expect(address.database == "trial")
  }

  @Test(arguments: [
    ("postgres://site:secret@127.0.0.1/trial", SyncError.passwordInAddress),
    ("postgres://site@db.chu-lyon.fr/trial?sslmode=disable", .plainTextOffLoopback(host: "db.chu-lyon.fr")),
    ("postgres://site@db.chu-lyon.fr/trial?sslmode=allow", .unknownTLSMode("allow")),
    ("mysql://site@db/trial", .badAddress("mysql://site@db/trial")),
    ("postgres://127.0.0.1/trial", .badAddress("postgres://127.0.0.1/trial")),
  ])
  func aWrongOrUnsafeAddressIsRefused(text: String, error: SyncError) {
    #expect(throws: error) { try ServerAddress(text) }
  }

  @Test func aPasswordIsNeverRepeatedInAMessage() {
    let refused = #expect(throws: SyncError.self) { try ServerAddress("postgres://site:hunter2@db/trial") }
    #expect(refused?.message.french.contains("hunter2") == false)
    #expect(refused?.message.english.contains("hunter2") == false)
    #expect(ServerAddress.redacted("postgres://site:hunter2@db/x") == "postgres://site@db/x")
  }

  /// An address refused before it is read (a mistyped scheme, a character no URL holds) is
  /// repeated in the message, without its password, whatever the password holds.
  @Test(arguments: [
    ("postgre://site:hunter2@db/trial", "postgre://site@db/trial"),
    ("postgres://site:hunter2@db:54x2/trial", "postgres://site@db:54x2/trial"),
    ("postgre://site:hun@ter2@db/trial", "postgre://site@db/trial"),
  ])
  func anAddressThatCannotBeReadIsRepeatedWithoutItsPassword(text: String, shown: String) {
    let refused = #expect(throws: SyncError.self) { try ServerAddress(text) }
    #expect(refused == .badAddress(shown))
    #expect(refused?.message.french.contains("ter2") == false)
    #expect(refused?.message.english.contains("ter2") == false)
  }

  @Test func thePasswordFileIsReadAsLibpqReadsIt() throws {
    let address = try ServerAddress("postgres://site@db.chu-lyon.fr:5433/trial")
    let file = """
      # comments and other servers are skipped
      other.host:5433:trial:site:wrong
      db.chu-lyon.fr:5433:trial:site:pa\\:ss\\\\word
      *:*:*:*:fallback
      """
    #expect(PasswordSource.password(for: address, inPasswordFile: file) == "pa:ss\\word")
    let elsewhere = try ServerAddress("postgres://site@another.fr/trial")
    #expect(PasswordSource.password(for: elsewhere, inPasswordFile: file) == "fallback")
    #expect(
      PasswordSource.password(for: address, environment: ["PGPASSWORD": "from-env", "HOME": "/nonexistent"])
        == "from-env")
  }
}
