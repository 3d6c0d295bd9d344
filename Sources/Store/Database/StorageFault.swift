internal import GRDB
import SessionModel

/// What went wrong underneath the store, sorted into the few cases a user can act on.
///
/// SQLite's own words ("SQLite error 14: unable to open database file") never reach a user:
/// the store says which of these happened and what to do about it.
public enum StorageFault: String, Hashable, Sendable {
  /// The file or its folder cannot be opened (a wrong path, missing rights).
  case cannotOpen
  /// Another program holds the database's lock for longer than the store waits.
  case locked
  /// The disk holding the database is full.
  case diskFull
  /// The file or its folder may be read but not written.
  case readOnly
  /// The file is damaged.
  case corrupt
  /// The file is not a SQLite database at all.
  case notADatabase

  /// The fault behind a GRDB or SQLite error; nil for any other error.
  static func of(_ error: any Error) -> StorageFault? {
    guard let error = error as? DatabaseError else { return nil }
    switch error.resultCode {
    case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH: return .cannotOpen
    case .SQLITE_BUSY, .SQLITE_LOCKED: return .locked
    case .SQLITE_FULL: return .diskFull
    case .SQLITE_READONLY: return .readOnly
    case .SQLITE_CORRUPT: return .corrupt
    case .SQLITE_NOTADB: return .notADatabase
    default: return nil
    }
  }

  /// The fault in plain words, with what to do; `path` is the database file when known.
  func message(path: String?) -> LocalizedText {
    let french = path.map { "La base de données « \($0) »" } ?? "La base de données"
    let english = path.map { "The database '\($0)'" } ?? "The database"
    switch self {
    case .cannotOpen:
      return LocalizedText(
        fr:
          "\(french) ne peut pas être ouverte : le fichier ou son dossier est inaccessible. Vérifiez le chemin donné à --db et les droits du dossier.",
        en:
          "\(english) cannot be opened: the file or its folder cannot be reached. Check the path given to --db and the folder's permissions."
      )
    case .locked:
      return LocalizedText(
        fr:
          "\(french) est occupée par un autre programme (une autre séance ou commande ConnectAge) : attendez qu'il ait fini, puis recommencez.",
        en:
          "\(english) is busy with another program (another ConnectAge session or command): wait until it has finished, then try again."
      )
    case .diskFull:
      return LocalizedText(
        fr:
          "Le disque de la base de données est plein (\(path ?? "en mémoire")) : libérez de la place, puis recommencez ; ce qui était déjà enregistré est conservé.",
        en:
          "The database's disk is full (\(path ?? "in memory")): free some space, then try again; what was already saved is kept."
      )
    case .readOnly:
      return LocalizedText(
        fr:
          "\(french) est en lecture seule : donnez les droits d'écriture sur le fichier et son dossier, ou travaillez sur une copie.",
        en: "\(english) is read-only: give write permission on the file and its folder, or work on a copy.")
    case .corrupt:
      return LocalizedText(
        fr:
          "\(french) est endommagée : n'y écrivez plus, restaurez la dernière sauvegarde et lancez « connectage db check ».",
        en: "\(english) is damaged: stop writing to it, restore the latest backup and run 'connectage db check'.")
    case .notADatabase:
      return LocalizedText(
        fr:
          "\(french) n'est pas une base de données ConnectAge (ce fichier est d'un autre type) : vérifiez le chemin donné à --db.",
        en: "\(english) is not a ConnectAge database (the file is of another kind): check the path given to --db.")
    }
  }
}
