import SessionEngine
import SessionModel

/// Small, obviously fake material for every engine test: eight scents, four images, eight then-and-now
/// pictures, three processes of three steps for "Le bon ordre".
enum Material {
  static let scents: [Scent] = [
    scent("pomme", 1, "Pomme", .fruit), scent("citron", 2, "Citron", .fruit),
    scent("rose", 3, "Rose", .flower), scent("lavande", 4, "Lavande", .flower),
    scent("cafe", 5, "Café", .drink), scent("pain", 6, "Pain grillé", .food),
    scent("herbe-coupee", 7, "Herbe coupée", .nature), scent("mer", 8, "Mer", .sea),
  ]

  static let stimuli: [Stimulus] = [
    Stimulus(id: "verger", image: "stimuli/verger.svg", theme: "campagne", era: "1950s", pairedScent: "pomme"),
    Stimulus(id: "cuisine", image: "stimuli/cuisine.svg", theme: "cuisine", era: "1960s", pairedScent: "cafe"),
    Stimulus(id: "jardin", image: "stimuli/jardin.svg", theme: "jardin", era: "timeless", pairedScent: "rose"),
    Stimulus(id: "plage", image: "stimuli/plage.svg", theme: "vacances", era: "1970s", pairedScent: "mer"),
  ]

  static let thenAndNow: [ThenAndNowPicture] = [
    picture("lavoir", then: true), picture("lave-linge", then: false),
    picture("telephone-a-cadran", then: true), picture("smartphone", then: false),
    picture("deux-chevaux", then: true), picture("voiture-electrique", then: false),
    picture("poele-a-bois", then: true), picture("plaque-induction", then: false),
  ]

  static let rightOrder: [RightOrderSequence] = [
    process("tarte", ["pommier", "pomme", "tarte"]), process("pain", ["ble", "farine", "pain"]),
    process("poule", ["oeuf", "poussin", "poule"]),
  ]

  static let participants: [ParticipantCode] = (1...10).map {
    ParticipantCode(rawValue: "P\($0 < 10 ? "0" : "")\($0)")!
  }

  static func trial(_ number: Int, _ stimulus: StimulusID, _ condition: Condition, game: GameKind? = nil) -> Trial {
    let scent = condition.includesScent ? stimuli.first { $0.id == stimulus }?.pairedScent : nil
    return Trial(
      id: TrialID("T\(number)"), number: number, stimulus: stimulus, condition: condition, game: game, scent: scent)
  }

  /// One trial per condition that the clinical protocol compares: image, image and game, image and scent.
  static let threeConditions: [Trial] = [
    trial(1, "verger", .image), trial(2, "cuisine", .imageGame, game: .memoryPairs), trial(3, "jardin", .imageScent),
  ]

  static func setup(
    _ trials: [Trial] = threeConditions, kind: SessionKind = .clinical, participants: [ParticipantCode] = participants,
    maximumAnswerSeconds: Int? = nil, difficulty: Difficulty = .easy, seed: UInt64 = 7
  ) -> SessionSetup {
    SessionSetup(
      session: Session(
        id: "S01", number: 1, date: CalendarDate(year: 2027, month: 1, day: 14)!, kind: kind, trials: trials),
      stimuli: stimuli, scents: scents, thenAndNowPictures: thenAndNow, rightOrderSequences: rightOrder,
      participants: kind == .clinical ? participants : [], maximumAnswerSeconds: maximumAnswerSeconds,
      difficulty: difficulty, seed: seed)
  }

  private static func scent(_ id: String, _ slot: Int, _ name: String, _ family: ScentFamily) -> Scent {
    Scent(
      id: ScentID(id), slot: CartridgeSlot(rawValue: slot)!, name: LocalizedText(fr: name, en: name), family: family)
  }

  private static func process(_ id: String, _ steps: [String]) -> RightOrderSequence {
    RightOrderSequence(
      title: LocalizedText(fr: id, en: id),
      steps: steps.map { PictureChoice(image: "ordre/\($0).svg", label: LocalizedText(fr: $0, en: $0)) })
  }

  private static func picture(_ id: String, then: Bool) -> ThenAndNowPicture {
    ThenAndNowPicture(
      picture: PictureChoice(image: "autrefois/\(id).svg", label: LocalizedText(fr: id, en: id)), isNow: !then)
  }
}
