import Foundation
import SpeechKit

#if FUZZING
  import CLibFuzzer
  import Glibc

  /// Reads arbitrary bytes as a Praat TextGrid: the reader must throw on bad input, never trap.
  /// What it accepts is turned into a transcript and written back, which must not trap either.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Data(bytes: data, count: size)
    guard let grid = try? TextGridReader.readTextGrid(bytes, file: "fuzz.TextGrid") else { return 0 }
    _ = try? TextGridReader.readTextGrid(TextGridWriter.data(of: grid))
    if let transcript = try? TextGridReader.transcript(from: grid) {
      _ = TextGridWriter.textGrid(for: transcript)
      _ = CHATWriter.text(of: transcript)
    }
    return 0
  }

  var argc = CommandLine.argc
  var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
  exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
#else
  print("build with scripts/fuzz (swift build -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING)")
#endif
