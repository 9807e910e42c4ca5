import Foundation

/// A parsed `$filter` over users: `startswith(property,'value')`, `endswith(property,'value')`,
/// `property eq 'value'` (or a boolean), `property ne ...`, parentheses, `and`, `or`, `not`.
/// String comparisons ignore case, as Graph's do. `endswith`, `ne` and `not` are advanced
/// queries: Graph serves them only with `$count=true` and `ConsistencyLevel: eventual`.
indirect enum UserFilter: Sendable {
    case startsWith(String, String)
    case endsWith(String, String)
    case equals(String, JSON)
    case and(UserFilter, UserFilter)
    case or(UserFilter, UserFilter)
    case not(UserFilter)

    static let stringProperties = ["displayname", "userprincipalname", "mail", "givenname", "surname", "jobtitle", "department", "id"]
    static let boolProperties = ["accountenabled", "onpremisessyncenabled"]

    func matches(_ user: UserRecord) -> Bool {
        switch self {
        case .startsWith(let property, let prefix):
            return UserFilter.value(property, of: user)?.lowercased().hasPrefix(prefix.lowercased()) ?? false
        case .endsWith(let property, let suffix):
            return UserFilter.value(property, of: user)?.lowercased().hasSuffix(suffix.lowercased()) ?? false
        case .equals(let property, let expected):
            if case .string(let text) = expected {
                return UserFilter.value(property, of: user)?.lowercased() == text.lowercased()
            }
            switch property {
            case "accountenabled": return expected == .bool(user.accountEnabled)
            case "onpremisessyncenabled": return expected == (user.onPremisesSyncEnabled.map { .bool($0) } ?? .null)
            default: return false
            }
        case .and(let left, let right): return left.matches(user) && right.matches(user)
        case .or(let left, let right): return left.matches(user) || right.matches(user)
        case .not(let inner): return !inner.matches(user)
        }
    }

    /// The advanced-query operator this filter uses (`endsWith`, `ne`, `not`), if any.
    var advancedOperator: String? {
        switch self {
        case .endsWith: return "endsWith"
        case .not(let inner):
            if case .equals = inner { return "ne" }
            return "not"
        case .and(let left, let right), .or(let left, let right): return left.advancedOperator ?? right.advancedOperator
        default: return nil
        }
    }

    static func value(_ property: String, of user: UserRecord) -> String? {
        switch property {
        case "displayname": user.displayName
        case "userprincipalname": user.userPrincipalName
        case "mail": user.mail
        case "givenname": user.givenName
        case "surname": user.surname
        case "jobtitle": user.jobTitle
        case "department": user.department
        case "id": user.id
        default: nil
        }
    }

    static func parse(_ text: String) throws(UserQuery.Refusal) -> UserFilter {
        var parser = Parser(tokens: try tokenize(text))
        let filter = try parser.parseOr()
        guard parser.position == parser.tokens.count else {
            throw invalid("unexpected '\(parser.tokens[parser.position])'")
        }
        return filter
    }

    static func invalid(_ detail: String) -> UserQuery.Refusal {
        UserQuery.Refusal(status: 400, code: "BadRequest",
                          message: "Invalid filter clause: \(detail). Supported: startswith(property,'value'), endswith(property,'value'), property eq|ne 'value', and, or, not, parentheses.")
    }

    enum Token: Equatable, CustomStringConvertible {
        case word(String)
        case string(String)
        case open, close, comma

        var description: String {
            switch self {
            case .word(let w): w
            case .string(let s): "'\(s)'"
            case .open: "("
            case .close: ")"
            case .comma: ","
            }
        }
    }

    static func tokenize(_ text: String) throws(UserQuery.Refusal) -> [Token] {
        var tokens: [Token] = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace {
                i += 1
            } else if c == "(" {
                tokens.append(.open); i += 1
            } else if c == ")" {
                tokens.append(.close); i += 1
            } else if c == "," {
                tokens.append(.comma); i += 1
            } else if c == "'" {
                var value = ""
                i += 1
                var closed = false
                while i < chars.count {
                    if chars[i] == "'" {
                        if i + 1 < chars.count, chars[i + 1] == "'" {
                            value.append("'"); i += 2; continue
                        }
                        closed = true; i += 1; break
                    }
                    value.append(chars[i]); i += 1
                }
                guard closed else { throw invalid("unterminated string literal") }
                tokens.append(.string(value))
            } else {
                var word = ""
                while i < chars.count, !chars[i].isWhitespace, !"(),'".contains(chars[i]) {
                    word.append(chars[i]); i += 1
                }
                tokens.append(.word(word))
            }
        }
        return tokens
    }

    struct Parser {
        var tokens: [Token]
        var position = 0

        mutating func next() -> Token? {
            guard position < tokens.count else { return nil }
            defer { position += 1 }
            return tokens[position]
        }

        func peekWord(_ word: String) -> Bool {
            guard position < tokens.count, case .word(let w) = tokens[position] else { return false }
            return w.lowercased() == word
        }

        mutating func parseOr() throws(UserQuery.Refusal) -> UserFilter {
            try parseJoined(by: "or")
        }

        /// Operands joined by `or` or by `and` (`and` binds tighter), grouped from the left.
        mutating func parseJoined(by word: String) throws(UserQuery.Refusal) -> UserFilter {
            let isOr = word == "or"
            var left = try isOr ? parseJoined(by: "and") : parseUnary()
            while peekWord(word) {
                position += 1
                let right = try isOr ? parseJoined(by: "and") : parseUnary()
                left = isOr ? .or(left, right) : .and(left, right)
            }
            return left
        }

        mutating func parseUnary() throws(UserQuery.Refusal) -> UserFilter {
            if peekWord("not") {
                position += 1
                return .not(try parseUnary())
            }
            return try parsePrimary()
        }

        mutating func parsePrimary() throws(UserQuery.Refusal) -> UserFilter {
            guard let token = next() else { throw UserFilter.invalid("the clause ends too early") }
            switch token {
            case .open:
                let inner = try parseOr()
                guard next() == .close else { throw UserFilter.invalid("missing ')'") }
                return inner
            case .word(let word) where ["startswith", "endswith"].contains(word.lowercased()):
                guard next() == .open, case .word(let property)? = next(), next() == .comma,
                      case .string(let value)? = next(), next() == .close else {
                    throw UserFilter.invalid("\(word) takes (property,'value')")
                }
                let name = property.lowercased()
                guard UserFilter.stringProperties.contains(name), name != "id" else { throw UserFilter.unsupported(property) }
                return word.lowercased() == "startswith" ? .startsWith(name, value) : .endsWith(name, value)
            case .word(let property):
                guard case .word(let op)? = next(), ["eq", "ne"].contains(op.lowercased()), let value = next() else {
                    throw UserFilter.invalid("expected 'eq' or 'ne' after '\(property)'")
                }
                let negate = op.lowercased() == "ne"
                let name = property.lowercased()
                switch value {
                case .string(let text):
                    guard UserFilter.stringProperties.contains(name) else { throw UserFilter.unsupported(property) }
                    return negate ? .not(.equals(name, .string(text))) : .equals(name, .string(text))
                case .word(let literal) where ["true", "false", "null"].contains(literal.lowercased()):
                    guard UserFilter.boolProperties.contains(name) else { throw UserFilter.unsupported(property) }
                    let json: JSON = literal.lowercased() == "null" ? .null : .bool(literal.lowercased() == "true")
                    return negate ? .not(.equals(name, json)) : .equals(name, json)
                default:
                    throw UserFilter.invalid("'\(property) eq' needs a quoted string or a boolean")
                }
            default:
                throw UserFilter.invalid("unexpected '\(token)'")
            }
        }
    }

    static func unsupported(_ property: String) -> UserQuery.Refusal {
        UserQuery.Refusal(status: 400, code: "Request_UnsupportedQuery",
                          message: "Unsupported or invalid query filter clause specified for property '\(property)' of resource 'User'.")
    }
}
