import AuthdeskOutput
import AuthdeskText
import Foundation
import Testing

@Suite struct ReportTests {
    var report: Report {
        var report = Report(columns: [.init("name", "NAME"), .init("upn", "PRINCIPAL"), .init("mail", "MAIL")])
        report.append(["Cameron White", "CameronW@contoso.com", nil])
        report.append(["山田 太郎", "taro@contoso.com", "a,\"b\""])
        return report
    }

    @Test func tableAlignsByDisplayWidth() {
        let lines = report.render(.table).split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        // The second column starts at the same display column on every line.
        let seconds = ["PRINCIPAL", "CameronW@contoso.com", "taro@contoso.com"]
        let starts = zip(lines, seconds).map { line, value -> Int in
            let prefix = line[..<(line.range(of: value)?.lowerBound ?? line.endIndex)]
            return DisplayWidth.of(String(prefix))
        }
        #expect(starts == [15, 15, 15])
        #expect(lines[0].hasPrefix("NAME"))
    }

    @Test func csvQuotesWhatNeedsIt() {
        let text = report.render(.csv)
        #expect(text == "name,upn,mail\r\nCameron White,CameronW@contoso.com,\r\n山田 太郎,taro@contoso.com,\"a,\"\"b\"\"\"\r\n")
    }

    @Test func jsonIsAnArrayOfObjectsWithNulls() throws {
        let data = Data(report.render(.json).utf8)
        let value = try JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        #expect(value?.count == 2)
        #expect(value?[0]["upn"] as? String == "CameronW@contoso.com")
        #expect(value?[0]["mail"] is NSNull)
        #expect(value?[1]["name"] as? String == "山田 太郎")
    }

    var typed: Report {
        var report = Report(columns: [
            .init("name", "NAME"), .init("minutes", "MINUTES"), .init("once", "ONCE"), .init("starts", "STARTS"), .init("note", "NOTE"),
        ])
        report.append(cells: [.string("=HYPERLINK(\"http://x\",\"y\")"), 60, false, .date(Date(timeIntervalSince1970: 1_764_702_519)), .null])
        report.append(cells: [.string("Eve\u{1B}]52;c;eA==\u{07}\u{202E}"), .int(-5), true, .null, .string("+1 2065550123")])
        return report
    }

    @Test func jsonHasNumbersBooleansNullsAndUTCTimes() throws {
        let value = try JSONSerialization.jsonObject(with: Data(typed.render(.json).utf8)) as? [[String: Any]]
        let first = try #require(value?.first)
        #expect(first["minutes"] as? Int == 60)
        #expect(first["starts"] as? String == "2025-12-02T19:08:39Z")
        #expect(first["note"] is NSNull)
        #expect(value?[1]["name"] as? String == "Eve\u{1B}]52;c;eA==\u{07}\u{202E}")
        #expect(typed.render(.json).contains("\"once\" : false"))
    }

    @Test func jsonLinesAreOneCompactObjectALine() {
        let lines = typed.render(.jsonl).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("{\"minutes\":60,"))
        #expect(Report(columns: [.init("a", "A")]).render(.jsonl).isEmpty)
    }

    @Test func csvWritesTimesAsISOAndGuardsFormulasAndEscapes() {
        let lines = typed.render(.csv).components(separatedBy: "\r\n")
        #expect(lines[0] == "name,minutes,once,starts,note")
        #expect(lines[1] == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",60,false,2025-12-02T19:08:39Z,")
        #expect(lines[2] == "Eve\\e]52;c;eA==\\u{7}\\u{202E},-5,true,,'+1 2065550123")
        for cell in ["-1", "@SUM(A1)", "\tx", "+x"] { #expect(CSVField.field(cell) == "'" + cell) }
    }

    @Test func theTableShowsServiceTextEscapedAndTimesLocally() {
        let table = typed.render(.table)
        #expect(!table.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
        #expect(table.contains("Eve\\e]52;c;eA==\\u{7}\\u{202E}"))
        #expect(table.contains(ReportValue.readable(Date(timeIntervalSince1970: 1_764_702_519))))
        #expect(ReportValue.readable(Date(timeIntervalSince1970: 1_764_702_519), in: TimeZone(identifier: "UTC")!) == "2025-12-02 19:08:39 UTC")
        #expect(table.contains("no") && table.contains("yes"))
    }

    @Test func rowsOfStringsStillWork() {
        var report = Report(columns: [.init("a", "A"), .init("b", "B")])
        report.append(["x", nil])
        report.rows.append(["y", "z"])
        #expect(report.rows == [["x", nil], ["y", "z"]])
        #expect(report.render(.csv) == "a,b\r\nx,\r\ny,z\r\n")
    }
}
