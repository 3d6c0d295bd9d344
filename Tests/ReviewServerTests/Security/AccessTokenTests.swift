import Testing

@testable import ReviewServer

struct AccessTokenTests {
  @Test func isSixtyFourHexadecimalDigitsAndNewEachTime() {
    let first = AccessToken.random()
    let second = AccessToken.random()
    #expect(first.value.count == 64)
    #expect(first.value.allSatisfy { $0.isHexDigit && !$0.isUppercase })
    #expect(first.value != second.value)
  }

  @Test(arguments: [nil, "", "abc", "abd", "ab", "abcd", "ABC"])
  func matchesOnlyItself(_ candidate: String?) {
    #expect(AccessToken(value: "abc").matches(candidate) == (candidate == "abc"))
  }

  @Test func neverShowsItselfInADescription() {
    let token = AccessToken.random()
    #expect(!"\(token)".contains(token.value))
  }
}
