import Foundation
import SessionModel

/// Looks at the free space where answers are recorded every few seconds while the session runs,
/// so that a disk filling up is met with a warning, then a clean stop of the recorder, never with
/// an answer of 0 bytes and events lost without a trace.
@MainActor
final class DiskSpaceWatch {
  let folder: URL
  let budget: RecordingBudget
  private(set) var level: DiskLevel = .enough
  private(set) var availableBytes: Int64?
  private var lastLook: UInt64?

  static let interval: UInt64 = 2_000_000_000

  init(folder: URL, budget: RecordingBudget) {
    self.folder = folder
    self.budget = budget
  }

  /// Looks again when the interval has passed; returns the new level when it changed.
  func look(at now: UInt64) -> DiskLevel? {
    if let lastLook, now - lastLook < Self.interval { return nil }
    lastLook = now
    guard let available = DiskSpace.availableBytes(at: folder) else { return nil }
    availableBytes = available
    let current = budget.level(ofAvailable: available)
    guard current != level else { return nil }
    level = current
    return current
  }

  /// The event that records a change of level: `disk.low`, `disk.full` or `disk.enough`.
  func event(_ level: DiskLevel, session: SessionID, at now: UInt64) -> SessionEvent {
    let reading = DiskSpaceReading(
      availableBytes: availableBytes.map { Int64($0) }, floorBytes: Int64(budget.floorBytes),
      warningBytes: Int64(budget.warningBytes))
    let event: SessionLogEvent =
      switch level {
      case .enough: .diskEnough(reading)
      case .low: .diskLow(reading)
      case .full: .diskFull(reading)
      }
    return SessionEvent(session: session, monotonicNanoseconds: now, wallClock: Date(), .session(event))
  }

  /// Why an answer is not recorded while the disk is full.
  var fullReason: LocalizedText {
    LocalizedText(
      fr: "le disque est presque plein (\(free(.french)) libres) : libérez de la place pour enregistrer à nouveau",
      en: "the disk is nearly full (\(free(.english)) free): free some space to record again")
  }

  /// What the banner says at this level; nil while there is room.
  var banner: LocalizedText? {
    switch level {
    case .enough: nil
    case .low:
      LocalizedText(
        fr: "disque presque plein (\(free(.french)) libres)", en: "disk nearly full (\(free(.english)) free)")
    case .full:
      LocalizedText(
        fr: "disque plein, enregistrement arrêté (\(free(.french)) libres)",
        en: "disk full, recording stopped (\(free(.english)) free)")
    }
  }

  private func free(_ language: Language) -> String {
    StartProblem.size(availableBytes ?? 0, in: language)
  }
}
