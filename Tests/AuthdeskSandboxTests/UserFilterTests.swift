import Testing
@testable import AuthdeskSandbox

@Suite("Filter and search parsing")
struct UserFilterTests {
    let user = UserRecord(id: "1", displayName: "Zoë O'Brien", userPrincipalName: "zoe.obrien@contoso.com")

    @Test func startswithEqAndOrNotAndQuotes() throws {
        #expect(try UserFilter.parse("startswith(displayName,'zoë')").matches(user))
        #expect(try UserFilter.parse("startswith(displayName,'Zoë O''B')").matches(user))
        #expect(try UserFilter.parse("startswith(mail,'x') or userPrincipalName eq 'ZOE.OBRIEN@contoso.com'").matches(user))
        #expect(try !UserFilter.parse("startswith(displayName,'z') and not (accountEnabled eq true)").matches(user))
    }

    @Test func badFiltersAreRefusedWithWhatIsValid() {
        #expect(throws: UserQuery.Refusal.self) { try UserFilter.parse("startswith(displayName,'x'") }
        #expect(throws: UserQuery.Refusal.self) { try UserFilter.parse("startswith(city,'x')") }
        #expect(throws: UserQuery.Refusal.self) { try UserFilter.parse("displayName gt 'x'") }
    }

    @Test func searchMatchesWordPrefixes() throws {
        #expect(try UserSearch.parse("\"displayName:bri\"").matches(user))
        #expect(try !UserSearch.parse("\"displayName:rien\"").matches(user))
        #expect(try UserSearch.parse("\"displayName:nobody\" OR \"userPrincipalName:obrien\"").matches(user))
        #expect(try !UserSearch.parse("\"displayName:zo\" AND \"mail:zoe\"").matches(user))
        #expect(throws: UserQuery.Refusal.self) { try UserSearch.parse("displayName:zo") }
        let cjk = UserRecord(id: "2", displayName: "田中健二", userPrincipalName: "kenji@contoso.com")
        #expect(try UserSearch.parse("\"displayName:健二\"").matches(cjk))
    }
}
