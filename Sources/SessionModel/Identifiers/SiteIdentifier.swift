/// An identifier a site makes up for itself (a group, a planned session, a run) and that another
/// site running the same protocol may make up too: `G01`, `G01-S01`.
///
/// Where the sites' data meet, every such identifier is qualified with the site's code
/// (`LYON-G01-S01`), so two sites can never name the same thing, whatever they typed. Participant
/// codes are not among them: a study hands them out and owns them across its sites.
public enum SiteIdentifier: String, Sendable, Hashable {
  case session, group

  /// `LYON-G01`: the site's code, a hyphen and the identifier as the site knows it. Always
  /// prefixed, even when the identifier already starts with the code, so that two different local
  /// identifiers never become one.
  public static func qualified(_ identifier: String, at site: SiteID) -> String {
    identifier.isEmpty ? identifier : prefix(of: site) + identifier
  }

  /// What ``qualified(_:at:)`` puts before an identifier.
  public static func prefix(of site: SiteID) -> String { "\(site.rawValue)-" }
}
