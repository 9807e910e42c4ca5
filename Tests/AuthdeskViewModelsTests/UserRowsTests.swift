import AuthdeskCore
import Testing
@testable import AuthdeskViewModels

@Suite struct UserRowsTests {
    static let zoe = DirectoryUser(
        id: "00000000-0000-4000-8000-000000000001", displayName: "Zoë Kjærgaard 田中", principalName: "zoe@contoso.com",
        mail: "", jobTitle: nil, department: "Opérations", accountEnabled: false, onPremisesSyncEnabled: true)
    static let plain = DirectoryUser(id: "auth0|65f2", displayName: "", principalName: "p@example.com")

    @Test func everyFieldComesBackAsItWentIn() {
        let long = DirectoryUser(
            id: "u-long", displayName: String(repeating: "名", count: 300), principalName: String(repeating: "a", count: 70_000),
            mail: nil, jobTitle: "Engineer", department: nil, accountEnabled: true, onPremisesSyncEnabled: nil)
        let rows = UserRows([Self.zoe, Self.plain, long])
        #expect(rows.count == 3)
        #expect(Array(rows) == [Self.zoe, Self.plain, long])
        #expect(rows[0].mail == "")
        #expect(rows[0].jobTitle == nil)
        #expect(rows.id(at: 2) == "u-long")
    }

    @Test func findsAUserByIdWithoutReadingTheList() {
        var rows = UserRows()
        for index in 0..<1000 {
            rows.append(DirectoryUser(id: "user-\(index)", displayName: "User \(index)", principalName: "u\(index)@contoso.com"))
        }
        #expect(rows.firstIndex(id: "user-737") == 737)
        #expect(rows.user(id: "user-5")?.principalName == "u5@contoso.com")
        #expect(rows.firstIndex(id: "user-1000") == nil)
        #expect(!rows.contains(id: ""))
    }

    @Test func appendNewSkipsListedIdsAndDuplicatesWithinThePage() {
        var rows: UserRows = [Self.zoe]
        let added = rows.appendNew([Self.plain, Self.zoe, Self.plain])
        #expect(added == 1)
        #expect(rows.map(\.id) == [Self.zoe.id, Self.plain.id])
    }

    @Test func aDuplicateAppendedOnPurposeIsFoundAtItsFirstRow() {
        var rows: UserRows = [Self.plain, Self.zoe]
        rows.append(Self.plain)
        #expect(rows.count == 3)
        #expect(rows.firstIndex(id: Self.plain.id) == 0)
    }

    @Test func equalWhenTheRowsAreEqual() {
        #expect(UserRows([Self.zoe, Self.plain]) == [Self.zoe, Self.plain])
        #expect(UserRows([Self.zoe, Self.plain]) != [Self.plain, Self.zoe])
        var changed = Self.zoe
        changed.accountEnabled = true
        #expect(UserRows([Self.zoe]) != [changed])
        #expect(UserRows() == [])
    }
}
