import SessionModel

/// What may be laid over the scene; the most pressing one is drawn.
struct Overlays: Hashable, Sendable {
  var isConfirmingEnd = false
  var isShowingHelp = false
  var notice: LocalizedText?

  var top: SceneOverlay? {
    if isConfirmingEnd { return .confirmEnd }
    if isShowingHelp { return .keyboardHelp }
    return notice.map { .notice($0) }
  }
}
