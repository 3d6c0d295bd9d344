/// The only name a page gives an answer: `A-` and 12 lower-case hexadecimal digits, a keyed hash
/// of the answer (the same as on coding sheets), which says nothing of its session or trial.
public enum AnswerID {
  /// Checked before any lookup, so a path (`../../x.wav`, `%2e%2e`) never reaches the store.
  public static func isWellFormed(_ id: String) -> Bool {
    id.utf8.count == 14 && id.hasPrefix("A-")
      && id.utf8.dropFirst(2).allSatisfy { byte in
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
      }
  }
}
