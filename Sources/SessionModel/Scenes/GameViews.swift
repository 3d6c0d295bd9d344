/// A picture the players can point at in a game.
public struct PictureChoice: Hashable, Sendable, Codable {
  /// Path relative to the assets folder.
  public var image: String
  public var label: LocalizedText

  public init(image: String, label: LocalizedText) {
    self.image = image
    self.label = label
  }
}

/// "Quelle odeur ?": two to four pictures; each player points at one.
public struct WhichScentView: Hashable, Sendable, Codable {
  public var choices: [PictureChoice]
  /// Where each player's cursor is, by player; shown as their avatar on the picture.
  public var cursors: [PlayerNumber: Int]
  /// Which players have locked their choice in.
  public var locked: Set<PlayerNumber>
  /// After the reveal: the scent that was released, highlighted.
  public var revealedAnswer: Int?

  public init(
    choices: [PictureChoice], cursors: [PlayerNumber: Int] = [:], locked: Set<PlayerNumber> = [],
    revealedAnswer: Int? = nil
  ) {
    self.choices = choices
    self.cursors = cursors
    self.locked = locked
    self.revealedAnswer = revealedAnswer
  }
}

/// Memory pairs, played by the group together: the player whose turn it is moves the cursor.
public struct MemoryPairsView: Hashable, Sendable, Codable {
  public var cards: [MemoryCardView]
  public var columns: Int
  public var cursor: Int
  public var playerToMove: PlayerNumber?

  public init(cards: [MemoryCardView], columns: Int, cursor: Int, playerToMove: PlayerNumber?) {
    self.cards = cards
    self.columns = columns
    self.cursor = cursor
    self.playerToMove = playerToMove
  }
}

/// One card of the memory game.
public struct MemoryCardView: Hashable, Sendable, Codable {
  public var picture: PictureChoice
  public var isFaceUp: Bool
  public var isMatched: Bool

  public init(picture: PictureChoice, isFaceUp: Bool, isMatched: Bool) {
    self.picture = picture
    self.isFaceUp = isFaceUp
    self.isMatched = isMatched
  }
}

/// "Autrefois et aujourd'hui": one picture at a time, placed in the past or the present.
public struct ThenAndNowView: Hashable, Sendable, Codable {
  public var picture: PictureChoice
  /// Each player's current side: false = autrefois (left), true = aujourd'hui (right).
  public var cursors: [PlayerNumber: Bool]
  public var locked: Set<PlayerNumber>
  /// After the reveal: where the picture belongs.
  public var revealedIsNow: Bool?
  /// Pictures already sorted, shown small on each side.
  public var sortedThen: [PictureChoice]
  public var sortedNow: [PictureChoice]

  public init(
    picture: PictureChoice, cursors: [PlayerNumber: Bool] = [:], locked: Set<PlayerNumber> = [],
    revealedIsNow: Bool? = nil, sortedThen: [PictureChoice] = [], sortedNow: [PictureChoice] = []
  ) {
    self.picture = picture
    self.cursors = cursors
    self.locked = locked
    self.revealedIsNow = revealedIsNow
    self.sortedThen = sortedThen
    self.sortedNow = sortedNow
  }
}

/// "Le bon ordre": the steps of a process in a row, and one picture at a time to put in its place.
///
/// The group plays together with one cursor, the turn passing from player to player as in memory
/// pairs. A picture put in the wrong place comes back; nothing is ever lost.
public struct RightOrderView: Hashable, Sendable, Codable {
  /// What the process is, e.g. "De l'arbre à la tarte".
  public var title: LocalizedText
  /// The steps in order, `nil` where a picture is still to be placed.
  public var slots: [PictureChoice?]
  /// The picture to place now; `nil` once every step is in place.
  public var picture: PictureChoice?
  /// The pictures to place after it, shown small.
  public var waiting: [PictureChoice]
  /// The slot the shared cursor is on.
  public var cursor: Int
  /// `nil` when nobody is connected: then anyone may move.
  public var playerToMove: PlayerNumber?
  /// Slots the picture came back from, shown quieter so that nobody tries them again.
  public var triedSlots: Set<Int>
  /// Where the picture goes, shown once the group has tried enough.
  public var hint: Int?

  public init(
    title: LocalizedText, slots: [PictureChoice?], picture: PictureChoice?, waiting: [PictureChoice] = [],
    cursor: Int, playerToMove: PlayerNumber?, triedSlots: Set<Int> = [], hint: Int? = nil
  ) {
    self.title = title
    self.slots = slots
    self.picture = picture
    self.waiting = waiting
    self.cursor = cursor
    self.playerToMove = playerToMove
    self.triedSlots = triedSlots
    self.hint = hint
  }

  /// True once every picture is in its place.
  public var isComplete: Bool { picture == nil }
}
