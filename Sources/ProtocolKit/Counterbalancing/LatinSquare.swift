/// A Williams design: orders of `size` conditions in which every condition takes every position
/// equally often and every condition follows every other equally often (first-order carry-over).
///
/// For an even size one square suffices. For an odd size no single square balances the
/// neighbours, so the square is followed by its mirror image (Williams 1949), giving `2 × size` rows.
public struct LatinSquare: Hashable, Sendable {
  public let size: Int
  /// Each row is an order of the symbols `0..<size`.
  public let rows: [[Int]]

  /// How many `size × size` squares `rows` holds: 1 for an even size, 2 for an odd one.
  public var squareCount: Int { rows.count / size }

  public static func williams(size: Int) -> LatinSquare {
    precondition(size > 0, "a Latin square needs at least one condition")
    // First row 0, 1, n-1, 2, n-2, …; every other row adds its index modulo n.
    let first = (0..<size).map { position -> Int in
      if position == 0 { return 0 }
      return position % 2 == 1 ? (position + 1) / 2 : size - position / 2
    }
    var rows = (0..<size).map { shift in first.map { ($0 + shift) % size } }
    if size % 2 == 1 && size > 1 {
      rows += rows.map { Array($0.reversed()) }
    }
    return LatinSquare(size: size, rows: rows)
  }
}
