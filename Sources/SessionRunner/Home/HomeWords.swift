import Foundation
import SessionModel

/// Every word of the home screen and the screens around a session, French first.
enum HomeWords {
  static let homeTitle = LocalizedText(fr: "ConnectAge", en: "ConnectAge")
  static let homeKeys = LocalizedText(
    fr: "↑↓ choisir · ←→ changer · Entrée valider · Échap quitter",
    en: "↑↓ choose · ←→ change · Enter select · Esc quit")
  static let checkKeys = LocalizedText(
    fr: "↑↓ choisir · ←→ changer · Entrée valider · Retour arrière : revenir",
    en: "↑↓ choose · ←→ change · Enter select · Backspace: go back")
  static let summaryKeys = LocalizedText(fr: "↑↓ choisir · Entrée valider", en: "↑↓ choose · Enter select")
  static let noStudy = LocalizedText(
    fr: "Aucun protocole d'étude trouvé : l'animation reste possible.",
    en: "No study protocol found: the animation is still available.")
  static let study = LocalizedText(fr: "Étude", en: "Study")
  static let group = LocalizedText(fr: "Groupe", en: "Group")
  static let session = LocalizedText(fr: "Séance", en: "Session")
  static let begin = LocalizedText(fr: "Commencer la séance", en: "Start the session")
  static let beginAnimation = LocalizedText(fr: "Commencer l'animation", en: "Start the animation")
  static let animation = LocalizedText(
    fr: "Animation : jeux et odeurs, sans enregistrement", en: "Animation: games and scents, nothing recorded")
  static let review = LocalizedText(fr: "Relire et transcrire", en: "Review and transcribe")
  static let reviewOpened = LocalizedText(
    fr: "La relecture est ouverte dans le navigateur.", en: "The review is open in the browser.")
  static let notStarted = LocalizedText(fr: "La séance n'a pas commencé.", en: "The session did not start.")
  static let settingsTitle = LocalizedText(fr: "Réglages", en: "Settings")
  static let settingsWhere = LocalizedText(
    fr: "Gardés pour cet ordinateur ; aucun nom de personne.", en: "Kept for this computer; no one's name.")
  static let diffuser = LocalizedText(fr: "Diffuseur", en: "Diffuser")
  static let testChannel = LocalizedText(fr: "Canal d'essai", en: "Test channel")
  static let testPuff = LocalizedText(fr: "Diffusion d'essai", en: "Test puff")
  static let retry = LocalizedText(fr: "Réessayer", en: "Try again")
  static let searchDiffusers = LocalizedText(fr: "Rechercher les diffuseurs", en: "Search for diffusers")
  static let microphone = LocalizedText(fr: "Micro", en: "Microphone")
  /// Enter on it switches full screen and window; the verdict says so when it matters.
  static let screen = LocalizedText(fr: "Écran", en: "Screen")
  static let disk = LocalizedText(fr: "Disque", en: "Disk")
  static let proceed = LocalizedText(fr: "Continuer", en: "Continue")
  static let finish = LocalizedText(fr: "Terminer", en: "Finish")
  static let language = LocalizedText(fr: "Langue", en: "Language")
  static let fullscreen = LocalizedText(fr: "plein écran", en: "full screen")
  static let window = LocalizedText(fr: "fenêtre", en: "window")
  static let save = LocalizedText(fr: "Enregistrer", en: "Save")
  static let cancel = LocalizedText(fr: "Annuler", en: "Cancel")
  static let opening = LocalizedText(fr: "Ouverture du micro…", en: "Opening the microphone…")
  static let sessionRunning = LocalizedText(fr: "Séance en cours", en: "Session running")
  static let sessionOver = LocalizedText(fr: "Séance terminée", en: "Session over")

  static func title(of check: HomeModel.DeviceCheck) -> LocalizedText {
    switch check {
    case .diffuser: LocalizedText(fr: "Vérification : le diffuseur", en: "Check: the diffuser")
    case .microphone: LocalizedText(fr: "Vérification : le micro", en: "Check: the microphone")
    case .pads: LocalizedText(fr: "Vérification : les manettes", en: "Check: the gamepads")
    case .screenAndDisk: LocalizedText(fr: "Vérification : l'écran et le disque", en: "Check: screen and disk")
    }
  }

  static func step(_ index: Int, of count: Int, start: HomeStart?) -> LocalizedText {
    let what = start.map { $0.isAnimation ? "animation" : "\($0.group ?? "") · \($0.sessionNumber)" } ?? ""
    return LocalizedText(fr: "Étape \(index) sur \(count) — \(what)", en: "Step \(index) of \(count) — \(what)")
  }

  // MARK: Dates and sessions

  static let frenchDays = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
  static let englishDays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
  static let frenchMonths = [
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
    "décembre",
  ]
  static let englishMonths = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
  ]

  /// `jeudi 14 janvier 2027` / `Thursday 14 January 2027`.
  static func date(_ date: CalendarDate) -> LocalizedText {
    LocalizedText(
      fr:
        "\(frenchDays[date.weekday - 1]) \(date.day == 1 ? "1er" : "\(date.day)") \(frenchMonths[date.month - 1]) \(date.year)",
      en: "\(englishDays[date.weekday - 1]) \(date.day) \(englishMonths[date.month - 1]) \(date.year)")
  }

  static func nextSession(_ session: HomePlannedSession, group: String) -> LocalizedText {
    let when = session.date.map(date)
    if case .interrupted = session.state {
      return LocalizedText(
        fr: "Séance \(session.number) du groupe \(group) interrompue : elle peut reprendre là où elle s'est arrêtée.",
        en: "Session \(session.number) of group \(group) was interrupted: it can pick up where it stopped.")
    }
    return LocalizedText(
      fr: "Prochaine séance prévue : n° \(session.number) du groupe \(group)\(when.map { ", \($0.french)" } ?? "")",
      en: "Next planned session: no. \(session.number) of group \(group)\(when.map { ", \($0.english)" } ?? "")")
  }

  static func groupValue(_ group: HomeGroup) -> LocalizedText {
    guard let members = group.registeredMembers else {
      return LocalizedText(fr: "\(group.name) (non enregistré)", en: "\(group.name) (not registered)")
    }
    return LocalizedText(fr: "\(group.name) (\(members) membres)", en: "\(group.name) (\(members) members)")
  }

  static func sessionValue(_ session: HomePlannedSession, isNext: Bool) -> LocalizedText {
    let when = session.date.map(date)
    let state: LocalizedText? =
      switch session.state {
      case .held: LocalizedText(fr: "faite", en: "held")
      case .interrupted: LocalizedText(fr: "interrompue", en: "interrupted")
      case .planned: isNext ? LocalizedText(fr: "prochaine", en: "next") : nil
      }
    return LocalizedText(
      fr: "\(session.number)\(when.map { ", \($0.french)" } ?? "")\(state.map { " (\($0.french))" } ?? "")",
      en: "\(session.number)\(when.map { ", \($0.english)" } ?? "")\(state.map { " (\($0.english))" } ?? "")")
  }

  static func resume(trial: Int, of trials: Int) -> LocalizedText {
    LocalizedText(
      fr: "Reprendre la séance interrompue (image \(trial) sur \(trials))",
      en: "Resume the interrupted session (image \(trial) of \(trials))")
  }

  // MARK: Devices

  static func diffuserName(_ choice: DiffuserChoice) -> LocalizedText {
    switch choice {
    case .none: LocalizedText(fr: "aucun", en: "none")
    case .simulated: LocalizedText(fr: "simulé (essai sans appareil)", en: "simulated (no device)")
    case .endpoint(let text): LocalizedText(fr: text, en: text)
    }
  }

  static func microphoneName(_ name: String?) -> LocalizedText {
    name.map { LocalizedText(fr: $0, en: $0) } ?? LocalizedText(fr: "celui du système", en: "the system's")
  }

  static func languageName(_ language: Language) -> LocalizedText {
    switch language {
    case .french: LocalizedText(fr: "Français", en: "Français")
    case .english: LocalizedText(fr: "English", en: "English")
    }
  }

  static func diffuserVerdict(_ report: DiffuserReport?, plansScents: Bool) -> ConsoleVerdict {
    switch report {
    case nil:
      return ConsoleVerdict(
        tone: .neutral, headline: LocalizedText(fr: "Recherche du diffuseur…", en: "Looking for the diffuser…"))
    case .noDiffuser:
      guard plansScents else {
        return ConsoleVerdict(
          tone: .good,
          headline: LocalizedText(fr: "Cette séance ne prévoit pas d'odeurs.", en: "This session plans no scents."))
      }
      return ConsoleVerdict(
        tone: .warning,
        headline: LocalizedText(
          fr: "Aucun diffuseur : séance sans odeurs ?", en: "No diffuser: a session without scents?"),
        advice: LocalizedText(
          fr: "Choisissez le diffuseur avec ←→, ou continuez sans odeurs : ce sera noté dans le journal de la séance.",
          en: "Choose the diffuser with ←→, or carry on without scents: the session's log will say so."))
    case .unreachable(let reason):
      return ConsoleVerdict(
        tone: .problem, headline: LocalizedText(fr: "Le diffuseur ne répond pas.", en: "The diffuser does not answer."),
        advice: LocalizedText(
          fr:
            "\(reason.french) Allumez-le, rapprochez-le de l'ordinateur, puis « Réessayer » ; ou continuez sans odeurs.",
          en:
            "\(reason.english) Switch it on, bring it closer to the computer, then 'Try again'; or carry on without scents."
        ))
    case .found(let model, let channels, let empty, let lowest):
      let levels = lowest.map {
        LocalizedText(fr: " La cartouche la plus basse est à \($0) %.", en: " The lowest cartridge is at \($0)%.")
      }
      guard empty.isEmpty else {
        let list = empty.map(String.init).joined(separator: ", ")
        return ConsoleVerdict(
          tone: .warning,
          headline: LocalizedText(
            fr: "Cartouches vides ou absentes : \(list).", en: "Empty or missing cartridges: \(list)."),
          advice: LocalizedText(
            fr: "Remplacez-les avant la séance, ou continuez : ces odeurs ne seront pas diffusées.",
            en: "Replace them before the session, or carry on: those scents will not be released."))
      }
      return ConsoleVerdict(
        tone: .good,
        headline: LocalizedText(
          fr: "Diffuseur prêt : \(model), \(channels) cartouches.",
          en: "Diffuser ready: \(model), \(channels) cartridges."),
        advice: LocalizedText(
          fr: "Une diffusion d'essai permet de sentir une odeur.\(levels?.french ?? "")",
          en: "A test puff lets you smell one scent.\(levels?.english ?? "")"))
    }
  }

  static func puffValue(_ result: PuffResult) -> LocalizedText {
    switch result {
    case .released(let channel, let milliseconds):
      LocalizedText(
        fr: "Essai canal \(channel) : diffusé (\(milliseconds) ms).",
        en: "Channel \(channel) test: released (\(milliseconds) ms).")
    case .failed(let channel, let reason):
      LocalizedText(
        fr: "Essai canal \(channel) : échec, \(reason.french)", en: "Channel \(channel) test: failed, \(reason.english)"
      )
    }
  }

  /// The test puff's row: the outcome in two words; the verdict beside it says it in full.
  static func puffShortValue(_ result: PuffResult) -> LocalizedText {
    switch result {
    case .released(_, let milliseconds):
      LocalizedText(fr: "diffusé (\(milliseconds) ms)", en: "released (\(milliseconds) ms)")
    case .failed: LocalizedText(fr: "échec", en: "failed")
    }
  }

  static func tone(_ result: PuffResult) -> ConsoleTone {
    if case .released = result { return .good }
    return .problem
  }

  static func noMicrophone(_ reason: LocalizedText) -> ConsoleVerdict {
    ConsoleVerdict(
      tone: .problem, headline: LocalizedText(fr: "Aucun micro ne s'ouvre.", en: "No microphone opens."),
      advice: LocalizedText(
        fr: "\(reason.french) Branchez-le, choisissez-le avec ←→, ou continuez sans enregistrer : ce sera noté.",
        en: "\(reason.english) Plug it in, choose it with ←→, or carry on without recording: it will be logged."))
  }

  static func microphoneVerdict(_ verdict: MicrophoneHearing.Verdict) -> ConsoleVerdict {
    switch verdict {
    case .waiting:
      ConsoleVerdict(
        tone: .neutral,
        headline: LocalizedText(
          fr: "Parlez à voix normale, depuis la place d'un patient.", en: "Speak normally, from a patient's seat."),
        advice: LocalizedText(
          fr: "La barre doit passer le premier trait sans atteindre le second.",
          en: "The bar should pass the first mark without reaching the second."))
    case .good:
      ConsoleVerdict(
        tone: .good, headline: LocalizedText(fr: "Le micro entend bien.", en: "The microphone hears well."))
    case .tooQuiet:
      ConsoleVerdict(
        tone: .warning,
        headline: LocalizedText(fr: "Le micro entend trop peu.", en: "The microphone hears too little."),
        advice: LocalizedText(
          fr: "Rapprochez-le des patients ou montez son volume dans les réglages du son de l'ordinateur.",
          en: "Bring it closer to the patients or raise its volume in the computer's sound settings."))
    case .clipping:
      ConsoleVerdict(
        tone: .warning, headline: LocalizedText(fr: "Le son sature.", en: "The sound clips."),
        advice: LocalizedText(
          fr: "Éloignez le micro, puis reparlez.",
          en: "Move the microphone away, then speak again."))
    }
  }

  static func padsVerdict(lit: Int, expected: Int?) -> ConsoleVerdict {
    let howTo = LocalizedText(
      fr: "Chaque patient appuie sur un bouton de sa manette : sa place s'allume.",
      en: "Each patient presses a button on their gamepad: their seat lights up.")
    if lit == 0 {
      return ConsoleVerdict(
        tone: .warning,
        headline: LocalizedText(fr: "Aucune manette n'a encore répondu.", en: "No gamepad has answered yet."),
        advice: LocalizedText(
          fr: "\(howTo.french) Vérifiez qu'elles sont allumées et branchées ou appairées.",
          en: "\(howTo.english) Check that they are switched on and plugged in or paired."))
    }
    if let expected, lit < expected {
      return ConsoleVerdict(
        tone: .warning,
        headline: LocalizedText(fr: "\(lit) manettes sur \(expected).", en: "\(lit) gamepads of \(expected)."),
        advice: LocalizedText(
          fr: "\(howTo.french) Les retardataires pourront encore rejoindre au début de la séance.",
          en: "\(howTo.english) Latecomers can still join at the start of the session."))
    }
    return ConsoleVerdict(
      tone: .good, headline: LocalizedText(fr: "\(lit) manettes prêtes.", en: "\(lit) gamepads ready."), advice: howTo)
  }

  static func screenValue(_ screen: (width: Int, height: Int, isFullscreen: Bool)) -> LocalizedText {
    LocalizedText(
      fr: "\(screen.width) × \(screen.height), \(screen.isFullscreen ? fullscreen.french : window.french)",
      en: "\(screen.width) × \(screen.height), \(screen.isFullscreen ? fullscreen.english : window.english)")
  }

  static func diskValue(available: Int64, needed: Int64) -> LocalizedText {
    LocalizedText(
      fr: "\(StartProblem.size(available, in: .french)) libres, \(StartProblem.size(needed, in: .french)) nécessaires",
      en: "\(StartProblem.size(available, in: .english)) free, \(StartProblem.size(needed, in: .english)) needed")
  }

  static func readyVerdict(missing: [AcceptedDegradation], isFullscreen: Bool?) -> ConsoleVerdict {
    if missing.contains(.lowDiskSpace) || missing.contains(.unregisteredGroup) {
      var fr: [String] = []
      var en: [String] = []
      if missing.contains(.lowDiskSpace) {
        fr.append("Libérez de la place sur le disque : les réponses risquent de ne pas être enregistrées.")
        en.append("Free some disk space: the answers may not be recorded.")
      }
      if missing.contains(.unregisteredGroup) {
        fr.append(
          "Enregistrez les membres du groupe (codes seulement) : sinon les réponses ne sont classées sous personne.")
        en.append("Register the group's members (codes only): otherwise the answers are filed under nobody.")
      }
      return ConsoleVerdict(
        tone: .problem, headline: LocalizedText(fr: "Pas tout à fait prêt.", en: "Not quite ready."),
        advice: LocalizedText(fr: fr.joined(separator: " "), en: en.joined(separator: " ")))
    }
    if isFullscreen == false {
      return ConsoleVerdict(
        tone: .warning, headline: LocalizedText(fr: "Prêt, dans une fenêtre.", en: "Ready, in a window."),
        advice: LocalizedText(
          fr: "Pour la télévision de la salle, passez en plein écran (Entrée sur « Écran »).",
          en: "For the room's television, switch to full screen (Enter on 'Screen')."))
    }
    return ConsoleVerdict(tone: .good, headline: LocalizedText(fr: "Tout est prêt.", en: "Everything is ready."))
  }

  static func proceedWithout(_ missing: [AcceptedDegradation]) -> LocalizedText {
    let names = missing.map(\.banner)
    return LocalizedText(
      fr: "Continuer quand même : " + names.map(\.french).joined(separator: ", "),
      en: "Carry on anyway: " + names.map(\.english).joined(separator: ", "))
  }

  // MARK: After the session

  /// Always five lines, before the two choices; who spoke, code by code, is in the side panel
  /// (``afterSession(_:)``), where ten codes have room.
  static func summaryLines(_ report: SessionReport) -> [ConsoleRow] {
    func number(_ value: Int) -> LocalizedText { LocalizedText(fr: "\(value)", en: "\(value)") }
    return [
      ConsoleRow(label: LocalizedText(fr: "Joueurs", en: "Players"), value: number(report.players)),
      ConsoleRow(
        label: LocalizedText(fr: "Ont parlé", en: "Spoke"),
        value: LocalizedText(
          fr: "\(report.speakers.count) sur \(report.players)", en: "\(report.speakers.count) of \(report.players)")),
      ConsoleRow(
        label: LocalizedText(fr: "Réponses", en: "Answers"),
        value: LocalizedText(
          fr: "\(report.recordedAnswers) (\(report.measuredAnswers) mesurées)",
          en: "\(report.recordedAnswers) (\(report.measuredAnswers) measured)")),
      ConsoleRow(
        label: LocalizedText(fr: "Odeurs diffusées", en: "Scents released"), value: number(report.releasedScents)),
      ConsoleRow(
        label: LocalizedText(fr: "Incidents", en: "Incidents"), value: number(report.incidents.count),
        tone: report.incidents.isEmpty ? .good : .warning),
    ]
  }

  /// The side panel after a session: who spoke and how many answers each gave, then the incidents.
  static func afterSession(_ report: SessionReport) -> ConsoleVerdict {
    let spoke = report.speakers.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
    let speakers = LocalizedText(
      fr: spoke.isEmpty ? "Personne n'a parlé." : "Ont parlé : \(spoke).",
      en: spoke.isEmpty ? "Nobody spoke." : "Spoke: \(spoke).")
    let verdict = incidents(report.incidents)
    return ConsoleVerdict(
      tone: verdict.tone, headline: verdict.headline,
      advice: LocalizedText(
        fr: ([speakers.french] + [verdict.advice?.french].compactMap { $0 }).joined(separator: " "),
        en: ([speakers.english] + [verdict.advice?.english].compactMap { $0 }).joined(separator: " ")))
  }

  static func incidents(_ incidents: [LocalizedText]) -> ConsoleVerdict {
    guard !incidents.isEmpty else {
      return ConsoleVerdict(tone: .good, headline: LocalizedText(fr: "Aucun incident.", en: "No incident."))
    }
    let shown = incidents.prefix(3)
    let more = incidents.count - shown.count
    return ConsoleVerdict(
      tone: .warning, headline: LocalizedText(fr: "À savoir :", en: "Worth knowing:"),
      advice: LocalizedText(
        fr: shown.map(\.french).joined(separator: " ") + (more > 0 ? " (et \(more) autres)" : ""),
        en: shown.map(\.english).joined(separator: " ") + (more > 0 ? " (and \(more) more)" : "")))
  }

  // MARK: The diffuser search of the settings

  static func searchValue(_ state: DiffuserSearchState) -> LocalizedText {
    guard case .done(let search) = state else {
      return LocalizedText(fr: "recherche en cours (quelques secondes)…", en: "searching (a few seconds)…")
    }
    return search.found.isEmpty
      ? LocalizedText(fr: "aucun trouvé", en: "none found")
      : LocalizedText(fr: "\(search.found.count) trouvé(s)", en: "\(search.found.count) found")
  }

  static func searchTone(_ state: DiffuserSearchState) -> ConsoleTone {
    guard case .done(let search) = state else { return .neutral }
    return search.found.isEmpty ? .warning : .good
  }

  /// What was found, and the one now chosen; or why nothing was, and what to do.
  static func searchVerdict(_ state: DiffuserSearchState) -> ConsoleVerdict? {
    guard case .done(let search) = state else { return nil }
    let bluetooth = search.bluetoothProblem.map {
      LocalizedText(fr: " Bluetooth : \($0.french)", en: " Bluetooth: \($0.english)")
    }
    guard let first = search.found.first else {
      return ConsoleVerdict(
        tone: .warning,
        headline: LocalizedText(fr: "Aucun diffuseur trouvé", en: "No diffuser found"),
        advice: LocalizedText(
          fr: "Allumez le diffuseur, branchez son câble USB ou approchez-le, puis relancez la recherche."
            + (bluetooth?.french ?? ""),
          en: "Switch the diffuser on, plug in its USB cable or bring it closer, then search again."
            + (bluetooth?.english ?? "")))
    }
    let list = search.found.map { "\($0.model) (\($0.endpoint))" }.joined(separator: ", ")
    return ConsoleVerdict(
      tone: .good,
      headline: LocalizedText(
        fr: "\(search.found.count) diffuseur(s) trouvé(s)", en: "\(search.found.count) diffuser(s) found"),
      advice: LocalizedText(
        fr: "\(list). Choisi : \(first.model) ; ← → pour un autre, puis « Enregistrer ».",
        en: "\(list). Chosen: \(first.model); ← → for another, then \"Save\"."))
  }
}
