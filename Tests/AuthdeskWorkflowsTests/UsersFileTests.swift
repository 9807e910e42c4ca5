import AuthdeskWorkflows
import Testing

/// The users a reset is asked for: `USER` or `TENANT:USER`, one a line or a CSV `user` column.
@Suite struct UsersFileTests {
    @Test func linesCommentsAndTenantPrefixes() throws {
        let users = try UsersFile.parse("# the list\n\u{FEFF}ben@contoso.com\n\nfabrikam:kenji.tanaka@fabrikam.com # Kenji\n", name: "f")
        #expect(users.map(\.user) == ["ben@contoso.com", "kenji.tanaka@fabrikam.com"])
        #expect(users.map(\.tenant) == [nil, "fabrikam"])
    }

    @Test func aCsvTakesItsUserColumn() throws {
        let users = try UsersFile.parse("name,user\n\"White, Cameron\",CameronW@contoso.com\n", name: "f")
        #expect(users.map(\.user) == ["CameronW@contoso.com"])
    }

    @Test func everyErrorNamesTheLineAndWhatIsValid() {
        #expect(throws: UsageError("--users-file f: no users in it; give one user per line, or a CSV with a user column")) {
            try UsersFile.parse("# nothing\n", name: "f")
        }
        #expect(throws: UsageError("--users-file f, line 1: a CSV file needs a header with a 'user' column; found name, mail")) {
            try UsersFile.parse("name,mail\nx,y\n", name: "f")
        }
        #expect(throws: UsageError("--users-file f, line 2: 'two users' is not one user; write one USER or TENANT:USER per line")) {
            try UsersFile.parse("one\ntwo users\n", name: "f")
        }
        #expect(throws: UsageError.self) { try UserReference(parsing: ":ben") }
    }
}
