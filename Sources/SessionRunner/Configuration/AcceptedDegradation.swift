import SessionModel

/// A shortfall the therapist saw on a device check and chose to start with; the session logs each
/// one as `session.degraded` with `allowedBy` `home-check`. The raw values are the log's `problem`
/// codes, shared with ``StartProblem/code`` where the start checks find the same thing.
public enum AcceptedDegradation: String, CaseIterable, Hashable, Sendable, Codable {
  case noDiffuser
  case unreachableDiffuser
  case emptyCartridges
  case noMicrophone
  case quietMicrophone
  case clippingMicrophone
  case noPads
  case lowDiskSpace
  case unregisteredGroup

  /// Whether the run's own start checks find it too (``StartProblem``), so it is logged only when they do.
  var isFoundAtStart: Bool {
    switch self {
    case .noDiffuser, .unreachableDiffuser, .noMicrophone, .lowDiskSpace, .unregisteredGroup: true
    case .emptyCartridges, .quietMicrophone, .clippingMicrophone, .noPads: false
    }
  }

  /// A few words for the banner along the top of the session's screen.
  var banner: LocalizedText {
    switch self {
    case .noDiffuser, .unreachableDiffuser: LocalizedText(fr: "sans diffuseur", en: "no diffuser")
    case .emptyCartridges: LocalizedText(fr: "cartouches vides", en: "empty cartridges")
    case .noMicrophone: LocalizedText(fr: "sans micro", en: "no microphone")
    case .quietMicrophone: LocalizedText(fr: "micro faible", en: "quiet microphone")
    case .clippingMicrophone: LocalizedText(fr: "micro saturé", en: "clipping microphone")
    case .noPads: LocalizedText(fr: "sans manettes", en: "no gamepads")
    case .lowDiskSpace: LocalizedText(fr: "disque presque plein", en: "disk nearly full")
    case .unregisteredGroup:
      LocalizedText(fr: "réponses non classées (groupe inconnu)", en: "answers not filed (unknown group)")
    }
  }
}
