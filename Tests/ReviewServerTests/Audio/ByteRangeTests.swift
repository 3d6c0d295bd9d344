import Testing

@testable import ReviewServer

/// `Range: bytes=…` as RFC 9110 reads it, on a file of 1000 bytes.
struct ByteRangeTests {
  @Test(arguments: [
    ("bytes=0-99", 0...99), ("bytes=100-", 100...999), ("bytes=-100", 900...999), ("bytes=900-5000", 900...999),
    ("bytes=0-0", 0...0), ("bytes=-5000", 0...999), ("bytes=10-19, 30-39", 10...19),
  ])
  func readsARange(_ header: String, _ expected: ClosedRange<Int>) {
    #expect(ByteRange.parse(header, fileSize: 1000) == expected)
  }

  @Test(arguments: ["bytes=1000-", "bytes=5-4", "bytes=-0", "bytes=-", "items=0-1", "bytes=a-b", "bytes=-1-2", ""])
  func refusesWhatCannotBeServed(_ header: String) {
    #expect(ByteRange.parse(header, fileSize: 1000) == nil)
  }
}
