import SessionModel

/// Every word the Stage puts on screen, French first, in one place.
enum StageStrings {
  static let welcome = LocalizedText(fr: "Bienvenue !", en: "Welcome!")
  static let takeAPad = LocalizedText(
    fr: "Prenez une manette et appuyez sur un bouton.", en: "Take a gamepad and press a button.")
  static let chooseYourAvatar = LocalizedText(fr: "Choisissez votre personnage", en: "Choose your character")
  static let pressAToChoose = LocalizedText(fr: "Appuyez sur A pour choisir", en: "Press A to choose")
  /// On the card of the seat the therapist picked: its pad is waiting to be sent to another seat.
  static let seatGoesWhere = LocalizedText(fr: "→ ?", en: "→ ?")
  /// For the therapist, while a seat is picked on the join screen.
  static func moveSeat(_ number: PlayerNumber) -> LocalizedText {
    LocalizedText(
      fr: "Place \(number.rawValue) → quelle place ? Son chiffre, ou Échap pour annuler",
      en: "Seat \(number.rawValue) → which seat? Its digit, or Esc to cancel")
  }
  static let whichScent = LocalizedText(fr: "Quelle odeur ?", en: "Which scent?")
  static let memoryPairs = LocalizedText(fr: "Retrouvez les paires", en: "Find the pairs")
  static let yourTurn = LocalizedText(fr: "À vous", en: "Your turn")
  static let thenAndNow = LocalizedText(fr: "Autrefois ou aujourd'hui ?", en: "Then or now?")
  static let then = LocalizedText(fr: "Autrefois", en: "Then")
  static let now = LocalizedText(fr: "Aujourd'hui", en: "Now")
  static func whereDoesItGo(_ picture: LocalizedText) -> LocalizedText {
    LocalizedText(fr: "Où va « \(picture.french) » ?", en: "Where does “\(picture.english)” go?")
  }
  /// After a picture came back from a place: an invitation, never a reproach.
  static let anotherPlace = LocalizedText(fr: "Essayons une autre place", en: "Let's try another place")
  static let allInOrder = LocalizedText(fr: "Bravo, tout est dans l'ordre !", en: "Well done, all in order!")
  static let evocationPrompt = EvocationView.standardPrompt
  static let whoWantsToSpeak = LocalizedText(fr: "Qui veut parler ?", en: "Who would like to speak?")
  static let next = LocalizedText(fr: "Ensuite", en: "Next")
  static let listening = LocalizedText(fr: "On vous écoute", en: "We are listening")
  static let scent = LocalizedText(fr: "Parfum", en: "Scent")
  static let pause = LocalizedText(fr: "Pause", en: "Pause")
  static let backSoon = LocalizedText(fr: "Nous reprenons dans un instant.", en: "We will carry on in a moment.")
  static let thankYou = LocalizedText(fr: "Merci à tous !", en: "Thank you, everyone!")
  static let seeYouSoon = LocalizedText(fr: "À bientôt", en: "See you soon")
  static let confirmEnd = LocalizedText(fr: "Terminer la séance ?", en: "End the session?")
  static let confirmEndKeys = LocalizedText(
    fr: "Entrée : oui    Retour arrière : non", en: "Enter: yes    Backspace: no")
  static let keyboardHelp = LocalizedText(fr: "Clavier", en: "Keyboard")

  /// The therapist's keys, as the help overlay lists them.
  static let keyboardHelpLines: [(key: LocalizedText, action: LocalizedText)] = [
    (.init(fr: "Espace", en: "Space"), .init(fr: "suivant", en: "next")),
    (.init(fr: "P / S", en: "P / S"), .init(fr: "pause / passer", en: "pause / skip")),
    (.init(fr: "R", en: "R"), .init(fr: "recommencer", en: "redo")),
    (.init(fr: "1 … 9, 0", en: "1 … 9, 0"), .init(fr: "donner la parole", en: "give the floor")),
    (.init(fr: "Accueil : N puis M", en: "Join: N then M"), .init(fr: "échanger les places", en: "swap the seats")),
    (.init(fr: "Pause : N", en: "Pause: N"), .init(fr: "classer un retardataire", en: "file a latecomer")),
    (.init(fr: "Échap", en: "Esc"), .init(fr: "terminer", en: "end")),
    (
      .init(fr: "Entrée / Retour arrière", en: "Enter / Backspace"),
      .init(fr: "confirmer / annuler", en: "confirm / cancel")
    ),
    (.init(fr: "H", en: "H"), .init(fr: "cette aide", en: "this help")),
  ]

  /// The therapist's banner while the session runs without something it should have.
  static func degraded(_ what: LocalizedText) -> LocalizedText {
    LocalizedText(fr: "Séance dégradée : \(what.french)", en: "Degraded session: \(what.english)")
  }

  static func player(_ number: PlayerNumber) -> LocalizedText {
    LocalizedText(fr: "Joueur \(number.rawValue)", en: "Player \(number.rawValue)")
  }

  static func turnOf(_ number: PlayerNumber) -> LocalizedText {
    LocalizedText(fr: "Au tour du joueur \(number.rawValue)", en: "Player \(number.rawValue)'s turn")
  }
}
