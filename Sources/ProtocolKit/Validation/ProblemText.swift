import SessionModel

/// Every message a protocol file can earn: what is wrong, then how to fix it, in French and English.
enum ProblemText {
  // MARK: Reading the file

  static let emptyFile = LocalizedText(
    fr: "le fichier est vide. Écrivez le protocole en YAML (voir docs/protocol-format.md).",
    en: "the file is empty. Write the protocol in YAML (see docs/protocol-format.md).")

  static func unreadableYAML(_ detail: String) -> LocalizedText {
    LocalizedText(
      fr: "le YAML ne se lit pas (\(detail)). Vérifiez l'indentation, les deux-points et les guillemets à cet endroit.",
      en: "the YAML cannot be read (\(detail)). Check the indentation, colons and quotes here.")
  }

  static func duplicateKeys(_ keys: [String]) -> LocalizedText {
    let list = keys.map { "« \($0) »" }.joined(separator: ", ")
    let listEN = keys.map { "'\($0)'" }.joined(separator: ", ")
    return LocalizedText(
      fr: "la clé \(list) apparaît deux fois. Gardez une seule de ces lignes.",
      en: "the key \(listEN) appears twice. Keep only one of these lines.")
  }

  static func unknownFormat(_ text: String, suggestion: String?) -> LocalizedText {
    LocalizedText(
      fr:
        "format inconnu « \(text) ».\(suggest(suggestion, fr: true)) Écrivez « format: \(ProtocolFormat.protocolV1) » pour un protocole ou « format: \(ProtocolFormat.scentsV1) » pour un catalogue d'odeurs.",
      en:
        "unknown format '\(text)'.\(suggest(suggestion, fr: false)) Write 'format: \(ProtocolFormat.protocolV1)' for a protocol or 'format: \(ProtocolFormat.scentsV1)' for a scent catalogue."
    )
  }

  static func wrongFormat(_ found: String, expected: String) -> LocalizedText {
    LocalizedText(
      fr: "ce fichier est au format « \(found) », alors que « \(expected) » est attendu ici. Indiquez le bon fichier.",
      en: "this file has format '\(found)' where '\(expected)' is expected. Point to the right file.")
  }

  // MARK: Shapes and types

  static func expectedMapping(_ what: LocalizedText) -> LocalizedText {
    LocalizedText(
      fr:
        "\(what.french) doit être une liste de clés « nom: valeur ». Écrivez chaque clé sur sa propre ligne, indentée sous celle-ci.",
      en:
        "\(what.english) must be a set of 'name: value' keys. Write each key on its own line, indented below this one.")
  }

  static func bilingualText(_ key: String) -> LocalizedText {
    LocalizedText(fr: "« \(key) » (texte en français et en anglais)", en: "'\(key)' (French and English text)")
  }

  static func expectedList(_ key: String) -> LocalizedText {
    LocalizedText(
      fr: "« \(key) » doit être une liste. Écrivez un élément par ligne, précédé de « - ».",
      en: "'\(key)' must be a list. Write one item per line, starting with '- '.")
  }

  static func expectedText(_ key: String) -> LocalizedText {
    LocalizedText(
      fr: "« \(key) » doit être un texte non vide. Écrivez la valeur après les deux-points.",
      en: "'\(key)' must be a non-empty text. Write the value after the colon.")
  }

  static func notASlug(_ text: String, key: String) -> LocalizedText {
    LocalizedText(
      fr:
        "« \(text) » n'est pas un identifiant valable pour « \(key) ». Utilisez des minuscules sans accent, des chiffres et des tirets (par exemple herbe-coupee).",
      en:
        "'\(text)' is not a valid identifier for '\(key)'. Use lower-case letters without accents, digits and dashes (for example herbe-coupee)."
    )
  }

  static func expectedInteger(_ key: String, found: String?) -> LocalizedText {
    LocalizedText(
      fr: "« \(key) » doit être un nombre entier, pas « \(found ?? "") ». Écrivez un nombre comme 10.",
      en: "'\(key)' must be a whole number, not '\(found ?? "")'. Write a number such as 10.")
  }

  static func expectedNumber(_ key: String, found: String?) -> LocalizedText {
    LocalizedText(
      fr: "« \(key) » doit être un nombre, pas « \(found ?? "") ». Écrivez un nombre comme 0.5.",
      en: "'\(key)' must be a number, not '\(found ?? "")'. Write a number such as 0.5.")
  }

  static func expectedBoolean(_ key: String, found: String?) -> LocalizedText {
    LocalizedText(
      fr: "« \(key) » doit valoir true ou false, pas « \(found ?? "") ». Écrivez true ou false.",
      en: "'\(key)' must be true or false, not '\(found ?? "")'. Write true or false.")
  }

  static func outOfRange(_ key: String, value: String, range: ClosedRange<Int>) -> LocalizedText {
    outOfRange(key, value: value, low: "\(range.lowerBound)", high: "\(range.upperBound)")
  }

  static func outOfRange(_ key: String, value: String, low: String, high: String) -> LocalizedText {
    LocalizedText(
      fr: "« \(key) » vaut \(value), hors des bornes. Choisissez une valeur entre \(low) et \(high).",
      en: "'\(key)' is \(value), out of bounds. Choose a value between \(low) and \(high).")
  }

  static func invalidDate(_ text: String, key: String) -> LocalizedText {
    LocalizedText(
      fr: "« \(text) » n'est pas une date valide pour « \(key) ». Écrivez-la AAAA-MM-JJ, par exemple 2027-01-14.",
      en: "'\(text)' is not a valid date for '\(key)'. Write it YYYY-MM-DD, for example 2027-01-14.")
  }

  // MARK: Names

  static func missingKey(_ key: String) -> LocalizedText {
    LocalizedText(
      fr: "la clé « \(key) » manque. Ajoutez « \(key): … » à ce niveau.",
      en: "the key '\(key)' is missing. Add '\(key): …' at this level.")
  }

  static func unknownKey(_ key: String, suggestion: String?, known: [String]) -> LocalizedText {
    if let suggestion {
      return LocalizedText(
        fr: "clé inconnue « \(key) ». Vouliez-vous dire « \(suggestion) » ?",
        en: "unknown key '\(key)'. Did you mean '\(suggestion)'?")
    }
    return LocalizedText(
      fr: "clé inconnue « \(key) ». Retirez-la ou utilisez l'une de : \(known.joined(separator: ", ")).",
      en: "unknown key '\(key)'. Remove it or use one of: \(known.joined(separator: ", ")).")
  }

  static func unknownValue(_ text: String, key: String, suggestion: String?, options: [String]) -> LocalizedText {
    if let suggestion {
      return LocalizedText(
        fr: "valeur inconnue « \(text) » pour « \(key) ». Vouliez-vous dire « \(suggestion) » ?",
        en: "unknown value '\(text)' for '\(key)'. Did you mean '\(suggestion)'?")
    }
    return LocalizedText(
      fr: "valeur inconnue « \(text) » pour « \(key) ». Choisissez l'une de : \(options.joined(separator: ", ")).",
      en: "unknown value '\(text)' for '\(key)'. Choose one of: \(options.joined(separator: ", ")).")
  }

  static func duplicate(_ text: String, key: String) -> LocalizedText {
    LocalizedText(
      fr: "« \(text) » apparaît deux fois dans « \(key) ». Retirez le doublon.",
      en: "'\(text)' appears twice in '\(key)'. Remove the duplicate.")
  }

  // MARK: Cross-checks

  static func unknownStimulus(_ id: String, suggestion: String?) -> LocalizedText {
    LocalizedText(
      fr:
        "l'image « \(id) » n'existe pas dans stimuli/ des ressources.\(suggest(suggestion, fr: true)) Sinon ajoutez stimuli/\(id).yaml et son image.",
      en:
        "the image '\(id)' does not exist in the assets' stimuli/.\(suggest(suggestion, fr: false)) Otherwise add stimuli/\(id).yaml and its image."
    )
  }

  static func missingImageFile(_ path: String) -> LocalizedText {
    LocalizedText(
      fr:
        "le fichier image « \(path) » est introuvable. Ajoutez-le dans le dossier des ressources ou corrigez « image: ».",
      en: "the image file '\(path)' cannot be found. Add it to the assets folder or correct 'image:'.")
  }

  static func unknownScent(_ id: String, suggestion: String?) -> LocalizedText {
    LocalizedText(
      fr:
        "l'odeur « \(id) » n'est pas dans le catalogue des odeurs.\(suggest(suggestion, fr: true)) Sinon ajoutez-la à Protocols/scents.yaml.",
      en:
        "the scent '\(id)' is not in the scent catalogue.\(suggest(suggestion, fr: false)) Otherwise add it to Protocols/scents.yaml."
    )
  }

  static func channelTaken(_ channel: Int, by other: String) -> LocalizedText {
    LocalizedText(
      fr: "le canal \(channel) est déjà pris par « \(other) ». Donnez à chaque odeur un canal différent entre 1 et 30.",
      en: "channel \(channel) is already taken by '\(other)'. Give each scent its own channel between 1 and 30.")
  }

  static func stimulusWithoutScent(_ id: String) -> LocalizedText {
    LocalizedText(
      fr:
        "l'image « \(id) » n'a pas d'odeur associée alors que le protocole a une condition avec odeur. Ajoutez « scent: » dans stimuli/\(id).yaml ou retirez l'image de « stimuli ».",
      en:
        "the image '\(id)' has no paired scent but the protocol has a scent condition. Add 'scent:' to stimuli/\(id).yaml or remove the image from 'stimuli'."
    )
  }

  static func safetyLooserThanBound(_ key: String, value: String, bound: String, tighter: LocalizedText)
    -> LocalizedText
  {
    LocalizedText(
      fr:
        "« \(key) » vaut \(value), au-delà de la limite absolue \(bound). Un protocole peut seulement resserrer les limites de sécurité : \(tighter.french).",
      en:
        "'\(key)' is \(value), beyond the hard limit \(bound). A protocol may only tighten the safety limits: \(tighter.english)."
    )
  }

  static func pulseLongerThanLimit(_ pulse: Int, limit: Int) -> LocalizedText {
    LocalizedText(
      fr:
        "« scent_pulse_ms » vaut \(pulse), plus long que « maximum_pulse_ms » (\(limit)). Raccourcissez la diffusion à \(limit) ms au plus.",
      en:
        "'scent_pulse_ms' is \(pulse), longer than 'maximum_pulse_ms' (\(limit)). Shorten the release to at most \(limit) ms."
    )
  }

  static func purgeLongerThanInterval(_ purge: Int, interval: Int) -> LocalizedText {
    LocalizedText(
      fr:
        "« purge_ms » vaut \(purge) mais doit tenir dans « minimum_interval_ms » (\(interval)). Choisissez une purge plus courte que l'intervalle.",
      en:
        "'purge_ms' is \(purge) but must fit inside 'minimum_interval_ms' (\(interval)). Choose a purge shorter than the interval."
    )
  }

  static func tooManyReleases(_ releases: Int, limit: Int) -> LocalizedText {
    LocalizedText(
      fr:
        "une séance peut diffuser jusqu'à \(releases) odeurs, au-delà de « maximum_releases_per_session » (\(limit)). Réduisez « trials_per_session » ou les conditions avec odeur.",
      en:
        "a session may release up to \(releases) scents, beyond 'maximum_releases_per_session' (\(limit)). Reduce 'trials_per_session' or the scent conditions."
    )
  }

  static func tooMuchReleaseTime(_ total: Int, limit: Int) -> LocalizedText {
    LocalizedText(
      fr:
        "une séance peut diffuser \(total) ms d'odeur au total, au-delà de « maximum_total_release_ms_per_session » (\(limit)). Raccourcissez « scent_pulse_ms » ou réduisez les essais avec odeur.",
      en:
        "a session may release \(total) ms of scent in total, beyond 'maximum_total_release_ms_per_session' (\(limit)). Shorten 'scent_pulse_ms' or reduce the scent trials."
    )
  }

  static func trialsExceedPool(_ trials: Int, pool: Int) -> LocalizedText {
    LocalizedText(
      fr:
        "« trials_per_session » vaut \(trials) mais « stimuli » n'a que \(pool) images. Ajoutez des images ou réduisez le nombre d'essais.",
      en:
        "'trials_per_session' is \(trials) but 'stimuli' has only \(pool) images. Add images or reduce the number of trials."
    )
  }

  static let gameConditionWithoutGames = LocalizedText(
    fr: "une condition avec jeu est prévue mais « games » est vide. Ajoutez au moins un jeu ou retirez la condition.",
    en: "a game condition is planned but 'games' is empty. Add at least one game or remove the condition.")

  static let scentGameInImageGame = LocalizedText(
    fr:
      "le jeu « quelle-odeur » diffuse une odeur : en condition image_game il mêlerait les conditions. Retirez-le ou remplacez image_game par image_game_scent.",
    en:
      "the game 'quelle-odeur' releases a scent: in the image_game condition it would mix the conditions. Remove it or replace image_game with image_game_scent."
  )

  static let animationRecords = LocalizedText(
    fr:
      "une animation n'enregistre rien et ne garde aucune donnée clinique. Écrivez « recording: false » ou passez « kind » à clinical.",
    en: "an animation records nothing and keeps no clinical data. Write 'recording: false' or set 'kind' to clinical.")

  static let clinicalWithoutArms = LocalizedText(
    fr: "un protocole clinique a besoin d'au moins un bras. Ajoutez « arms: » avec un bras par groupe de comparaison.",
    en: "a clinical protocol needs at least one arm. Add 'arms:' with one arm per comparison group.")

  static func closureEndsBeforeStart(_ from: CalendarDate, _ to: CalendarDate) -> LocalizedText {
    LocalizedText(
      fr: "la fermeture va du \(from) au \(to) : la fin précède le début. Inversez les deux dates.",
      en: "the closure runs from \(from) to \(to): the end comes before the start. Swap the two dates.")
  }

  static let closureNeedsDateOrRange = LocalizedText(
    fr: "une fermeture doit être une date ou une période « {from: …, to: …} ». Écrivez par exemple « - 2027-05-01 ».",
    en: "a closure must be a date or a period '{from: …, to: …}'. Write for example '- 2027-05-01'.")

  static func runTooShort(_ value: Int, conditions: Int) -> LocalizedText {
    LocalizedText(
      fr:
        "« max_same_condition_in_a_row » vaut \(value) : avec \(conditions) condition(s), les essais ne peuvent pas respecter cette limite. Ajoutez des conditions ou augmentez la limite.",
      en:
        "'max_same_condition_in_a_row' is \(value): with \(conditions) condition(s), the trials cannot keep this limit. Add conditions or raise the limit."
    )
  }

  // MARK: Helpers

  private static func suggest(_ suggestion: String?, fr: Bool) -> String {
    guard let suggestion else { return "" }
    return fr ? " Vouliez-vous dire « \(suggestion) » ?" : " Did you mean '\(suggestion)'?"
  }
}
