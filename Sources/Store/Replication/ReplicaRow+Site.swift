import SessionModel

extension ReplicaRow {
  /// The row as the central server holds it: every session, run and group identifier the site
  /// made up qualified with the site's code, in the table's columns and, for the event log, in the
  /// payload keys the event catalogue marks. Everything else is left as the site wrote it.
  public func qualified(at site: SiteID, in table: ReplicatedTable) -> ReplicaRow {
    var values = values
    for (index, column) in table.columns.enumerated() where column.identifier != nil {
      if case .text(let identifier) = values[index] {
        values[index] = .text(SiteIdentifier.qualified(identifier, at: site))
      }
    }
    if table.name == "event", case .text(let type) = values[table.position(of: "type")],
      case .text(let payload) = values[table.position(of: "payload")],
      let entry = EventCatalogue.entry(for: EventType(rawValue: type))
    {
      let keys = entry.keys.filter { $0.identifier != nil }.map(\.name)
      if !keys.isEmpty {
        values[table.position(of: "payload")] = .text(Self.payload(payload, qualifying: keys, at: site))
      }
    }
    return ReplicaRow(values)
  }

  /// The stored payload (compact JSON, as the event log writes it) with the text values of `keys`
  /// qualified in place: the rest of the text, its key order and number forms included, is kept
  /// byte for byte.
  static func payload(_ payload: String, qualifying keys: [String], at site: SiteID) -> String {
    let markers = keys.map { Array("\"\($0)\":\"".utf8) }
    let prefix = Array(SiteIdentifier.prefix(of: site).utf8)
    let bytes = Array(payload.utf8)
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + prefix.count * keys.count)
    var index = 0
    while index < bytes.count {
      // A key follows `{` or `,`; a value that happens to read like one does not.
      if index > 0, bytes[index - 1] == UInt8(ascii: "{") || bytes[index - 1] == UInt8(ascii: ","),
        let marker = markers.first(where: { bytes[index...].starts(with: $0) })
      {
        output += marker
        index += marker.count
        if index < bytes.count, bytes[index] != UInt8(ascii: "\"") { output += prefix }
        continue
      }
      output.append(bytes[index])
      index += 1
    }
    return String(decoding: output, as: UTF8.self)
  }
}
