/// A string identifier tagged with the kind of thing it names.
///
/// The tag makes the compiler refuse a ``StimulusID`` where a ``ScentID`` is
/// expected, although both are plain strings in files and databases.
public struct Identifier<Subject>: RawRepresentable, Hashable, Comparable, Sendable, Codable,
  CustomStringConvertible, ExpressibleByStringLiteral
{
  public let rawValue: String

  public init(rawValue: String) { self.rawValue = rawValue }
  public init(_ rawValue: String) { self.rawValue = rawValue }
  public init(stringLiteral value: String) { self.rawValue = value }

  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  public var description: String { rawValue }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

public typealias StudyID = Identifier<Study>
public typealias SiteID = Identifier<Site>
public typealias GroupID = Identifier<ParticipantGroup>
public typealias StimulusID = Identifier<Stimulus>
public typealias ScentID = Identifier<Scent>
public typealias AvatarID = Identifier<Avatar>
public typealias SessionID = Identifier<Session>
public typealias TrialID = Identifier<Trial>
