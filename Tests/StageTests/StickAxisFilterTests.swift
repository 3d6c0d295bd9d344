import Testing

@testable import Stage

struct StickAxisFilterTests {
  /// Just below the press threshold nothing happens; just above, one press; the release needs the
  /// stick back under the lower threshold.
  @Test(arguments: [
    ([StickAxisFilter.pressThreshold - 1], [StickAxisFilter.Side.centre]),
    ([StickAxisFilter.pressThreshold], [.positive]),
    ([StickAxisFilter.pressThreshold, StickAxisFilter.releaseThreshold], [.positive, .positive]),
    ([StickAxisFilter.pressThreshold, StickAxisFilter.releaseThreshold - 1], [.positive, .centre]),
    ([-StickAxisFilter.pressThreshold, -StickAxisFilter.releaseThreshold + 1], [.negative, .centre]),
    ([-32_768, 32_767], [.negative, .positive]),
  ])
  func sideFollowsTheThresholds(_ values: [Int], _ sides: [StickAxisFilter.Side]) {
    var filter = StickAxisFilter()
    var seen: [StickAxisFilter.Side] = []
    for value in values {
      _ = filter.update(value)
      seen.append(filter.side)
    }
    #expect(seen == sides)
  }
}
