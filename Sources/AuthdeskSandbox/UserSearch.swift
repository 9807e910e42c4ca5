import Foundation

/// A parsed `$search` over users: `"property:term"` clauses joined by `OR` / `AND`. A term
/// matches the start of any word of the property (words split at spaces and punctuation), as
/// Graph's tokenized search does; in scripts written without spaces it matches anywhere.
struct UserSearch: Sendable {
    /// Clauses in disjunctive form: OR of ANDs of (property, term).
    var alternatives: [[(property: String, term: String)]]

    static let properties = ["displayname", "userprincipalname", "mail", "givenname", "surname", "jobtitle", "department"]

    func matches(_ user: UserRecord) -> Bool {
        alternatives.contains { clauses in
            clauses.allSatisfy { clause in
                guard let value = UserFilter.value(clause.property, of: user) else { return false }
                return UserSearch.matches(value, term: clause.term)
            }
        }
    }

    static func matches(_ value: String, term: String) -> Bool {
        let text = value.lowercased()
        let needle = term.lowercased()
        if needle.isEmpty || text.hasPrefix(needle) { return true }
        if needle.unicodeScalars.contains(where: { isUnspacedScript($0) }) { return text.contains(needle) }
        let words = text.split(whereSeparator: { $0.isWhitespace || $0.isPunctuation || $0.isSymbol })
        return words.contains { $0.hasPrefix(needle) }
    }

    /// CJK ideographs, kana and Hangul: scripts whose names are not split into words by spaces.
    static func isUnspacedScript(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF: true
        default: false
        }
    }

    static func parse(_ text: String) throws(UserQuery.Refusal) -> UserSearch {
        var alternatives: [[(property: String, term: String)]] = [[]]
        var chars = Substring(text.trimmingCharacters(in: .whitespaces))
        var expectClause = true
        while !chars.isEmpty {
            if expectClause {
                guard chars.first == "\"" else { throw invalid() }
                chars = chars.dropFirst()
                guard let end = chars.firstIndex(of: "\"") else { throw invalid() }
                let clause = chars[..<end]
                chars = chars[chars.index(after: end)...]
                guard let colon = clause.firstIndex(of: ":") else { throw invalid() }
                let property = clause[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                let term = String(clause[clause.index(after: colon)...])
                guard properties.contains(property) else {
                    throw UserQuery.Refusal(status: 400, code: "Request_UnsupportedQuery",
                                            message: "Unsupported property '\(property)' in $search: use displayName, userPrincipalName, mail, givenName, surname, jobTitle or department.")
                }
                alternatives[alternatives.count - 1].append((property, term))
                expectClause = false
            } else {
                chars = chars.drop(while: { $0 == " " })
                if chars.hasPrefix("OR ") || chars.hasPrefix("or ") {
                    alternatives.append([])
                    chars = chars.dropFirst(3)
                } else if chars.hasPrefix("AND ") || chars.hasPrefix("and ") {
                    chars = chars.dropFirst(4)
                } else {
                    throw invalid()
                }
                chars = chars.drop(while: { $0 == " " })
                expectClause = true
            }
        }
        guard !expectClause else { throw invalid() }
        return UserSearch(alternatives: alternatives)
    }

    static func invalid() -> UserQuery.Refusal {
        UserQuery.Refusal(status: 400, code: "Request_UnsupportedQuery",
                          message: "Invalid $search: use $search=\"property:term\", clauses joined by OR or AND, e.g. \"displayName:ad\" OR \"mail:ad\".")
    }
}
