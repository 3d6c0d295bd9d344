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
  static func latecomerUnfiled(_ player: PlayerNumber) -> LocalizedText {
    LocalizedText(
      fr: "Le joueur \(player.rawValue) est arrivé en cours de séance : ses réponses sont enregistrées, et classées "
        + "sous son code quand vous direz qui c'est : P (pause), puis son numéro dans le groupe.",
      en: "Player \(player.rawValue) joined after the start: their answers are recorded, and filed under their "
        + "code once you say who it is: P (pause), then their number in the group.")
  }
  static func latecomerFiled(_ player: PlayerNumber, as code: ParticipantCode, next: PlayerNumber?) -> LocalizedText {
    let filed = LocalizedText(
      fr:
        "Les réponses du joueur \(player.rawValue), celles déjà données comprises, sont classées sous \(code.rawValue).",
      en: "Player \(player.rawValue)'s answers, those already given included, are filed under \(code.rawValue).")
    guard let next else {
      return LocalizedText(fr: filed.french + " P pour reprendre.", en: filed.english + " P to resume.")
    }
    return LocalizedText(
      fr: filed.french
        + " Le joueur \(next.rawValue) est aussi arrivé en cours de séance : tapez son numéro dans le groupe, ou P pour reprendre.",
      en: filed.english
        + " Player \(next.rawValue) also joined after the start: type their number in the group, or P to resume.")
  }
  static func noSuchMember(_ member: PlayerNumber, groupSize: Int) -> LocalizedText {
    LocalizedText(
      fr: "Le groupe n'a que \(groupSize) membres : pas de numéro \(member.rawValue).",
      en: "The group has only \(groupSize) members: there is no number \(member.rawValue).")
  }
  static func memberAlreadySeated(_ code: ParticipantCode, at seat: PlayerNumber) -> LocalizedText {
    LocalizedText(
      fr: "\(code.rawValue) joue déjà à la place \(seat.rawValue) : choisissez un autre numéro.",
      en: "\(code.rawValue) is already playing at seat \(seat.rawValue): pick another number.")
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
