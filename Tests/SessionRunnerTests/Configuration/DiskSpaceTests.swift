import Foundation
import TestSupport
import Testing

@testable import SessionRunner

/// The free space the start check and the watch read is the disk's own, measured on a real small disk.
@Suite struct DiskSpaceTests {
  @Test func theFreeSpaceOfASmallDiskFallsAsItFills() throws {
    guard let disk = SmallDisk.mount(megabytes: 4) else {
      print(SmallDisk.skipMessage)
      return
    }
    defer { disk.remove() }
    let empty = try #require(DiskSpace.availableBytes(at: disk.folder))
    #expect(empty == 4 * 1024 * 1024)
    try Data(count: 3 * 1024 * 1024).write(to: disk.folder.appendingPathComponent("filler"))
    let filled = try #require(DiskSpace.availableBytes(at: disk.folder))
    #expect(filled == 1024 * 1024)
    // A session folder not made yet is measured on the disk that will hold it.
    #expect(DiskSpace.availableBytes(at: disk.folder.appendingPathComponent("G01-S01/voices")) == filled)
  }
}
