/// Where the samples of a WAV file are and how they are laid out.
struct WAVHeader: Equatable {
  var format: WAVFormat
  /// Byte offset of the first sample.
  var dataOffset: Int
  /// Size of the data chunk as declared in the header.
  var declaredDataSize: Int
  /// Offsets of the size fields, so a writer or a repair can update them.
  var riffSizeFieldOffset: Int { 4 }
  var dataSizeFieldOffset: Int { dataOffset - 4 }

  /// Reads the chunk list of a RIFF/WAVE file up to the start of the data chunk.
  ///
  static func parse(_ source: any ByteSource, file: String) throws(AudioError) -> WAVHeader {
    func fail(_ reason: AudioError.Reason) -> AudioError { AudioError(file: file, reason: reason) }
    let riff = source.bytes(at: 0, count: 12)
    guard riff.count >= 4 else { throw fail(riff.isEmpty ? .notRIFF : .truncatedHeader) }
    guard riff[0..<4] == [0x52, 0x49, 0x46, 0x46] else { throw fail(.notRIFF) }  // "RIFF"
    guard riff.count == 12 else { throw fail(.truncatedHeader) }
    guard riff[8..<12] == [0x57, 0x41, 0x56, 0x45] else { throw fail(.notWAVE) }  // "WAVE"

    var offset = 12
    var format: WAVFormat?
    while true {
      let chunkHeader = source.bytes(at: offset, count: 8)
      guard chunkHeader.count == 8 else {
        throw fail(offset >= source.size ? (format == nil ? .missingFormatChunk : .missingDataChunk) : .truncatedHeader)
      }
      let identifier = String(decoding: chunkHeader[0..<4], as: UTF8.self)
      let size = Int(littleEndian32(chunkHeader, 4))
      let body = offset + 8
      switch identifier {
      case "fmt ":
        guard size >= 16 else { throw fail(.truncatedHeader) }
        let bytes = source.bytes(at: body, count: min(size, 40))
        guard bytes.count >= 16 else { throw fail(.truncatedHeader) }
        format = try parseFormat(bytes, declaredSize: size, fail: fail)
      case "data":
        guard let format else { throw fail(.missingFormatChunk) }
        return WAVHeader(format: format, dataOffset: body, declaredDataSize: size)
      default:
        break
      }
      // Chunks are padded to an even size.
      offset = body + size + (size & 1)
    }
  }

  private static func parseFormat(
    _ bytes: [UInt8], declaredSize: Int, fail: (AudioError.Reason) -> AudioError
  ) throws(AudioError) -> WAVFormat {
    var tag = littleEndian16(bytes, 0)
    let channels = Int(littleEndian16(bytes, 2))
    let sampleRate = Int(littleEndian32(bytes, 4))
    let blockAlign = Int(littleEndian16(bytes, 12))
    let bits = Int(littleEndian16(bytes, 14))
    var isExtensible = false
    if tag == 0xFFFE {
      // WAVE_FORMAT_EXTENSIBLE: the real tag is the first two bytes of the sub-format GUID.
      guard declaredSize >= 40, bytes.count >= 40 else { throw fail(.truncatedHeader) }
      tag = littleEndian16(bytes, 24)
      isExtensible = true
    }
    guard tag == 1 || tag == 3 else { throw fail(.unsupportedEncoding(formatTag: tag)) }
    guard let encoding = SampleEncoding(formatTag: tag, bitsPerSample: bits) else {
      throw fail(.unsupportedBitDepth(bits, floatingPoint: tag == 3))
    }
    guard (1...8).contains(channels) else { throw fail(.invalidChannelCount(channels)) }
    guard (1000...384_000).contains(sampleRate) else { throw fail(.invalidSampleRate(sampleRate)) }
    let result = WAVFormat(encoding: encoding, sampleRate: sampleRate, channels: channels, isExtensible: isExtensible)
    guard blockAlign == result.blockAlign else { throw fail(.invalidBlockAlign(blockAlign)) }
    return result
  }

  /// The canonical header bytes for `format` with `dataSize` bytes of samples.
  static func bytes(for format: WAVFormat, dataSize: Int) -> [UInt8] {
    var out: [UInt8] = []
    let formatChunkSize = format.isExtensible ? 40 : 16
    let riffSize = 4 + (8 + formatChunkSize) + (8 + dataSize)
    out += Array("RIFF".utf8)
    appendLittleEndian(&out, UInt32(truncatingIfNeeded: riffSize), bytes: 4)
    out += Array("WAVEfmt ".utf8)
    appendLittleEndian(&out, UInt32(formatChunkSize), bytes: 4)
    appendLittleEndian(&out, UInt32(format.isExtensible ? 0xFFFE : format.encoding.formatTag), bytes: 2)
    appendLittleEndian(&out, UInt32(format.channels), bytes: 2)
    appendLittleEndian(&out, UInt32(format.sampleRate), bytes: 4)
    appendLittleEndian(&out, UInt32(format.sampleRate * format.blockAlign), bytes: 4)
    appendLittleEndian(&out, UInt32(format.blockAlign), bytes: 2)
    appendLittleEndian(&out, UInt32(format.encoding.bytesPerSample * 8), bytes: 2)
    if format.isExtensible {
      appendLittleEndian(&out, 22, bytes: 2)  // extension size
      appendLittleEndian(&out, UInt32(format.encoding.bytesPerSample * 8), bytes: 2)  // valid bits
      let channelMask: UInt32 = format.channels == 1 ? 0x4 : format.channels == 2 ? 0x3 : 0
      appendLittleEndian(&out, channelMask, bytes: 4)
      appendLittleEndian(&out, UInt32(format.encoding.formatTag), bytes: 2)
      // The rest of the KSDATAFORMAT_SUBTYPE GUID, shared by PCM and float.
      out += [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71]
    }
    out += Array("data".utf8)
    appendLittleEndian(&out, UInt32(truncatingIfNeeded: dataSize), bytes: 4)
    return out
  }
}

func littleEndian16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
  UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
}

func littleEndian32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
  UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
    | UInt32(bytes[offset + 3]) << 24
}

func appendLittleEndian(_ bytes: inout [UInt8], _ value: UInt32, bytes count: Int) {
  for index in 0..<count { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * UInt32(index)))) }
}
