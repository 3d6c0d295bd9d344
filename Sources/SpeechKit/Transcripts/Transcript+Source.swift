extension Transcript {
  /// The `@Comment` a CHAT file carries to declare its source: `@Comment:	transcript_source reviewed`.
  public static let sourceCommentPrefix = "transcript_source "

  /// Where the words came from: what the file declares (a JSON draft's `"transcript_source"`, or a
  /// CHAT `@Comment: transcript_source reviewed`), else what its format implies.
  public var source: TranscriptSource {
    if let declaredSource { return declaredSource }
    for header in headers + trailingHeaders where header.name == "Comment" {
      guard let value = header.value?.trimmingWhitespace(), value.hasPrefix(Self.sourceCommentPrefix) else { continue }
      let name = String(value.dropFirst(Self.sourceCommentPrefix.count)).trimmingWhitespace()
      if let declared = TranscriptSource(rawValue: name) { return declared }
    }
    return TranscriptSource(format: format)
  }
}
