import Foundation
import SessionModel

extension ReplicaRow {
  /// The row as it may leave the site: each column the catalogue marks as redacted reduced by
  /// ``EventRedaction``, the rule exports follow, so that no home folder, login or device address
  /// reaches a central server. The site's own file keeps every value (its log is append-only).
  ///
  /// Redacting a redacted row changes nothing, so a server's rows can be cleaned in place with
  /// this same function and then compared with what a site sends.
  public func redacted(in table: ReplicatedTable) -> ReplicaRow {
    var values = values
    for (index, column) in table.columns.enumerated() {
      guard let redaction = column.redaction, case .text(let text) = values[index] else { continue }
      switch redaction {
      case .fileName: values[index] = .text(EventRedaction.fileName(text))
      case .eventPayload: values[index] = .text(Self.payload(redacting: text, of: eventType(in: table)))
      }
    }
    return ReplicaRow(values)
  }

  /// The event type in the row's `type` column: each key of a payload is redacted as that type's
  /// catalogue entry says.
  private func eventType(in table: ReplicatedTable) -> EventType {
    guard let index = table.columns.firstIndex(where: { $0.name == "type" }), case .text(let type) = values[index]
    else { return "" }
    return EventType(rawValue: type)
  }

  /// A stored payload of an event of `type` (compact JSON of text values, keys sorted) with its values redacted: kept
  /// byte for byte when nothing in it needs redacting, else written again as the event log writes
  /// payloads. A payload that is not such an object is scrubbed as free text.
  static func payload(redacting payload: String, of type: EventType) -> String {
    guard let values = try? JSONDecoder().decode([String: String].self, from: Data(payload.utf8)) else {
      return EventRedaction.scrubbed(payload)
    }
    let redacted = EventRedaction.redacted(values, of: type)
    guard redacted != values else { return payload }
    return (try? EventLog.payloadText(redacted)) ?? EventRedaction.scrubbed(payload)
  }
}
