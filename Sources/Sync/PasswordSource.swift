import Foundation

/// Where the server's password comes from, as libpq's own tools look for it: `PGPASSWORD`, then
/// the password file (`PGPASSFILE`, else `~/.pgpass`), whose lines are
/// `host:port:database:user:password` with `*` matching anything and `\` escaping `:` and `\`.
public enum PasswordSource {
  /// The password for `address`, or `nil` when none is given (a server that trusts the client, or
  /// one that will refuse it with its own message).
  public static func password(for address: ServerAddress, environment: [String: String]) -> String? {
    if let password = environment["PGPASSWORD"], !password.isEmpty { return password }
    let file =
      environment["PGPASSFILE"].flatMap { $0.isEmpty ? nil : $0 }
      ?? (environment["HOME"].map { $0 + "/.pgpass" } ?? NSHomeDirectory() + "/.pgpass")
    guard isPrivate(file), let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
    return password(for: address, inPasswordFile: text)
  }

  /// The first matching line's password.
  public static func password(for address: ServerAddress, inPasswordFile text: String) -> String? {
    for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
      let fields = Self.fields(of: String(line))
      guard fields.count == 5 else { continue }
      let wanted = [address.host, String(address.port), address.database, address.user]
      if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
    }
    return nil
  }

  private static func fields(of line: String) -> [String] {
    var fields: [String] = []
    var current = ""
    var escaped = false
    for character in line {
      if escaped {
        current.append(character)
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == ":" && fields.count < 4 {
        fields.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    fields.append(current)
    return fields
  }

  /// libpq ignores a password file others can read; so does ConnectAge.
  private static func isPrivate(_ path: String) -> Bool {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
      let permissions = attributes[.posixPermissions] as? Int
    else { return false }
    return permissions & 0o077 == 0
  }
}
