import SessionModel

/// How participant fields read on screen, in the user's language.
enum ParticipantLabels {
  static let none = LocalizedText(fr: "—", en: "—")

  static func yesNo(_ value: Bool) -> LocalizedText {
    value ? LocalizedText(fr: "oui", en: "yes") : LocalizedText(fr: "non", en: "no")
  }

  static func text(_ value: String?) -> LocalizedText {
    value.map { LocalizedText(fr: $0, en: $0) } ?? none
  }

  static func hand(_ hand: UsableHand) -> LocalizedText {
    switch hand {
    case .left: LocalizedText(fr: "gauche", en: "left")
    case .right: LocalizedText(fr: "droite", en: "right")
    case .both: LocalizedText(fr: "les deux", en: "both")
    }
  }

  static func smell(_ smell: SmellScreening) -> LocalizedText {
    switch smell {
    case .notScreened: LocalizedText(fr: "non testé", en: "not screened")
    case .normal: LocalizedText(fr: "normal", en: "normal")
    case .hyposmic: LocalizedText(fr: "hyposmique", en: "hyposmic")
    case .anosmic: LocalizedText(fr: "anosmique", en: "anosmic")
    }
  }

  static func aphasia(_ aphasia: AphasiaType) -> LocalizedText {
    switch aphasia {
    case .none: LocalizedText(fr: "aucune", en: "none")
    case .broca: LocalizedText(fr: "Broca", en: "Broca's")
    case .wernicke: LocalizedText(fr: "Wernicke", en: "Wernicke's")
    case .conduction: LocalizedText(fr: "de conduction", en: "conduction")
    case .anomic: LocalizedText(fr: "anomique", en: "anomic")
    case .global: LocalizedText(fr: "globale", en: "global")
    case .transcorticalMotor: LocalizedText(fr: "transcorticale motrice", en: "transcortical motor")
    case .transcorticalSensory: LocalizedText(fr: "transcorticale sensorielle", en: "transcortical sensory")
    case .unclassified: LocalizedText(fr: "non classée", en: "unclassified")
    }
  }
}
