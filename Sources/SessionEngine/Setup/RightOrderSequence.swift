import SessionModel

/// A process told in pictures, in the order it happens: the apple tree, the apple, the pie.
public struct RightOrderSequence: Hashable, Sendable, Codable {
  /// What the process is, e.g. "De l'arbre à la tarte".
  public var title: LocalizedText
  /// The pictures in the order of the process; at least two.
  public var steps: [PictureChoice]

  public init(title: LocalizedText, steps: [PictureChoice]) {
    self.title = title
    self.steps = steps
  }
}
