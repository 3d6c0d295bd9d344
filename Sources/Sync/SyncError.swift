import Foundation
import SessionModel

/// Why a synchronisation, or a read from the central server, stopped: in the words a data
/// manager needs, never with a password in them.
public enum SyncError: Error, Equatable, Sendable, CustomStringConvertible {
  case badAddress(String)
  case passwordInAddress
  case plainTextOffLoopback(host: String)
  case unknownTLSMode(String)
  case noSite
  case cannotConnect(address: String, reason: String)
  case serverFailure(String)
  /// The connection was cut (network, server restart, backend ended) in the middle of a sync.
  case connectionLost(address: String)
  /// Another site already owns this participant, group or session on the server.
  case claimedByAnotherSite(what: String, key: String, owner: String, claimant: String)
  /// Another installation already syncs under this site code.
  case siteHeldByAnotherInstallation(site: String)
  /// The server's schema has migrations this ConnectAge does not know.
  case serverIsNewer([String])
  /// `--from` named a server no site has synchronised to yet.
  case serverNotPrepared(address: String)
  case cannotWriteAudio(path: String, reason: String)
  /// The site's own database failed while a sync read it.
  case localFailure(LocalizedText)
  /// The site's own database refused what was asked (a second site code, an invalid one).
  case refusedLocally(LocalizedText)
  /// A site's row on the server names a file the trial read back would write or link outside the
  /// site's folder (a path with `..`, a checksum that is not one) or of a kind ConnectAge never
  /// writes (a transcript extension): `value` is that path, checksum or file.
  case unsafeFileFromSite(site: String, table: String, value: String)
  /// The server holds rows of this site that its database has never had (or has otherwise): the
  /// database was restored from a copy older than the last sync. `table`'s row `cursor` on the
  /// server is missing from the database (`isMissing`) or differs there.
  case olderThanServer(site: String, table: String, cursor: Int64, isMissing: Bool)

  public var isBadInput: Bool {
    switch self {
    case .badAddress, .passwordInAddress, .plainTextOffLoopback, .unknownTLSMode, .noSite, .claimedByAnotherSite,
      .siteHeldByAnotherInstallation, .serverNotPrepared, .refusedLocally, .unsafeFileFromSite,
      .olderThanServer:
      true
    case .cannotConnect, .serverFailure, .connectionLost, .serverIsNewer, .cannotWriteAudio, .localFailure: false
    }
  }

  public var message: LocalizedText {
    switch self {
    case .badAddress(let text):
      LocalizedText(
        fr:
          "« \(text) » n'est pas une adresse de serveur : écrivez postgres://UTILISATEUR@HÔTE:PORT/BASE (sans mot de passe).",
        en: "'\(text)' is not a server address: write postgres://USER@HOST:PORT/DATABASE (without a password).")
    case .passwordInAddress:
      LocalizedText(
        fr:
          "L'adresse contient un mot de passe : retirez-le (il resterait dans l'historique du terminal) et donnez-le par PGPASSWORD ou dans ~/.pgpass.",
        en:
          "The address holds a password: remove it (it would stay in the shell's history) and give it through PGPASSWORD or in ~/.pgpass."
      )
    case .plainTextOffLoopback(let host):
      LocalizedText(
        fr:
          "sslmode=disable n'est accepté que pour un serveur sur cette machine ; \(host) doit être joint en TLS (retirez sslmode).",
        en:
          "sslmode=disable is accepted only for a server on this machine; \(host) must be reached over TLS (drop sslmode)."
      )
    case .unknownTLSMode(let mode):
      LocalizedText(
        fr: "sslmode=\(mode) est inconnu : utilisez verify-full (par défaut) ou disable (serveur local seulement).",
        en: "sslmode=\(mode) is unknown: use verify-full (the default) or disable (local server only).")
    case .noSite:
      LocalizedText(
        fr:
          "Cette installation n'a pas encore de code de site : ajoutez --site CODE (par exemple --site LYON-NEURO) ; il est enregistré une fois pour toutes.",
        en:
          "This installation has no site code yet: add --site CODE (for example --site LYON-NEURO); it is recorded once and for all."
      )
    case .cannotConnect(let address, let reason):
      LocalizedText(
        fr:
          "Impossible de joindre le serveur \(address) : \(reason). Vérifiez l'adresse, le réseau et le mot de passe (PGPASSWORD ou ~/.pgpass). Rien n'a été envoyé ; relancez la synchronisation plus tard.",
        en:
          "Cannot reach the server \(address): \(reason). Check the address, the network and the password (PGPASSWORD or ~/.pgpass). Nothing was sent; run the sync again later."
      )
    case .serverFailure(let reason):
      LocalizedText(
        fr:
          "Le serveur a refusé la synchronisation : \(reason). Ce qui a été envoyé est complet ; relancez la même commande, elle reprendra où elle s'est arrêtée.",
        en:
          "The server refused the sync: \(reason). What was sent is whole; run the same command again and it resumes where it stopped."
      )
    case .connectionLost(let address):
      LocalizedText(
        fr:
          "La connexion au serveur \(address) a été coupée pendant la synchronisation. Ce qui a été envoyé est complet ; relancez la même commande quand le réseau est revenu, elle reprendra où elle s'est arrêtée.",
        en:
          "The connection to the server \(address) was cut during the sync. What was sent is whole; run the same command again once the network is back, and it resumes where it stopped."
      )
    case .claimedByAnotherSite(let what, let key, let owner, let claimant):
      LocalizedText(
        fr:
          "\(Self.frenchName(what)) \(key) appartient déjà au site \(owner) sur le serveur ; le site \(claimant) ne peut pas envoyer le sien. Rien de ce site n'a été envoyé. Les codes sont attribués par l'étude : demandez à sa coordination à quel site ce code revient, et renommez l'autre.",
        en:
          "\(Self.englishName(what)) \(key) already belongs to site \(owner) on the server; site \(claimant) cannot send its own. Nothing from this site was sent. Codes are assigned by the study: ask its coordination which site the code belongs to, and rename the other."
      )
    case .siteHeldByAnotherInstallation(let site):
      LocalizedText(
        fr:
          "Une autre installation de ConnectAge se synchronise déjà sous le code de site \(site) : deux postes sous un même code écraseraient les données l'un de l'autre. Rien n'a été envoyé. Donnez à chaque poste son propre code (\(site)-1, \(site)-2…) dans une base neuve, ou synchronisez depuis le poste qui porte déjà ce code.",
        en:
          "Another ConnectAge installation already syncs under site code \(site): two computers under one code would overwrite each other's data. Nothing was sent. Give each computer its own code (\(site)-1, \(site)-2…) in a new database, or sync from the computer that already holds this code."
      )
    case .serverIsNewer(let names):
      LocalizedText(
        fr:
          "Le serveur a été préparé par une version plus récente de ConnectAge (\(names.joined(separator: ", "))) : mettez ConnectAge à jour sur ce poste.",
        en:
          "The server was prepared by a newer ConnectAge (\(names.joined(separator: ", "))): update ConnectAge on this computer."
      )
    case .serverNotPrepared(let address):
      LocalizedText(
        fr: "Le serveur \(address) ne contient aucune donnée ConnectAge : un site doit d'abord s'y synchroniser.",
        en: "The server \(address) holds no ConnectAge data: a site must sync to it first.")
    case .localFailure(let explanation), .refusedLocally(let explanation):
      explanation
    case .unsafeFileFromSite(let site, let table, let value):
      LocalizedText(
        fr:
          "Le site \(site) a envoyé au serveur une ligne (table \(table)) qui ferait écrire ou lier « \(value) » : un chemin qui sort du dossier du site, ou un fichier que ConnectAge n'écrit pas. L'essai n'a pas été assemblé et rien n'a été écrit hors de son dossier. ConnectAge n'enregistre jamais un tel chemin : signalez cette ligne au centre coordinateur, qui vérifiera la base du site \(site) et retirera la ligne du serveur.",
        en:
          "Site \(site) sent the server a row (table \(table)) that would write or link '\(value)': a path leaving the site's folder, or a file ConnectAge does not write. The trial was not assembled and nothing was written outside its folder. ConnectAge never records such a path: report the row to the coordinating centre, which will check site \(site)'s database and remove the row from the server."
      )
    case .olderThanServer(let site, let table, let cursor, let isMissing):
      LocalizedText(
        fr:
          "Cette base semble plus ancienne que ce que le site \(site) a déjà envoyé au serveur : la ligne n° \(cursor) de la table \(table) du serveur \(isMissing ? "n'y est pas" : "y est différente"), comme après la restauration d'une sauvegarde antérieure à la dernière synchronisation. Rien n'a été envoyé ni effacé : synchroniser cette base retirerait du serveur ce que le site a envoyé depuis cette sauvegarde. Restaurez la copie la plus récente de la base, puis relancez la synchronisation ; si vous n'en avez pas, ne synchronisez plus ce poste et contactez le centre coordinateur.",
        en:
          "This database looks older than what site \(site) already sent to the server: the server's row \(cursor) of table \(table) \(isMissing ? "is not in it" : "differs in it"), as after restoring a backup taken before the last sync. Nothing was sent or removed: syncing this database would remove from the server what the site sent since that backup. Restore the latest copy of the database, then run the sync again; if there is none, stop syncing this computer and contact the coordinating centre."
      )
    case .cannotWriteAudio(let path, let reason):
      LocalizedText(
        fr:
          "Impossible d'écrire l'audio dans \(path) : \(reason). Vérifiez que le dossier partagé est monté et accessible en écriture ; relancez ensuite la synchronisation.",
        en:
          "Cannot write the audio into \(path): \(reason). Check that the shared folder is mounted and writable, then run the sync again."
      )
    }
  }

  public var description: String {
    message.text(in: Language.fromEnvironment(ProcessInfo.processInfo.environment))
  }

  private static func frenchName(_ table: String) -> String {
    switch table {
    case "participant": "Le participant"
    case "participant_group": "Le groupe"
    default: "La séance"
    }
  }

  private static func englishName(_ table: String) -> String {
    switch table {
    case "participant": "Participant"
    case "participant_group": "Group"
    default: "Session"
    }
  }
}
