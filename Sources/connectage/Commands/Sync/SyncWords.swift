import Foundation
import SessionModel
import Sync

/// What `connectage sync` says: the summary of a push and the schema check.
enum SyncWords {
  static func summary(_ summary: SyncSummary, address: ServerAddress, seconds: Double) -> LocalizedText {
    let tables = summary.rowsSent.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    let removed = summary.rowsRemoved.values.reduce(0, +)
    let megabytes = String(format: "%.1f", Double(summary.bytesSent) / 1_000_000)
    let audioMegabytes = String(format: "%.1f", Double(summary.audioBytesCopied) / 1_000_000)
    let time = String(format: "%.1f", seconds)
    var french = "Synchronisé avec \(address) en \(time) s : "
    var english = "Synced with \(address) in \(time) s: "
    if summary.totalRowsSent == 0 && removed == 0 {
      french += "le serveur avait déjà tout."
      english += "the server already had everything."
    } else {
      french += "\(summary.totalRowsSent) lignes envoyées (\(tables)), \(megabytes) Mo"
      english += "\(summary.totalRowsSent) rows sent (\(tables)), \(megabytes) MB"
      if removed > 0 {
        french += ", \(removed) retirées (supprimées sur ce site)"
        english += ", \(removed) removed (deleted at this site)"
      }
      french += "."
      english += "."
    }
    if summary.audioCopied + summary.audioAlreadyStored + summary.audioNotCopied > 0 {
      french +=
        " Audio : \(summary.audioCopied) fichiers copiés (\(audioMegabytes) Mo), \(summary.audioAlreadyStored) déjà présents."
      english +=
        " Audio: \(summary.audioCopied) files copied (\(audioMegabytes) MB), \(summary.audioAlreadyStored) already there."
      if summary.audioNotCopied > 0 {
        french +=
          " \(summary.audioNotCopied) enregistrements manquants ou modifiés n'ont pas été copiés : lancez « connectage db check »."
        english +=
          " \(summary.audioNotCopied) missing or changed recordings were not copied: run 'connectage db check'."
      }
    }
    return LocalizedText(fr: french, en: english)
  }

  static func schemaReport(_ report: ServerSchemaReport, address: ServerAddress) -> LocalizedText {
    if report.isCurrent {
      return LocalizedText(
        fr: "Le schéma de \(address) est à jour (\(report.applied.joined(separator: ", "))).",
        en: "The schema of \(address) is current (\(report.applied.joined(separator: ", "))).")
    }
    var lines: [String] = []
    if !report.pending.isEmpty { lines.append("pending: " + report.pending.joined(separator: ", ")) }
    if !report.unknown.isEmpty { lines.append("unknown (newer ConnectAge): " + report.unknown.joined(separator: ", ")) }
    lines += report.differences
    let details = lines.map { "  - " + $0 }.joined(separator: "\n")
    return LocalizedText(
      fr:
        "Le schéma de \(address) diffère de celui de cette version (la prochaine synchronisation applique les migrations en attente) :\n\(details)",
      en:
        "The schema of \(address) differs from this version's (the next sync applies pending migrations):\n\(details)")
  }
}

/// Progress on standard error while a sync runs: one redrawn line on a terminal, a line per
/// finished table otherwise.
final class SyncProgressDisplay: Sendable {
  private let isTerminal = isatty(STDERR_FILENO) == 1

  func show(_ progress: SyncProgress) {
    let megabytes = String(format: "%.1f", Double(progress.bytesSent) / 1_000_000)
    let line = "sync: \(progress.table) \(progress.done)/\(progress.total), \(megabytes) MB"
    if isTerminal {
      FileHandle.standardError.write(Data("\r\u{1B}[2K\(line)".utf8))
    } else if progress.done == progress.total {
      FileHandle.standardError.write(Data((line + "\n").utf8))
    }
  }

  func finish() {
    if isTerminal { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
  }
}
