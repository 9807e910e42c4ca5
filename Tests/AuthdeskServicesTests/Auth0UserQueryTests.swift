import Testing
@testable import AuthdeskServices

/// The Lucene query built from an operator's text, and the page cursor.
@Suite struct Auth0UserQueryTests {
    @Test(arguments: [
        ("marta", "marta"),
        ("marta.nowak@example.com", "marta.nowak@example.com"),
        ("auth0|65f2", "auth0|65f2"),
        ("google-oauth2|1", "google-oauth2|1"),
        ("user+tag@example.com", "user+tag@example.com"),
        ("-x", "\\-x"),
        ("+x", "\\+x"),
        ("a:b", "a\\:b"),
        ("(a)*?", "\\(a\\)\\*\\?"),
        ("a\"b\\c", "a\\\"b\\\\c"),
        ("[x]{y}~^!/", "\\[x\\]\\{y\\}\\~\\^\\!\\/"),
        ("a&&b||c", "a&\\&b|\\|c"),
        ("a b", "a\\ b"),
    ])
    func specialCharactersAreEscaped(_ text: String, _ escaped: String) {
        #expect(Auth0UserQuery.escape(text) == escaped)
    }

    @Test func oneWordMatchesIdEmailAndNamePrefixes() {
        let query = Auth0UserQuery(text: "  mar:ta ", perPage: 25)
        #expect(query.lucene == "user_id:mar\\:ta* OR email:mar\\:ta* OR name:mar\\:ta*")
        #expect(query.page == 0)
        #expect(query.perPage == 25)
    }

    @Test func severalWordsMatchTheNameAsAPhraseOrAPrefix() {
        let query = Auth0UserQuery(text: "Marta   No\"wak", perPage: 10)
        #expect(query.lucene == "name:\"Marta No\\\"wak\" OR name:Marta\\ No\\\"wak*")
    }

    @Test func anEmptyTextListsEveryone() {
        #expect(Auth0UserQuery(text: " \n", perPage: 10).lucene == "")
    }

    @Test func theCursorRoundTripsAndRefusesOtherText() {
        let query = Auth0UserQuery(lucene: "name:a\\:b* OR email:x", page: 3, perPage: 40)
        #expect(Auth0UserQuery(cursor: query.cursor) == query)
        #expect(Auth0UserQuery(cursor: "https://graph.microsoft.com/v1.0/users?$skiptoken=x") == nil)
        #expect(Auth0UserQuery(cursor: "auth0-users:1:0:q") == nil)
        #expect(Auth0UserQuery(cursor: "auth0-users:-1:10:q") == nil)
        #expect(Auth0UserQuery(cursor: "auth0-users:1:101:q") == nil)
    }

    @Test func pagesPastTheFirstThousandResultsAreRecognised() {
        #expect(!Auth0UserQuery(lucene: "", page: 9, perPage: 100).isPastCap)
        #expect(Auth0UserQuery(lucene: "", page: 10, perPage: 100).isPastCap)
        #expect(!Auth0UserQuery(lucene: "", page: 32, perPage: 30).isPastCap)
        #expect(Auth0UserQuery(lucene: "", page: 33, perPage: 30).isPastCap)
    }
}
