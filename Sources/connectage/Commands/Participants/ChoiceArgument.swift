import SessionModel

/// Reads one of a fixed set of values, with a French message listing the accepted ones.
///
/// Used instead of ArgumentParser's own enum parsing, whose messages are English only.
enum ChoiceArgument {
  static func parse<Value: CaseIterable & RawRepresentable>(_ text: String, option: String) throws -> Value
  where Value.RawValue == String {
    if let value = Value(rawValue: text) {
      return value
    }
    let accepted = Value.allCases.map(\.rawValue).joined(separator: ", ")
    throw CommandFailure.badInput(
      LocalizedText(
        fr: "\(option) : « \(text) » n'est pas une valeur possible. Valeurs possibles : \(accepted).",
        en: "\(option): '\(text)' is not an accepted value. Accepted values: \(accepted)."))
  }
}
