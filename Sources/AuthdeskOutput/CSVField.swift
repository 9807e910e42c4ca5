/// One CSV cell as RFC 4180 writes it, made safe for spreadsheets: a text cell that starts with
/// `=`, `+`, `-`, `@`, a tab or a carriage return (a formula to Excel, LibreOffice and Sheets)
/// gets a leading `'`; a cell with a comma, quote or line break is quoted.
public enum CSVField {
    /// The cell's text; empty for nil. `isText: false` (a number) is never taken for a formula.
    public static func field(_ value: String?, isText: Bool = true) -> String {
        guard var value else { return "" }
        if isText, let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            value = "'" + value
        }
        let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        return needsQuotes ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }

    /// A line of text cells, ending with CRLF.
    public static func line(_ values: [String?]) -> String {
        values.map { field($0) }.joined(separator: ",") + "\r\n"
    }
}
