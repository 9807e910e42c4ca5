import Foundation

/// A users file for `reset-mfa --users-file`: one USER (or TENANT:USER) per line, or a CSV whose
/// header has a `user` column; `#` starts a comment; blank lines are ignored.
public enum UsersFile {
    /// The users of the file at `path`, in file order. Every error names the line.
    public static func read(_ path: String) throws(UsageError) -> [UserReference] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw UsageError("--users-file \(path): cannot read it (\(error.localizedDescription))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw UsageError("--users-file \(path): not UTF-8 text; give one user per line, or a CSV with a user column")
        }
        return try parse(text, name: path)
    }

    /// Parses the file's text; `name` is how errors call the file.
    public static func parse(_ text: String, name: String) throws(UsageError) -> [UserReference] {
        var lines: [(number: Int, text: String)] = []
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            var line = String(raw)
            if let hash = line.firstIndex(of: "#") { line = String(line[..<hash]) }
            line = line.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            if !line.isEmpty { lines.append((index + 1, line)) }
        }
        guard let first = lines.first else {
            throw UsageError("--users-file \(name): no users in it; give one user per line, or a CSV with a user column")
        }
        var column: Int?
        let header = fields(first.text).map { $0.lowercased() }
        if first.text.contains(",") || header == ["user"] {
            guard let index = header.firstIndex(of: "user") else {
                throw UsageError(
                    "--users-file \(name), line \(first.number): a CSV file needs a header with a 'user' column; found \(header.joined(separator: ", "))")
            }
            column = index
            lines.removeFirst()
        }
        var users: [UserReference] = []
        for line in lines {
            var value = line.text
            if let column {
                let row = fields(line.text)
                guard column < row.count, !row[column].isEmpty else {
                    throw UsageError("--users-file \(name), line \(line.number): no value in the 'user' column")
                }
                value = row[column]
            } else if value.contains(where: \.isWhitespace) {
                throw UsageError(
                    "--users-file \(name), line \(line.number): '\(value)' is not one user; write one USER or TENANT:USER per line")
            }
            do {
                users.append(try UserReference(parsing: value))
            } catch {
                throw UsageError("--users-file \(name), line \(line.number): \(error.description)")
            }
        }
        guard !users.isEmpty else { throw UsageError("--users-file \(name): no users in it, only a header") }
        return users
    }

    /// The fields of one CSV line, with RFC 4180 quotes.
    static func fields(_ line: String) -> [String] {
        var out: [String] = []
        var field = ""
        var quoted = false
        var chars = line.makeIterator()
        while let char = chars.next() {
            if quoted {
                if char == "\"" {
                    quoted = false
                } else {
                    field.append(char)
                }
            } else if char == "\"" {
                quoted = true
            } else if char == "," {
                out.append(field.trimmingCharacters(in: .whitespaces))
                field = ""
            } else {
                field.append(char)
            }
        }
        out.append(field.trimmingCharacters(in: .whitespaces))
        return out
    }
}
