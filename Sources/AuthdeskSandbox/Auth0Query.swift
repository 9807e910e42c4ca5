/// A parsed Auth0 user search (`q`, search engine v3, Lucene-like): `field:value`,
/// `field:"exact value"`, `field:prefix*`, bare terms, joined by `OR` / `AND`.
struct Auth0Query {
    struct Clause {
        var field: String?
        var value: String
        var prefix: Bool
    }

    /// Clauses in disjunctive form: OR of ANDs.
    var alternatives: [[Clause]]

    struct Refusal: Error {
        var message: String
    }

    static let fields = ["email", "name", "nickname", "user_id"]

    func matches(_ user: Auth0User) -> Bool {
        if alternatives.isEmpty { return true }
        return alternatives.contains { $0.allSatisfy { Auth0Query.matches($0, user) } }
    }

    static func matches(_ clause: Clause, _ user: Auth0User) -> Bool {
        let candidates: [String]
        switch clause.field {
        case "email": candidates = [user.email]
        case "name": candidates = [user.name]
        case "nickname": candidates = [user.nickname]
        case "user_id": candidates = [user.userId]
        default: candidates = [user.email, user.name, user.nickname]
        }
        let needle = clause.value.lowercased()
        return candidates.contains { candidate in
            let text = candidate.lowercased()
            if clause.prefix {
                return text.hasPrefix(needle) || text.split(separator: " ").contains { $0.hasPrefix(needle) }
            }
            return clause.field == nil ? text.contains(needle) : text == needle
        }
    }

    static func parse(_ text: String) throws(Refusal) -> Auth0Query {
        var tokens: [String] = []
        var current = ""
        var quoted = false
        for char in text {
            if char == "\"" { quoted.toggle(); current.append(char); continue }
            if char == " ", !quoted {
                if !current.isEmpty { tokens.append(current); current = "" }
                continue
            }
            current.append(char)
        }
        guard !quoted else { throw Refusal(message: "Query validation error: unbalanced quotes in q.") }
        if !current.isEmpty { tokens.append(current) }
        var alternatives: [[Clause]] = []
        var group: [Clause] = []
        for token in tokens {
            if token == "OR" {
                if !group.isEmpty { alternatives.append(group) }
                group = []
                continue
            }
            if token == "AND" { continue }
            var field: String?
            var value = Substring(token)
            if let colon = token.firstIndex(of: ":"), !token.hasPrefix("\"") {
                let name = String(token[..<colon])
                guard fields.contains(name) else {
                    throw Refusal(message: "Query validation error: field '\(name)' cannot be searched; use email, name, nickname or user_id.")
                }
                field = name
                value = token[token.index(after: colon)...]
            }
            var prefix = false
            if value.hasSuffix("*") { prefix = true; value = value.dropLast() }
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
            group.append(Clause(field: field, value: String(value), prefix: prefix))
        }
        if !group.isEmpty { alternatives.append(group) }
        return Auth0Query(alternatives: alternatives)
    }
}
