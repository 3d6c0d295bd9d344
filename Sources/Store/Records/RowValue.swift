import SessionModel

/// Turns stored text back into the model's enums and codes, failing loudly on a value no
/// ConnectAge version wrote.
enum RowValue {
  static func decode<Value: RawRepresentable>(_ type: Value.Type, _ text: String) throws -> Value
  where Value.RawValue == String {
    guard let value = Value(rawValue: text) else {
      throw StoreError.databaseFailure("'\(text)' is not a known \(Value.self)")
    }
    return value
  }

  static func code(_ text: String) throws -> ParticipantCode {
    guard let code = ParticipantCode(rawValue: text) else {
      throw StoreError.databaseFailure("participant code '\(text)' is not a valid code")
    }
    return code
  }
}
