import SessionModel

/// Every sentence the engine puts on screen, French first.
enum EngineText {
  static let scentComing = LocalizedText(fr: "Respirez doucement…", en: "Breathe gently…")
  static let waitForAPlayer = LocalizedText(
    fr: "Il faut au moins un joueur qui a choisi son avatar (bouton A) pour commencer.",
    en: "At least one player must choose an avatar (button A) before starting.")
  static func seatsOutsideGroup(_ seats: [PlayerNumber]) -> LocalizedText {
    let list = seats.map(\.description).joined(separator: ", ")
    return LocalizedText(
      fr: "Place(s) \(list) hors du groupe : leurs réponses seront enregistrées mais classées sous aucun "
        + "participant. Espace pour commencer quand même, ou déplacez une manette (chiffre N puis M).",
      en: "Seat(s) \(list) outside the group: their answers will be recorded but filed under no participant. "
        + "Space to start anyway, or move a pad (digit N then M).")
  }
  static let scentLimitReached = LocalizedText(
    fr: "Limite d'odeurs de la séance atteinte : l'essai continue sans odeur.",
    en: "The session's scent limit is reached: the trial goes on without a scent.")
  static let scentNotConfirmed = LocalizedText(
    fr: "Le diffuseur n'a pas confirmé l'odeur : l'image est montrée quand même.",
    en: "The diffuser did not confirm the scent: the image is shown anyway.")
  static func scentRefused(_ reason: LocalizedText) -> LocalizedText {
    LocalizedText(
      fr: "Odeur refusée : \(reason.french). L'essai continue sans odeur.",
      en: "Scent refused: \(reason.english). The trial goes on without a scent.")
  }
  static func recordingFailed(_ reason: LocalizedText) -> LocalizedText {
    LocalizedText(
      fr: "Enregistrement impossible : \(reason.french). La séance continue.",
      en: "Recording failed: \(reason.english). The session goes on.")
  }
}
