internal import Crypto
internal import GRDB
import SessionModel

/// The secret that turns an answer into the opaque id a coding sheet shows.
///
/// An answer id is a keyed hash (HMAC-SHA256) of the answer's session, trial and participant,
/// with a key drawn at random once per database and never exported: knowing the plan, or the
/// session and trial ids, does not give the id of an answer, so a coder cannot tell which trial,
/// image or condition a row comes from. Only the database maps ids back.
package struct CodingSheetKey: Sendable {
  let bytes: [UInt8]

  /// The database's key, drawn and stored the first time a sheet is made.
  package static func of(_ database: SessionDatabase) throws -> CodingSheetKey {
    try database.write { db in
      if let hex = try String.fetchOne(db, sql: "SELECT secret FROM coding_sheet_key WHERE id = 1") {
        // Never replaced: a new key would orphan every sheet already handed to coders.
        guard let bytes = Self.bytes(hex: hex) else {
          throw StoreError.databaseFailure("the coding sheets' key is damaged; restore the database from a backup")
        }
        return CodingSheetKey(bytes: bytes)
      }
      var generator = SystemRandomNumberGenerator()
      let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
      try db.execute(
        sql: "INSERT INTO coding_sheet_key (id, secret) VALUES (1, ?)", arguments: [SHA256.hex(bytes)])
      return CodingSheetKey(bytes: bytes)
    }
  }

  /// `A-` and 12 hexadecimal digits: short enough to read aloud, 48 bits against collisions.
  package func answerID(_ answer: AnswerKey) -> String {
    let message = Array("\(answer.session.rawValue)\n\(answer.trial.rawValue)\n\(answer.participant.rawValue)".utf8)
    let code = HMAC<Crypto.SHA256>.authenticationCode(for: message, using: SymmetricKey(data: bytes))
    return "A-" + SHA256.hex(Array(code)).prefix(12)
  }

  private static func bytes(hex: String) -> [UInt8]? {
    let digits = Array(hex.utf8)
    guard digits.count == 64 else { return nil }
    let bytes = stride(from: 0, to: 64, by: 2).compactMap {
      UInt8(String(decoding: digits[$0..<$0 + 2], as: UTF8.self), radix: 16)
    }
    return bytes.count == 32 ? bytes : nil
  }
}

extension SessionDatabase {
  /// The coding sheets' secret as stored (hexadecimal), or `nil` before the first sheet.
  package func codingSheetSecret() throws -> String? {
    try read { db in try String.fetchOne(db, sql: "SELECT secret FROM coding_sheet_key WHERE id = 1") }
  }

  /// Makes `secret` this database's coding-sheet key when it has none: a trial read back again
  /// for a central review keeps the answer ids its reviewers already know.
  package func adoptCodingSheetSecret(_ secret: String) throws {
    try write { db in
      try db.execute(sql: "INSERT OR IGNORE INTO coding_sheet_key (id, secret) VALUES (1, ?)", arguments: [secret])
    }
  }
}
