/// Writes big-endian fields, the mirror of ``PayloadReader``, so both directions share one layout.
struct PayloadWriter {
  var bytes: [UInt8] = []

  mutating func byte(_ value: UInt8) { bytes.append(value) }
  mutating func uint16(_ value: UInt16) { bytes.append(contentsOf: [UInt8(value >> 8), UInt8(value & 0xFF)]) }
  mutating func uint64(_ value: UInt64) {
    for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8((value >> UInt64(shift)) & 0xFF)) }
  }
  mutating func string(_ value: String) {
    let utf8 = Array(value.utf8.prefix(255))
    bytes.append(UInt8(utf8.count))
    bytes.append(contentsOf: utf8)
  }
}
