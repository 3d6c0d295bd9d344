import SessionModel
import Testing

@Suite struct SplitMix64Tests {
  /// The first outputs of the reference C implementation (Vigna, splitmix64.c) for seed 0.
  @Test func matchesTheReferenceSequence() {
    var generator = SplitMix64(seed: 0)
    #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
    #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
  }

  @Test func belowStaysInRangeAndReachesEveryValue() {
    var generator = SplitMix64(seed: 7)
    var seen = Set<Int>()
    for _ in 0..<1_000 {
      let value = generator.below(6)
      #expect((0..<6).contains(value))
      seen.insert(value)
    }
    #expect(seen.count == 6)
  }

  @Test func shuffleIsAPermutationFixedByTheSeed() {
    var first = SplitMix64(seed: 42)
    var second = SplitMix64(seed: 42)
    var other = SplitMix64(seed: 43)
    let items = Array(0..<30)
    let shuffled = first.shuffled(items)
    #expect(shuffled.sorted() == items)
    #expect(second.shuffled(items) == shuffled)
    #expect(other.shuffled(items) != shuffled)
  }
}
