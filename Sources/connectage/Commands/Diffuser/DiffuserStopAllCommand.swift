import ArgumentParser
import ScentKit

/// `connectage diffuser stop-all`: closes every channel and stops the fan.
struct DiffuserStopAllCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stop-all", abstract: "Stop every channel and the fan now.")

  @OptionGroup var target: DiffuserTarget

  func run() async throws {
    let diffuser = Diffuser(endpoint: try target.endpoint(), session: "diffuser-stop-all")
    do throws(DiffuserError) {
      try await diffuser.connect()
      try await diffuser.stopAll()
    } catch {
      await diffuser.shutdown()
      throw error.commandFailure
    }
    await diffuser.shutdown()
    Terminal.say(.init(fr: "Tous les canaux sont arrêtés.", en: "Every channel is stopped."))
  }
}
