import Foundation

/// Runs SQL with the `sqlite3` shell, outside the Store, to damage a database the way a
/// careless tool or a bug could; the Store is never asked to do it.
public enum SQLiteShell {
  public struct Result {
    public var status: Int32
    public var output: String
  }

  @discardableResult
  public static func run(_ sql: String, on path: String) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    process.arguments = [path, sql]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
  }
}
