import ProtocolKit
import Testing

@Suite struct LatinSquareTests {
  @Test(arguments: [2, 3, 4, 5, 6])
  func eachConditionOncePerPositionInEachSquare(size: Int) {
    let square = LatinSquare.williams(size: size)
    #expect(square.squareCount == (size % 2 == 0 ? 1 : 2))
    for part in 0..<square.squareCount {
      let rows = square.rows[(part * size)..<((part + 1) * size)]
      for row in rows { #expect(row.sorted() == Array(0..<size)) }
      for position in 0..<size {
        #expect(rows.map { $0[position] }.sorted() == Array(0..<size), "square \(part), position \(position)")
      }
    }
  }

  @Test(arguments: [2, 3, 4, 5, 6])
  func everyOrderedPairOfNeighboursEquallyOften(size: Int) {
    let square = LatinSquare.williams(size: size)
    var counts: [[Int]: Int] = [:]
    for row in square.rows {
      for (first, second) in zip(row, row.dropFirst()) { counts[[first, second], default: 0] += 1 }
    }
    #expect(counts.count == size * (size - 1))
    #expect(Set(counts.values) == [square.squareCount])
  }
}
