import AuthdeskCore
import Foundation

/// The shared journal's password, as libpq finds it: PGPASSWORD, else the first matching line of
/// PGPASSFILE or ~/.pgpass (`host:port:database:user:password`, `*` matches anything, `\:` and
/// `\\` escape), which must be private to its owner. Nil when neither has one (trust or
/// certificate login).
public enum TeamJournalPassword {
    public static func resolve(for url: TeamJournalURL, environment: [String: String]) throws(ConfigError) -> Secret? {
        if let password = environment["PGPASSWORD"], !password.isEmpty { return Secret(password) }
        let path = environment["PGPASSFILE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.pgpass")
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        if let mode = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? NSNumber,
            mode.intValue & 0o077 != 0
        {
            throw ConfigError(
                "\(path) holds passwords but others can access it (mode \(String(mode.intValue & 0o777, radix: 8))); "
                    + "run: chmod 600 \(path)")
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ConfigError("cannot read \(path)")
        }
        let wanted = [url.host, String(url.port), url.database, url.user]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = self.fields(of: line)
            guard fields.count == 5 else { continue }
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return Secret(fields[4]) }
        }
        return nil
    }

    /// The colon-separated fields of a line, unescaped.
    static func fields(of line: Substring) -> [String] {
        var fields: [String] = []
        var current = ""
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":", fields.count < 4 {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
