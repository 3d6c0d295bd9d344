import SessionModel
import Testing

@testable import Stage

struct ResolvedAvatarTests {
  @Test(arguments: Avatar.catalogue)
  func everyAvatarResolvesToItsRingColourAndPicture(_ avatar: Avatar) throws {
    let resolved = try #require(ResolvedAvatar.catalogue[avatar.id])
    #expect(resolved.ring.description == avatar.colour.uppercased())
    #expect(resolved.image == avatar.image)
    #expect(resolved.name == avatar.name)
  }

  @Test func anAvatarOutsideTheCatalogueIsNotResolved() {
    #expect(ResolvedAvatar.catalogue["licorne"] == nil)
  }
}
