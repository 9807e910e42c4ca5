import Foundation

/// An Auth0 user search (search engine v3, Lucene syntax) built from what an operator typed,
/// and the page it is at: the query matches user ids, e-mails and names starting with the
/// text, every Lucene special character in it escaped, so input is never read as syntax.
public struct Auth0UserQuery: Sendable, Hashable {
    /// The Lucene query (`q`); empty lists every user.
    public var lucene: String
    /// The page (from 0) and the users per page (1 to 100).
    public var page: Int
    public var perPage: Int

    /// Auth0 returns at most this many users of one search, whatever the paging.
    public static let resultCap = 1000
    /// The largest `per_page` Auth0 accepts.
    public static let maxPerPage = 100

    public init(lucene: String, page: Int = 0, perPage: Int = 50) {
        self.lucene = lucene
        self.page = page
        self.perPage = perPage
    }

    /// The search for `text`: `user_id:t* OR email:t* OR name:t*` for one word; for several,
    /// the exact name (`name:"a b"`) or a name starting with them.
    public init(text: String, perPage: Int) {
        let term = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let lucene: String
        if term.isEmpty {
            lucene = ""
        } else if term.contains(where: \.isWhitespace) {
            let words = term.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            lucene = "name:\(Auth0UserQuery.phrase(words)) OR name:\(Auth0UserQuery.escape(words))*"
        } else {
            let escaped = Auth0UserQuery.escape(term)
            lucene = ["user_id", "email", "name"].map { "\($0):\(escaped)*" }.joined(separator: " OR ")
        }
        self.init(lucene: lucene, page: 0, perPage: perPage)
    }

    /// The first result this page holds.
    public var start: Int { page * perPage }

    /// Whether this page lies (even partly) beyond the first 1,000 results Auth0 returns.
    public var isPastCap: Bool { (page + 1) * perPage > Auth0UserQuery.resultCap }

    /// The next page.
    public var next: Auth0UserQuery { Auth0UserQuery(lucene: lucene, page: page + 1, perPage: perPage) }

    /// Escapes `text` as one Lucene term: the characters Lucene reads as syntax get a
    /// backslash (`+` and `-` only at the start, where they are operators; `&&` and `||` as
    /// pairs), and so does whitespace.
    public static func escape(_ text: String) -> String {
        var out = ""
        var previous: Character?
        for (offset, char) in text.enumerated() {
            let special = alwaysSpecial.contains(char) || char.isWhitespace
                || (offset == 0 && (char == "+" || char == "-"))
                || ((char == "&" || char == "|") && previous == char)
            if special { out.append("\\") }
            out.append(char)
            previous = special ? nil : char
        }
        return out
    }

    /// `text` as a quoted Lucene phrase, its quotes and backslashes escaped.
    public static func phrase(_ text: String) -> String {
        var out = "\""
        for char in text {
            if char == "\"" || char == "\\" { out.append("\\") }
            out.append(char)
        }
        return out + "\""
    }

    static let alwaysSpecial: Set<Character> = ["\\", "\"", "(", ")", ":", "^", "[", "]", "{", "}", "~", "*", "?", "/", "!", "<", ">", "="]

    // MARK: Cursor

    /// The page as an opaque ``PageCursor`` value: `auth0-users:{page}:{perPage}:{lucene}`.
    public var cursor: String { "\(Auth0UserQuery.cursorPrefix)\(page):\(perPage):\(lucene)" }

    /// The page a cursor made by ``cursor`` holds; nil for any other text.
    public init?(cursor: String) {
        guard cursor.hasPrefix(Auth0UserQuery.cursorPrefix) else { return nil }
        let parts = cursor.dropFirst(Auth0UserQuery.cursorPrefix.count).split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let page = Int(parts[0]), let perPage = Int(parts[1]),
              page >= 0, (1...Auth0UserQuery.maxPerPage).contains(perPage) else { return nil }
        self.init(lucene: String(parts[2]), page: page, perPage: perPage)
    }

    static let cursorPrefix = "auth0-users:"
}
