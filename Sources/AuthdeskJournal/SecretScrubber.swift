import AuthdeskCore
import Foundation

/// Removes secrets from free text before it reaches the journal: every occurrence of a secret
/// the caller knows (the pass just issued, the password just generated), and anything shaped
/// like one: `password: ...`, `pass=...`, `secret ...`, `token=...`, `Bearer ...`, JSON web tokens.
///
/// Redacting, not refusing: the audit entry of a change that happened must still be written;
/// it is written with the secret replaced by `<redacted>` and marked as redacted.
public struct SecretScrubber: Sendable {
    /// What replaces a secret.
    public static let mask = "<redacted>"

    private let known: [String]

    /// `known`: secrets to remove wherever they appear (shorter than 4 characters are ignored,
    /// to avoid masking ordinary words).
    public init(known: [Secret] = []) {
        self.known = known.map { $0.reveal() }.filter { $0.count >= 4 }.sorted { $0.count > $1.count }
    }

    /// Keywords whose value follows after `:`, `=`, ` is ` or a space.
    private static let keywordPattern =
        #"(?i)\b(password|passwd|pwd|passcode|pass|temporary ?access ?pass|tap|secret|client[_ ]?secret|token|access[_ ]?token|refresh[_ ]?token|api[_ ]?key)\b(\s*(?:[:=]|\bis\b)\s*|\s+)("[^"]*"|'[^']*'|\S+)"#
    private static let bearerPattern = #"(?i)\bbearer\s+\S+"#
    private static let jwtPattern = #"\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*"#
    /// The patterns compiled once: compiling them for every answer journalled showed in a bulk
    /// run's profile.
    private static let keywordRegex = try? NSRegularExpression(pattern: keywordPattern)
    private static let bearerRegex = try? NSRegularExpression(pattern: bearerPattern)
    private static let jwtRegex = try? NSRegularExpression(pattern: jwtPattern)

    /// `text` without the known secrets: for fields the program fills in (ids, titles, codes).
    public func scrubKnown(_ text: String) -> (text: String, redacted: Bool) {
        var out = text
        for secret in known { out = out.replacingOccurrences(of: secret, with: Self.mask) }
        return (out, out != text)
    }

    /// `text` without the known secrets and without anything shaped like a secret: for free
    /// text an operator typed or a service wrote (details, ticket references, names).
    public func scrub(_ text: String) -> (text: String, redacted: Bool) {
        var out = scrubKnown(text).text
        guard Self.mayHoldSecret(out) else { return (out, out != text) }
        out = Self.replace(Self.bearerRegex, in: out, with: "Bearer \(Self.mask)")
        out = Self.replace(Self.jwtRegex, in: out, with: Self.mask)
        out = Self.replaceKeywordValues(in: out)
        return (out, out != text)
    }

    /// Whether one of the patterns could match `text`: false only for ASCII text holding none of
    /// the words every pattern needs (`bearer`, `eyJ`, and the keywords' `pass`, `pwd`, `tap`,
    /// `secret`, `token`, `api`), so that the names and details of a bulk run's thousands of
    /// entries skip the regular expressions; text beyond ASCII always goes through them (their
    /// case-insensitive matching folds more than `lowercased()` does).
    static func mayHoldSecret(_ text: String) -> Bool {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return true }
        if text.contains("eyJ") { return true }
        let lower = text.lowercased()
        return Self.requiredWords.contains { lower.contains($0) }
    }

    private static let requiredWords = ["bearer", "pass", "pwd", "tap", "secret", "token", "api"]

    private static func replace(_ regex: NSRegularExpression?, in text: String, with template: String) -> String {
        guard let regex else { return text }
        let range = NSRange(text.startIndex..., in: text)
        return regex.stringByReplacingMatches(
            in: text, range: range, withTemplate: NSRegularExpression.escapedTemplate(for: template))
    }

    /// Masks the value after a secret's keyword, keeping the keyword and its separator. After
    /// `:` or `=` any value is masked; after ` is ` or a bare space only a value that looks like
    /// a secret (six characters or more, with a digit or a symbol), so that prose such as
    /// "password reset" or "token is expired" stays readable.
    private static func replaceKeywordValues(in text: String) -> String {
        guard let regex = keywordRegex else { return text }
        let source = text as NSString
        let out = NSMutableString(string: text)
        let matches = regex.matches(in: text, range: NSRange(location: 0, length: source.length))
        for match in matches.reversed() {
            let separator = source.substring(with: match.range(at: 2))
            let value = source.substring(with: match.range(at: 3))
            if value.hasPrefix(mask) { continue }
            let explicit = separator.contains(":") || separator.contains("=")
            if !explicit && !looksLikeSecret(value) { continue }
            out.replaceCharacters(in: match.range(at: 3), with: mask)
        }
        return String(out)
    }

    /// Six characters or more with a digit or a symbol, once trailing punctuation is set aside.
    private static func looksLikeSecret(_ value: String) -> Bool {
        let core = value.trimmingCharacters(in: CharacterSet(charactersIn: ".,;:)"))
        return core.count >= 6 && core.contains { $0.isNumber || (!$0.isLetter && !$0.isWhitespace) }
    }
}
