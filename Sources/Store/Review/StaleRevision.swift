import SessionModel

/// A save refused because the answer changed after the page loaded it: another save (another
/// coder, another tab, a re-measurement) came first. Nothing was written; `current` is the answer
/// as it is now, as the saving coder may see it, for the page to show before they save again.
public struct StaleRevision: Error, Hashable, Sendable, CustomStringConvertible {
  /// The revision the refused save was based on.
  public var basedOn: Int
  public var current: ReviewAnswerView

  public var message: LocalizedText {
    LocalizedText(
      fr:
        "Cette réponse a été modifiée pendant que vous travailliez (version \(basedOn) → \(current.revision)) : rien n'a été enregistré. Vérifiez la version actuelle affichée, puis enregistrez à nouveau.",
      en:
        "This answer was changed while you were working (version \(basedOn) → \(current.revision)): nothing was saved. Check the current version shown, then save again."
    )
  }

  public var description: String { message.english }
}
