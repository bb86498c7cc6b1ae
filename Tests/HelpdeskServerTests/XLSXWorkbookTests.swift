import Foundation
import Testing

@testable import HelpdeskServer

@Suite("XLSX workbook writer")
struct XLSXWorkbookTests {
    static let shanghai = TimeZone(identifier: "Asia/Shanghai")!

    static func workbook(
        _ rows: [[XLSXWorkbook.Cell]], rowsPerSheet: Int = 1_048_576, title: String = "跟踪表"
    ) throws -> WorkbookReader {
        let workbook = try XLSXWorkbook(
            sheetTitle: title, columns: [.init(title: "编号", width: 12), .init(title: "说明", width: 40)],
            timeZone: shanghai, rowsPerSheet: rowsPerSheet)
        for row in rows { try workbook.append(row) }
        let file = try workbook.finish()
        return try WorkbookReader(Array(try Data(contentsOf: file.url)))
    }

    @Test(
        "text cells carry any text XML can, escaped; what it cannot carry is dropped",
        arguments: [
            ("a & b <c> \"d\" 'e'", "a & b <c> \"d\" 'e'"),
            ("数据库连接错误", "数据库连接错误"),
            ("含\u{1}控制\u{1F}字符\u{8}", "含控制字符"),
            ("tab\tline\nbreak", "tab\tline\nbreak"),
            ("😀 𣏷 emoji and Ext-B", "😀 𣏷 emoji and Ext-B"),
            ("\u{FFFE}x\u{FFFF}", "x"),
            ("=1+1", "=1+1"),  // an inline string is never a formula
            ("  leading and trailing  ", "  leading and trailing  "),
        ])
    func text(value: String, read: String) throws {
        let book = try Self.workbook([[.text("1"), .text(value)]])
        let cell = try #require(book.sheets.first?.rows.last?.last)
        #expect(cell.type == "inlineStr" && cell.reference == "B2")
        #expect(cell.text == read)
    }

    @Test(
        "a cell longer than Excel allows is cut at a character, with an ellipsis", arguments: [32_766, 32_767, 40_000])
    func long(length: Int) throws {
        let value = String(repeating: "中", count: length - 1) + "😀"  // the last character is two UTF-16 units
        let book = try Self.workbook([[.text(value)]])
        let text = try #require(book.sheets.first?.rows.last?.first?.text)
        #expect(text.utf16.count <= XLSXWorkbook.maxCellCharacters)
        if value.utf16.count <= XLSXWorkbook.maxCellCharacters {
            #expect(text == value)
        } else {
            #expect(text.hasSuffix("中…") && text.utf16.count == XLSXWorkbook.maxCellCharacters)
        }
    }

    static let serials: [(String, Double)] = [
        ("2000-01-01T00:00:00+08:00", 36_526),
        ("1970-01-01T00:00:00Z", 25_569 + 8 / 24.0),
        ("2026-12-01T02:00:00Z", 46_357 + 10 / 24.0),  // 10:00 in Shanghai
        ("2026-12-31T16:00:00Z", 46_388),  // midnight of 1 January 2027 in Shanghai
        ("2026-12-01T02:00:00.400Z", 46_357 + 10 / 24.0),
    ]

    @Test("dates are day serials in the workbook's time zone, to the second", arguments: serials)
    func serial(instant: String, days: Double) throws {
        let workbook = try XLSXWorkbook(
            sheetTitle: "t", columns: [.init(title: "a", width: 1)], timeZone: Self.shanghai)
        let date = try #require(
            ISO8601DateFormatter.withFractions.date(from: instant) ?? ISO8601DateFormatter().date(from: instant))
        #expect(abs(workbook.serial(date) - days) < 1e-9)
        let book = try Self.workbook([[.text("1"), .date(date)]])
        let cell = try #require(book.sheets.first?.rows.last?.last)
        #expect(cell.type == nil && cell.style == "1" && abs(Double(cell.text)! - days) < 1e-9)
    }

    @Test("rows past a sheet's limit go on in the next sheet, each with the header", arguments: [0, 1, 2, 5])
    func sheets(rows: Int) throws {
        let data = (0..<rows).map { [XLSXWorkbook.Cell.text("HD-\($0)"), .number(Double($0))] }
        let book = try Self.workbook(data, rowsPerSheet: 3)
        #expect(book.sheets.count == max(1, (rows + 1) / 2))
        #expect(book.sheets.map(\.name).first == "跟踪表")
        if book.sheets.count > 1 { #expect(book.sheets[1].name == "跟踪表 (2)") }
        for sheet in book.sheets {
            #expect(sheet.rows.first?.map(\.text) == ["编号", "说明"] && sheet.rows.first?.first?.style == "2")
            #expect(
                sheet.xml.contains(#"state="frozen""#)
                    && sheet.xml.contains(#"<autoFilter ref="A1:B\#(sheet.rows.count)"/>"#))
        }
        let numbers = book.sheets.flatMap { $0.rows.dropFirst() }.map { $0[0].text }
        #expect(numbers == (0..<rows).map { "HD-\($0)" })
        let types = String(decoding: try WorkbookReader.part("[Content_Types].xml", book.parts), as: UTF8.self)
        #expect(book.sheets.indices.allSatisfy { types.contains("/xl/worksheets/sheet\($0 + 1).xml") })
    }

    @Test("a sheet name drops what Excel forbids and stays within 31 characters")
    func names() throws {
        let book = try Self.workbook([], title: "Tracking [2026/12]: a*very?long\\title")
        let name = try #require(book.sheets.first?.name)
        #expect(name == "Tracking 202612 averylong" && name.count <= 31)
        #expect(try WorkbookReader.elements("xf", in: WorkbookReader.part("xl/styles.xml", book.parts)).count == 4)
    }
}

extension ISO8601DateFormatter {
    fileprivate static var withFractions: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
