import AuthdeskText
import Foundation

/// A command's result as rows under named columns, printable in every ``OutputFormat``.
///
/// JSON is an array of objects keyed by the columns' keys (missing values are `null`); CSV has a
/// header line of the keys; the table has the columns' titles and aligns by display width.
public struct Report: Sendable {
    /// One column: its machine key (JSON, CSV) and its title (table).
    public struct Column: Sendable, Hashable {
        public var key: String
        public var title: String

        public init(_ key: String, _ title: String) {
            self.key = key
            self.title = title
        }
    }

    public var columns: [Column]
    public var rows: [[String?]]

    public init(columns: [Column], rows: [[String?]] = []) {
        self.columns = columns
        self.rows = rows
    }

    public mutating func append(_ row: [String?]) {
        precondition(row.count == columns.count, "a row must have one value per column")
        rows.append(row)
    }

    /// The report as text in `format`, ending with a newline.
    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .table: renderTable()
        case .csv: renderCSV()
        case .json: renderJSON()
        case .jsonl: renderJSONLines()
        }
    }

    func renderTable() -> String {
        var widths = columns.map { DisplayWidth.of($0.title) }
        for row in rows {
            for (index, value) in row.enumerated() {
                widths[index] = max(widths[index], DisplayWidth.of(value ?? ""))
            }
        }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (index, cell) in cells.enumerated() {
                let isLast = index == cells.count - 1
                text += isLast ? cell : DisplayWidth.pad(cell, to: widths[index]) + "  "
            }
            return text + "\n"
        }
        var out = line(columns.map(\.title))
        for row in rows { out += line(row.map { $0 ?? "" }) }
        return out
    }

    func renderCSV() -> String {
        func field(_ value: String?) -> String {
            guard let value else { return "" }
            let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            return needsQuotes ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
        }
        var out = columns.map { field($0.key) }.joined(separator: ",") + "\r\n"
        for row in rows { out += row.map(field).joined(separator: ",") + "\r\n" }
        return out
    }

    func renderJSON() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(objects)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// One compact object a row, each on its own line.
    func renderJSONLines() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return objects.map { object in
            String(decoding: (try? encoder.encode(object)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
        }.joined()
    }

    /// The rows as objects keyed by the columns' keys.
    var objects: [[String: String?]] {
        rows.map { row in
            var object: [String: String?] = [:]
            for (index, column) in columns.enumerated() { object[column.key] = .some(row[index]) }
            return object
        }
    }
}
