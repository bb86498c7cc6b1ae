import Foundation
import Testing

@testable import HelpdeskServer

@Suite("The tracking table as CSV (R7.3)")
struct TrackingCSVTests {
    @Test(
        "fields are quoted per RFC 4180 and never run as a spreadsheet formula",
        arguments: [
            ("打印机卡纸", "打印机卡纸"), ("邮箱已满, 无法收信", "\"邮箱已满, 无法收信\""), ("他说\"不行\"", "\"他说\"\"不行\"\"\""),
            ("第一行\n第二行", "\"第一行\n第二行\""), ("a\r\nb", "\"a\r\nb\""), ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
            ("+86 138", "'+86 138"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"), ("", ""),
            ("TS20261201001", "TS20261201001"),
        ])
    func field(value: String, written: String) {
        #expect(TrackingCSV.field(value) == written)
    }

    @Test("the header names every column in the reader's language", arguments: [("zh-CN", "工单编号"), ("en", "Number")])
    func header(locale: String, first: String) throws {
        let localizer = try Localizer.bundled()
        let header = TrackingCSV.header(TrackingTexts(localizer: localizer, locale: locale, timeZone: .gmt))
        let titles = header.dropLast(2).split(separator: ",")
        #expect(
            header.hasSuffix("\r\n") && titles.count == TrackingTexts.columns.count && titles.first == Substring(first))
        #expect(!header.contains("report.tracking."))
    }
}
