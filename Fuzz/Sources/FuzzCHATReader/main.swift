import Foundation
import SpeechKit

#if FUZZING
  import CLibFuzzer
  import Glibc

  /// Reads arbitrary bytes as CHAT: the reader must throw on bad input, never trap. What it
  /// accepts goes through the counters and the writer, which must not trap either.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Data(bytes: data, count: size)
    guard let transcript = try? CHATReader.read(bytes, file: "fuzz.cha") else { return 0 }
    for speaker in transcript.speakers {
      _ = TranscriptMeasures.measure(transcript, speaker: speaker)
    }
    _ = try? CHATReader.read(CHATWriter.data(of: transcript))
    _ = try? PlainTextReader.read(bytes, file: "fuzz.txt")
    return 0
  }

  var argc = CommandLine.argc
  var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
  exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
#else
  print("build with scripts/fuzz (swift build -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING)")
#endif
