import SessionModel
import Testing

@testable import SessionEngine

/// A pad that joins after the start files under no participant until the therapist says who
/// it is: the free seat it takes is most often an absent member's.
@Suite struct SessionEngineLatecomerTests {
  static func player(_ number: Int) -> PlayerNumber { PlayerNumber(rawValue: number)! }

  static func events(_ commands: [SessionCommand], _ type: EventType) -> [[String: String]] {
    commands.compactMap { if case .log(let event) = $0, event.type == type { event.payload } else { nil } }
  }

  static func notice(_ driver: Driver) -> String? {
    guard case .notice(let text)? = driver.lastScene?.overlay else { return nil }
    return text.french
  }

  /// One member seated, the session at its first evocation, a second pad joining late.
  static func latecomerAtTheEvocation(participants: [ParticipantCode] = Material.participants) -> Driver {
    var driver = Driver(Material.setup(participants: participants))
    driver.run(Step.joinAndStart(pads: [1]) + Step.key(.next) + Step.press(5))
    return driver
  }

  @Test func aLatecomerIsFiledUnderNoOneAndTheTherapistIsTold() {
    let driver = Self.latecomerAtTheEvocation()
    let joined = Self.events(driver.commands.map(\.command), .playerJoined).last
    #expect(joined?["player"] == "2")
    #expect(joined?["late"] == "true")
    #expect(joined?["participant"] == nil, "seat 2 files P02, who never came")
    #expect(driver.lastScene?.players.map(\.participant) == [Material.participants[0], nil])
    #expect(Self.notice(driver)?.contains("P (pause), puis son numéro dans le groupe") == true)
  }

  @Test func theTherapistNamesTheLatecomerDuringAPauseAndLaterAnswersAreFiledUnderThem() {
    var driver = Self.latecomerAtTheEvocation()
    driver.run(Step.key(.giveFloor(to: Self.player(2))))
    driver.run(Step.key(.pause))
    let attributed = driver.run(Step.key(.giveFloor(to: Self.player(7))))
    #expect(
      Self.events(attributed, .playerAttributed) == [["player": "2", "participant": "P07"]])
    #expect(Self.notice(driver)?.contains("celles déjà données comprises, sont classées sous P07") == true)
    driver.run(Step.key(.pause) + Step.key(.giveFloor(to: Self.player(1))) + Step.key(.giveFloor(to: Self.player(2))))
    let takes = driver.lines(["record"])
    #expect(takes.first == "record T1 player 2 - turn 1 redo 0", "before the therapist said who it is")
    #expect(takes.last?.hasPrefix("record T1 player 2 P07 turn ") == true, "after")
    #expect(driver.lastScene?.players.map(\.participant) == [Material.participants[0], Material.participants[6]])
  }

  @Test(arguments: [
    (member: 1, notice: "P01 joue déjà à la place 1"),
    (member: 5, notice: "Le groupe n'a que 3 membres : pas de numéro 5"),
  ])
  func aMemberAlreadySeatedOrOutsideTheGroupIsRefused(member: Int, notice: String) {
    var driver = Self.latecomerAtTheEvocation(participants: Array(Material.participants.prefix(3)))
    let refused = driver.run(Step.key(.pause) + Step.key(.giveFloor(to: Self.player(member))))
    #expect(Self.events(refused, .playerAttributed).isEmpty)
    #expect(Self.notice(driver)?.contains(notice) == true)
    let accepted = driver.run(Step.key(.giveFloor(to: Self.player(3))))
    #expect(Self.events(accepted, .playerAttributed) == [["player": "2", "participant": "P03"]])
  }

  @Test func twoLatecomersAreFiledOneAfterTheOtherAndTheNoticeNamesTheSecond() {
    var driver = Self.latecomerAtTheEvocation()
    driver.run(Step.press(6) + Step.key(.pause) + Step.key(.giveFloor(to: Self.player(5))))
    #expect(Self.notice(driver)?.contains("Le joueur 3 est aussi arrivé en cours de séance") == true)
    let second = driver.run(Step.key(.giveFloor(to: Self.player(9))))
    #expect(Self.events(second, .playerAttributed) == [["player": "3", "participant": "P09"]])
    #expect(Self.notice(driver)?.hasSuffix("P pour reprendre.") == true)
    #expect(
      driver.lastScene?.players.map(\.participant) == [1, 5, 9].map { Material.participants[$0 - 1] })
  }

  @Test func aDigitDuringAPauseWithNoLatecomerDoesNothing() {
    var driver = Driver(Material.setup())
    driver.run(Step.joinAndStart(pads: [1, 2]) + Step.key(.next) + Step.key(.pause))
    let produced = driver.run(Step.key(.giveFloor(to: Self.player(3))))
    #expect(Self.events(produced, .playerAttributed).isEmpty)
    #expect(Self.notice(driver) == nil)
  }

  @Test func anAnimationLatecomerNeedsNoCode() {
    var driver = Driver(Material.setup(kind: .animation))
    driver.run(Step.joinAndStart(pads: [1]) + Step.key(.next) + Step.press(5))
    #expect(driver.lastScene?.players.count == 2)
    #expect(Self.notice(driver) == nil)
  }
}
