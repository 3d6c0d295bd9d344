import Testing

/// A malformed file and the exact error message (French) its reader must give.
struct MalformedInput: CustomTestStringConvertible, Sendable {
  let name: String
  let text: String
  let message: String
  var testDescription: String { name }
}
