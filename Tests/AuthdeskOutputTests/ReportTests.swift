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
}
