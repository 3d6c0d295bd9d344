/// Converts raw little-endian sample bytes to and from floats in [-1, 1].
enum SampleDecoder {
  static func decode(_ raw: UnsafeRawBufferPointer, encoding: SampleEncoding, count: Int) -> [Float] {
    [Float](unsafeUninitializedCapacity: count) { out, initialized in
      let bytes = raw.bindMemory(to: UInt8.self)
      switch encoding {
      case .unsigned8:
        for index in 0..<count { out[index] = (Float(bytes[index]) - 128) / 128 }
      case .signed16:
        for index in 0..<count {
          out[index] = Float(Int16(littleEndian: raw.loadUnaligned(fromByteOffset: index * 2, as: Int16.self))) / 32_768
        }
      case .signed24:
        for index in 0..<count {
          let base = index * 3
          let value =
            Int32(bitPattern: UInt32(bytes[base]) << 8 | UInt32(bytes[base + 1]) << 16 | UInt32(bytes[base + 2]) << 24)
            >> 8
          out[index] = Float(value) / 8_388_608
        }
      case .signed32:
        for index in 0..<count {
          out[index] =
            Float(Int32(littleEndian: raw.loadUnaligned(fromByteOffset: index * 4, as: Int32.self))) / 2_147_483_648
        }
      case .float32:
        for index in 0..<count {
          let value = Float(
            bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self)))
          // NaN and infinities in a damaged file must not poison the analysis.
          out[index] = value.isFinite ? value : 0
        }
      }
      initialized = count
    }
  }

  /// Encodes samples, clipping to the representable range and rounding to the nearest step.
  static func encode(_ samples: [Float], encoding: SampleEncoding) -> [UInt8] {
    var out = [UInt8]()
    out.reserveCapacity(samples.count * encoding.bytesPerSample)
    for sample in samples {
      let clipped = Swift.max(-1, Swift.min(1, sample.isFinite ? sample : 0))
      switch encoding {
      case .unsigned8:
        out.append(UInt8(Swift.max(0, Swift.min(255, (clipped * 128 + 128).rounded()))))
      case .signed16:
        appendLittleEndian(&out, UInt32(bitPattern: Int32(quantize(clipped, scale: 32_768))), bytes: 2)
      case .signed24:
        appendLittleEndian(&out, UInt32(bitPattern: Int32(quantize(clipped, scale: 8_388_608))), bytes: 3)
      case .signed32:
        let value = Swift.max(-2_147_483_648, Swift.min(2_147_483_647, (Double(clipped) * 2_147_483_648).rounded()))
        appendLittleEndian(&out, UInt32(bitPattern: Int32(value)), bytes: 4)
      case .float32:
        appendLittleEndian(&out, clipped.bitPattern, bytes: 4)
      }
    }
    return out
  }

  private static func quantize(_ sample: Float, scale: Float) -> Int {
    Int(Swift.max(-scale, Swift.min(scale - 1, (sample * scale).rounded())))
  }
}
