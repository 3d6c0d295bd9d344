import Foundation
import ProtocolKit
import SessionModel
import Testing

@testable import SessionRunner

/// Run ids never collide: two runs in the same second, on one machine or two, get two ids.
@Suite struct RunIDTests {
  static let instant = Date(timeIntervalSince1970: 1_796_536_487)  // 2026-12-06T05:54:47Z

  @Test func anIdIsThePlannedSessionTheStartTimeAndSixRandomHexDigits() throws {
    let id = PreparedSession.runID(of: "G01-S01", startedAt: Self.instant).rawValue
    #expect(id.hasPrefix("G01-S01-20261206T055447-"))
    let suffix = id.dropFirst("G01-S01-20261206T055447-".count)
    #expect(suffix.count == 6)
    #expect(suffix.allSatisfy { $0.isHexDigit && !$0.isUppercase })
  }

  @Test func runsStartedInTheSameSecondGetDifferentIds() {
    let ids = (0..<200).map { _ in PreparedSession.runID(of: "G01-S01", startedAt: Self.instant) }
    #expect(Set(ids).count == ids.count)
  }

  @Test func idsSortByStartTime() {
    let earlier = PreparedSession.runID(of: "G01-S01", startedAt: Self.instant)
    let later = PreparedSession.runID(of: "G01-S01", startedAt: Self.instant.addingTimeInterval(1))
    #expect(earlier.rawValue < later.rawValue)
  }
}

/// The protocol's level for each game reaches the engine, not the first game's level for all.
@Suite struct GameDifficultiesTests {
  @Test func eachGameKeepsTheLevelTheProtocolGivesIt() {
    let games = [
      ProtocolGame(kind: .memoryPairs, difficulty: .easy), ProtocolGame(kind: .thenAndNow, difficulty: .hard),
      ProtocolGame(kind: .memoryPairs, difficulty: .medium),
    ]
    #expect(PreparedSession.difficulties(of: games) == [.memoryPairs: .easy, .thenAndNow: .hard])
  }
}
