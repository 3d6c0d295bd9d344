import Testing

/// One command line a user could get wrong, and the exact message that must answer it.
struct BadInputCase: Sendable, CustomTestStringConvertible {
  let id: String
  let arguments: [String]
  let message: String
  var testDescription: String { id }
}
