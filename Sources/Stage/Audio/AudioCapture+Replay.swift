import Foundation
import SessionModel

extension AudioCapture {
  /// A microphone that hears a recorded file instead of the room: SDL's disk audio driver reads
  /// raw 16 kHz mono 16-bit samples from `rawFile`, through the same capture path as a real one.
  ///
  /// The demo and the tests use it where no microphone exists. SDL reads the driver choice when
  /// its audio starts, so create this before any other sound (feedback sounds then go to
  /// `playbackFile`). With `realTime` false the file is read as fast as it is asked for.
  public static func replaying(_ rawFile: URL, playbackTo playbackFile: URL, realTime: Bool) throws(StageError)
    -> AudioCapture
  {
    setenv("SDL_AUDIODRIVER", "disk", 1)
    setenv("SDL_DISKAUDIOFILEIN", rawFile.path, 1)
    setenv("SDL_DISKAUDIOFILE", playbackFile.path, 1)
    if realTime { unsetenv("SDL_DISKAUDIODELAY") } else { setenv("SDL_DISKAUDIODELAY", "0", 1) }
    SDLLogFilter.install()
    return try AudioCapture()
  }
}
