import Foundation
import SessionModel

/// Something a session needs and does not have, found before it starts.
///
/// A clinical session refuses to start with any of them (unless the therapist asks for a degraded
/// start); a demonstration or an animation starts anyway. Either way a session that runs with one
/// logs it as `session.degraded` and keeps ``banner`` on the therapist's screen.
public enum StartProblem: Hashable, Sendable {
  /// The session plans scents and no diffuser was named.
  case noDiffuser
  /// The diffuser named cannot be reached; `reason` says what happened.
  case unreachableDiffuser(String, reason: LocalizedText)
  /// Answers are recorded and no microphone opened; `reason` says why.
  case noMicrophone(reason: LocalizedText)
  /// The folder the answers go to has less room than the session's recordings need.
  case lowDiskSpace(folder: String, availableBytes: Int64, neededBytes: Int64)
  /// The plan's group is not registered in the database, so nobody would file the answers.
  case unregisteredGroup(String, study: String, registered: [String])
  /// Members the protocol's inclusion criteria do not include: their answers would be filed anyway.
  case notIncluded([ParticipantCode], study: String)

  /// A short name for the log (`session.degraded`'s `problem`).
  public var code: String {
    switch self {
    case .noDiffuser: "noDiffuser"
    case .unreachableDiffuser: "unreachableDiffuser"
    case .noMicrophone: "noMicrophone"
    case .lowDiskSpace: "lowDiskSpace"
    case .unregisteredGroup: "unregisteredGroup"
    case .notIncluded: "notIncluded"
    }
  }

  var isAboutTheDiffuser: Bool {
    switch self {
    case .noDiffuser, .unreachableDiffuser: true
    case .noMicrophone, .lowDiskSpace, .unregisteredGroup, .notIncluded: false
    }
  }

  /// The whole reason, with what to do: for the refusal and for the summary.
  public var message: LocalizedText {
    switch self {
    case .noDiffuser:
      LocalizedText(
        fr:
          "aucun diffuseur n'est indiqué alors que la séance prévoit des odeurs : ajoutez --diffuser (par exemple rfcomm:AA:BB:CC:DD:EE:FF).",
        en:
          "no diffuser is named though the session plans scents: add --diffuser (for example rfcomm:AA:BB:CC:DD:EE:FF)."
      )
    case .unreachableDiffuser(let endpoint, let reason):
      LocalizedText(
        fr:
          "le diffuseur \(endpoint) ne répond pas (\(reason.french)) : allumez-le, rapprochez-le, ou vérifiez --diffuser.",
        en:
          "the diffuser \(endpoint) does not answer (\(reason.english)): switch it on, bring it closer, or check --diffuser."
      )
    case .noMicrophone(let reason):
      LocalizedText(
        fr: "aucun micro n'est disponible : \(reason.french)",
        en: "no microphone is available: \(reason.english)")
    case .lowDiskSpace(let folder, let available, let needed):
      LocalizedText(
        fr:
          "pas assez de place sur le disque pour les enregistrements dans \(folder) : \(Self.size(available, in: .french)) libres, \(Self.size(needed, in: .french)) nécessaires. Libérez de la place ou choisissez un autre dossier avec --output.",
        en:
          "not enough disk space for the recordings in \(folder): \(Self.size(available, in: .english)) free, \(Self.size(needed, in: .english)) needed. Free some space or choose another folder with --output."
      )
    case .unregisteredGroup(let group, let study, let registered):
      LocalizedText(
        fr:
          "le groupe \(group) du plan n'est pas enregistré dans la base (groupes enregistrés : \(registered.isEmpty ? "aucun" : registered.joined(separator: ", "))) : enregistrez-le avec « connectage groups add \(group) --study \(study) --members … », ou choisissez le bon groupe avec --group.",
        en:
          "the plan's group \(group) is not registered in the database (registered groups: \(registered.isEmpty ? "none" : registered.joined(separator: ", "))): register it with 'connectage groups add \(group) --study \(study) --members …', or choose the right group with --group."
      )
    case .notIncluded(let codes, let study):
      LocalizedText(
        fr:
          "\(codes.map(\.rawValue).joined(separator: ", ")) ne \(codes.count > 1 ? "sont" : "est") pas \(codes.count > 1 ? "inclus" : "inclus") selon les critères du protocole : voyez pourquoi avec « connectage participants check --study \(study) », complétez leur dossier ou retirez-les du groupe.",
        en:
          "\(codes.map(\.rawValue).joined(separator: ", ")) \(codes.count > 1 ? "are" : "is") not included under the protocol's criteria: see why with 'connectage participants check --study \(study)', complete their record or take them out of the group."
      )
    }
  }

  /// A few words for the banner along the top of the screen.
  public var banner: LocalizedText {
    switch self {
    case .noDiffuser, .unreachableDiffuser: LocalizedText(fr: "sans diffuseur", en: "no diffuser")
    case .noMicrophone: LocalizedText(fr: "sans micro", en: "no microphone")
    case .lowDiskSpace: LocalizedText(fr: "disque presque plein", en: "disk nearly full")
    case .unregisteredGroup:
      LocalizedText(fr: "réponses non classées (groupe inconnu)", en: "answers not filed (unknown group)")
    case .notIncluded: LocalizedText(fr: "participant non inclus", en: "participant not included")
    }
  }

  /// What a clinical session says when it refuses to start.
  static func refusal(_ problems: [StartProblem]) -> LocalizedText {
    LocalizedText(
      fr: (["La séance ne peut pas commencer :"] + problems.map { "- " + $0.message.french }
        + [
          "Corrigez ces points, ou relancez avec --allow-degraded pour la faire quand même (chaque manque sera journalisé et affiché à l'écran)."
        ]).joined(separator: "\n"),
      en: (["The session cannot start:"] + problems.map { "- " + $0.message.english }
        + [
          "Fix these, or start again with --allow-degraded to run it anyway (each problem will be logged and shown on screen)."
        ]).joined(separator: "\n"))
  }

  /// The banner for several problems at once: `sans diffuseur, sans micro`.
  static func banner(_ problems: [StartProblem]) -> LocalizedText? {
    guard !problems.isEmpty else { return nil }
    let parts = problems.map(\.banner)
    return LocalizedText(
      fr: parts.map(\.french).joined(separator: ", "), en: parts.map(\.english).joined(separator: ", "))
  }

  /// `1,2 Go` / `1.2 GB`, `350 Mo` / `350 MB`: decimal units, as file managers show them.
  static func size(_ bytes: Int64, in language: Language) -> String {
    let french = language == .french
    let megabytes = max(0, bytes) / 1_000_000
    guard megabytes >= 1000 else { return "\(megabytes) \(french ? "Mo" : "MB")" }
    let tenths = megabytes / 100
    return "\(tenths / 10)\(french ? "," : ".")\(tenths % 10) \(french ? "Go" : "GB")"
  }
}
