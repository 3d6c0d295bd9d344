import Foundation

/// A fresh temporary folder for one test, removed with `remove()`.
struct StoreCommandFolder {
  let path: String

  init() throws {
    path = FileManager.default.temporaryDirectory.appendingPathComponent("connectage-cli-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  var databasePath: String { path + "/connectage.sqlite" }

  func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }
}
