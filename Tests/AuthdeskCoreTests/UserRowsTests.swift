import Testing
@testable import AuthdeskCore

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
        #expect(Array(rows) == [Self.zoe, Self.plain, long].map(Self.listed))
        #expect(rows[0].accountEnabled == false && rows[0].onPremisesSyncEnabled == true)
        #expect(rows[2].principalName.utf8.count == 70_000)
        #expect(rows.id(at: 2) == "u-long")
    }

    /// What the list keeps of `user`: everything but mail, job title and department, which the
    /// console never shows from the list.
    static func listed(_ user: DirectoryUser) -> DirectoryUser {
        var user = user
        user.mail = nil
        user.jobTitle = nil
        user.department = nil
        return user
    }

    @Test func mailJobTitleAndDepartmentAreNotKept() {
        let rows = UserRows([Self.zoe])
        #expect(rows[0].mail == nil && rows[0].jobTitle == nil && rows[0].department == nil)
        #expect(rows[0].displayName == Self.zoe.displayName)
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

    static func numbered(_ range: Range<Int>) -> [DirectoryUser] {
        range.map { DirectoryUser(id: "user-\($0)", displayName: "User \($0)", principalName: "u\($0)@contoso.com") }
    }

    @Test func findsIdsAndRowsInEveryChunk() {
        let count = UserRows.rowsPerChunk * 3 + 5
        let rows = UserRows(Self.numbered(0..<count))
        #expect(rows.count == count)
        for row in [0, UserRows.rowsPerChunk - 1, UserRows.rowsPerChunk, UserRows.rowsPerChunk * 2 + 7, count - 1] {
            #expect(rows.firstIndex(id: "user-\(row)") == row)
            #expect(rows[row].principalName == "u\(row)@contoso.com")
            #expect(rows.id(at: row) == "user-\(row)")
        }
        #expect(!rows.contains(id: "user-\(count)"))
        #expect(Array(rows) == Self.numbered(0..<count))
    }

    /// A chunk's id index numbers its rows in two bytes: every row of a full chunk, the last
    /// (the largest number) included, is found at its own row.
    @Test func everyRowOfAFullChunkIsFoundByItsId() {
        let rows = UserRows(Self.numbered(0..<UserRows.rowsPerChunk))
        let misplaced = (0..<UserRows.rowsPerChunk).filter { rows.firstIndex(id: "user-\($0)") != $0 }
        #expect(misplaced.isEmpty)
    }

    @Test func aDuplicateInALaterChunkIsFoundAtItsFirstRow() {
        var rows = UserRows(Self.numbered(0..<UserRows.rowsPerChunk + 10))
        rows.append(Self.numbered(3..<4)[0])
        #expect(rows.firstIndex(id: "user-3") == 3)
        #expect(rows.appendNew(Self.numbered(5..<6) + Self.numbered(90_000..<90_001)) == 1)
        #expect(rows.firstIndex(id: "user-90000") == UserRows.rowsPerChunk + 11)
    }

    /// The state kept before each event is a copy of the list: appending a page to the newer
    /// copy appends in place (no row copied), and the older copy still reads its own rows.
    @Test func appendingToTheLongestCopyCopiesNoRow() {
        let full = UserRows.rowsPerChunk * 4
        var rows = UserRows(Self.numbered(0..<full + 100))
        let before = rows
        rows.appendNew(Self.numbered(full + 100..<full + 150))
        #expect(rows.count == full + 150)
        #expect(before.count == full + 100)
        #expect(rows.sharesRows(with: before))
        #expect(Array(before) == Self.numbered(0..<full + 100))
        #expect(Array(rows.suffix(50)) == Self.numbered(full + 100..<full + 150))
        #expect(before.firstIndex(id: "user-\(full + 120)") == nil)
        #expect(rows.firstIndex(id: "user-\(full + 120)") == full + 120)
        #expect(before != rows)
    }

    /// A shorter copy that appends gets rows of its own: neither copy sees the other's.
    @Test func appendingToAShorterCopyLeavesTheLongerOneAlone() {
        var longer = UserRows(Self.numbered(0..<10))
        var shorter = longer
        longer.append(Self.numbered(10..<11)[0])
        shorter.appendNew(Self.numbered(20..<22))
        #expect(!shorter.sharesRows(with: longer))
        #expect(Array(longer) == Self.numbered(0..<11))
        #expect(Array(shorter) == Self.numbered(0..<10) + Self.numbered(20..<22))
        #expect(shorter.firstIndex(id: "user-10") == nil && longer.firstIndex(id: "user-20") == nil)
    }

    /// Graph's ids are kept as 16 bytes and come back as the same lowercase text; any other id
    /// (upper case, Auth0's, almost a GUID) is kept as text.
    @Test func guidIdsComeBackAsTheyWentIn() {
        let ids = [
            "0f8fad5b-d9cb-469f-a165-70867728950e", "0F8FAD5B-D9CB-469F-A165-70867728950E", "auth0|65f2a1",
            "0f8fad5b-d9cb-469f-a165-70867728950", "0f8fad5bxd9cb-469f-a165-70867728950e", "",
            "ffffffff-ffff-ffff-ffff-ffffffffffff", "00000000-0000-0000-0000-000000000000",
        ]
        let users = ids.enumerated().map { DirectoryUser(id: $1, displayName: "U\($0)", principalName: "u\($0)@contoso.com") }
        let rows = UserRows(users)
        #expect(Array(rows) == users)
        for (row, id) in ids.enumerated() {
            #expect(rows.firstIndex(id: id) == row, "\(id)")
            #expect(rows.id(at: row) == id)
        }
        #expect(rows.firstIndex(id: "0f8fad5b-d9cb-469f-a165-70867728950f") == nil)
        #expect(UserRowKey.guid(ids[0])?.count == 16 && UserRowKey.guid(ids[1]) == nil)
    }

    /// Each principal name's domain is kept once per chunk; names without `@`, with several, and
    /// more domains than a chunk numbers come back whole.
    @Test func principalNamesComeBackWhole() {
        let names = ["a@contoso.com", "b@fabrikam.com", "c@contoso.com", "no-at-sign", "x@y@z.example", "@", "tail@"]
            + (0..<300).map { "user\($0)@domain\($0).example" }
        let users = names.enumerated().map { DirectoryUser(id: "id-\($0)", displayName: "", principalName: $1) }
        let rows = UserRows(users)
        #expect(rows.map(\.principalName) == names)
    }

    @Test func equalAcrossChunksOnlyWithTheSameRows() {
        let users = Self.numbered(0..<UserRows.rowsPerChunk + 3)
        var other = UserRows(users.dropLast())
        #expect(UserRows(users) != other)
        other.append(users[users.count - 1])
        #expect(UserRows(users) == other)
        other.append(users[0])
        #expect(UserRows(users) != other)
    }
}
