import AuthdeskText
import Foundation

/// A command's result as rows under named columns, printable in every ``OutputFormat``.
///
/// Cells are typed (``ReportValue``): JSON is an array of objects keyed by the columns' keys with
/// numbers, booleans, null and ISO 8601 UTC times as such; JSON lines one object a line; CSV a
/// header line of the keys, the same times, and no cell that a spreadsheet would read as a
/// formula; the table the columns' titles, aligned by display width. Text from a service reaches
/// the table and CSV only through ``TerminalText``; JSON keeps its exact value.
///
/// Rows of `String?` (``append(_:)-([String?])``) still work: they are string cells.
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
    /// The typed cells, one row per entry.
    public var cells: [[ReportValue]]

    public init(columns: [Column], rows: [[String?]] = []) {
        self.columns = columns
        cells = rows.map { $0.map(ReportValue.text) }
    }

    public init(columns: [Column], cells: [[ReportValue]]) {
        self.columns = columns
        self.cells = cells
    }

    /// The rows as text (numbers in digits, booleans yes / no, times ISO 8601 UTC).
    public var rows: [[String?]] {
        get { cells.map { $0.map(\.plainText) } }
        set { cells = newValue.map { $0.map(ReportValue.text) } }
    }

    /// Appends a row of strings (nil is null).
    public mutating func append(_ row: [String?]) {
        append(cells: row.map(ReportValue.text))
    }

    /// Appends a row of typed cells.
    public mutating func append(cells row: [ReportValue]) {
        precondition(row.count == columns.count, "a row must have one value per column")
        cells.append(row)
    }

    /// The report as text in `format`, ending with a newline (JSON lines: nothing for no rows).
    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .table: renderTable()
        case .csv: renderCSV()
        case .json: renderJSON()
        case .jsonl: renderJSONLines()
        }
    }

    func renderTable() -> String {
        let texts = cells.map { $0.map { $0.tableText ?? "" } }
        var widths = columns.map { DisplayWidth.of($0.title) }
        for row in texts {
            for (index, value) in row.enumerated() { widths[index] = max(widths[index], DisplayWidth.of(value)) }
        }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (index, cell) in cells.enumerated() {
                let isLast = index == cells.count - 1
                text += isLast ? cell : DisplayWidth.pad(cell, to: widths[index]) + "  "
            }
            return text + "\n"
        }
        return texts.reduce(line(columns.map(\.title))) { $0 + line($1) }
    }

    func renderCSV() -> String {
        var out = CSVField.line(columns.map(\.key))
        for row in cells { out += row.map { CSVField.field($0.csvText, isText: $0.isText) }.joined(separator: ",") + "\r\n" }
        return out
    }

    func renderJSON() -> String {
        JSONText.encode(objects, pretty: true) + "\n"
    }

    func renderJSONLines() -> String {
        objects.map { JSONText.encode($0, pretty: false) + "\n" }.joined()
    }

    /// Each row as an object keyed by the columns' keys.
    var objects: [[String: ReportValue]] {
        cells.map { row in
            Dictionary(zip(columns.map(\.key), row), uniquingKeysWith: { first, _ in first })
        }
    }
}
