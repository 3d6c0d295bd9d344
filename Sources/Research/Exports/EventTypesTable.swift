import SessionModel
import Store

/// `event_types.csv`: every event type of the catalogue with its payload keys, units and meaning,
/// generated from ``EventCatalogue`` so that it cannot drift from what the log holds.
///
/// One row per payload key; a type with no key has one row with the key columns empty, a type
/// whose events carry keys of their own (a game's details) has a last row with key `*`, and the
/// keys any event may carry (the journal's) come last under the type `*`.
public enum EventTypesTable {
  public static let fileName = "event_types.csv"

  /// The catalogue version the table describes is in its rows' `catalogue_version` column.
  public static var text: String {
    var text = CSVText.line([
      "event_type", "domain", "event_meaning", "payload_key", "unit", "optional", "key_meaning", "catalogue_version",
    ])
    for row in rows { text += CSVText.line(row) }
    return text
  }

  static var rows: [[String]] {
    let version = String(EventCatalogue.version)
    let envelope = EventCatalogue.envelopeKeys.map {
      ["*", "", "Any event.", $0.name, $0.unit, $0.isOptional ? "yes" : "no", $0.meaning, version]
    }
    return EventCatalogue.entries.flatMap { entry -> [[String]] in
      let start = [entry.type.rawValue, entry.domain.rawValue, entry.meaning]
      var keys = entry.keys.map { start + [$0.name, $0.unit, $0.isOptional ? "yes" : "no", $0.meaning, version] }
      if entry.hasDetails {
        keys.append(start + ["*", "", "yes", "Keys of the game's or the command's own, as it gives them.", version])
      }
      return keys.isEmpty ? [start + ["", "", "", "", version]] : keys
    } + envelope
  }

  static var file: ExportedFile {
    ExportedFile(name: fileName, contents: text, rowCount: rows.count)
  }
}
