import SessionModel
import Testing

@testable import Store

/// The ids on coding sheets already handed to coders must not change with the hash library: an id
/// is HMAC-SHA256 (RFC 2104) of the answer, compared with Python's `hmac` module as the oracle
/// (`hmac.new(bytes(range(32)), b"S01\nT2\nP03", hashlib.sha256).hexdigest()`).
@Suite struct CodingSheetKeyTests {
  @Test func anAnswerIDIsTheFirstTwelveDigitsOfItsHMACSHA256() {
    let key = CodingSheetKey(bytes: Array(0..<32))
    let answer = AnswerKey(session: "S01", trial: "T2", participant: code("P03"))
    #expect(key.answerID(answer) == "A-21fd354dde1e")
  }
}
