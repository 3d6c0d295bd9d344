/// The program's version, printed by `connectage --version` and read by `make package` for the
/// Debian package's version: raise it with each release, and add an entry to `packaging/changelog`.
enum Version {
  static let current = "0.1.0"
}
