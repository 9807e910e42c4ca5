import AuthdeskCore
import Foundation
import Testing
@testable import AuthdeskAudit

/// The names entries carry: kept packed, the newest name of a user read again, dropped all at
/// once when full.
struct KnownUsersTests {
    static func user(_ number: Int, name: String? = nil) -> DirectoryUser {
        DirectoryUser(
            id: String(format: "00000000-0000-4000-8000-%012d", number), displayName: name ?? "User \(number)",
            principalName: "u\(number)@contoso.com", mail: "u\(number)@contoso.com", jobTitle: "Engineer")
    }

    @Test func aListedUserIsNamedByDisplayAndPrincipalName() {
        let known = KnownUsers()
        known.remember((0..<120).map { Self.user($0) })
        let found = known.user(Self.user(77).id)
        #expect(found?.displayName == "User 77" && found?.principalName == "u77@contoso.com")
        #expect(known.user(Self.user(120).id) == nil)
    }

    @Test func aUserReadAgainWithAnotherNameIsNamedByTheNewOne() {
        let known = KnownUsers()
        known.remember([Self.user(1), Self.user(2)])
        known.remember([Self.user(1, name: "Renamed One")])
        #expect(known.user(Self.user(1).id)?.displayName == "Renamed One")
        known.remember([Self.user(1)])
        #expect(known.user(Self.user(1).id)?.displayName == "User 1")
        #expect(known.user(Self.user(2).id)?.displayName == "User 2")
    }

    @Test func aFullStoreStartsAgainWithTheNewestPage() {
        let known = KnownUsers()
        known.remember((0..<KnownUsers.capacity).map { Self.user($0) })
        #expect(known.user(Self.user(0).id) != nil)
        known.remember((KnownUsers.capacity..<KnownUsers.capacity + 50).map { Self.user($0) })
        #expect(known.user(Self.user(0).id) == nil)
        #expect(known.user(Self.user(KnownUsers.capacity + 49).id)?.displayName == "User \(KnownUsers.capacity + 49)")
    }
}
