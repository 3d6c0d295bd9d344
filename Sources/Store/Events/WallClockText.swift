import Foundation

/// Wall-clock times as the database and exports write them: ISO 8601 in UTC to the millisecond.
///
/// The monotonic clock carries the fine timing; the wall clock only places an event in the day,
/// and text keeps the file readable with `sqlite3`.
package enum WallClockText {
  private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)

  package static func text(for date: Date) -> String {
    style.format(date)
  }

  static func date(from text: String) throws -> Date {
    do {
      return try style.parse(text)
    } catch {
      throw StoreError.databaseFailure("'\(text)' is not an ISO 8601 time")
    }
  }
}
