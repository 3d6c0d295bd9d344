internal import CSDL2
import SessionModel

/// Opens an SDL audio device in mono signed 16-bit at a fixed rate, starting SDL's audio first.
///
/// No format changes are allowed, so SDL converts whatever the hardware does to exactly this.
/// The caller closes the device and quits the audio subsystem when done.
enum AudioDevice {
  static func open(
    isCapture: Bool, sampleRate: Int, name: String?, failure: LocalizedText
  ) throws(StageError) -> UInt32 {
    guard SDL_InitSubSystem(SDL_INIT_AUDIO) == 0 else {
      throw SDLFailure.error(
        .init(fr: "Le son n'est pas disponible sur cet ordinateur.", en: "Sound is not available on this computer."))
    }
    var wanted = SDL_AudioSpec()
    wanted.freq = Int32(sampleRate)
    wanted.format = CSDL2_AUDIO_S16SYS
    wanted.channels = 1
    wanted.samples = 1024
    var obtained = SDL_AudioSpec()
    let device = SDL_OpenAudioDevice(name, isCapture ? 1 : 0, &wanted, &obtained, 0)
    guard device > 0 else {
      let error = SDLFailure.error(failure)
      SDL_QuitSubSystem(SDL_INIT_AUDIO)
      throw error
    }
    return device
  }

  static func close(_ device: UInt32) {
    SDL_CloseAudioDevice(device)
    SDL_QuitSubSystem(SDL_INIT_AUDIO)
  }
}
