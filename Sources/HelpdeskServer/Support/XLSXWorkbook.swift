import Foundation
import HelpdeskCore
import ZIPFoundation

/// A one-table Office Open XML workbook (SpreadsheetML), written row by row to a temporary file
/// so that its size never lives in memory: typed cells (text, number, date), a bold frozen
/// header with a filter, column widths, and a landscape page that repeats the header when
/// printed. When the rows pass a sheet's limit (Excel's is 1 048 576) the table goes on in
/// another sheet with the header repeated, so no row is lost.
/// ``finish()`` puts the parts into a ZIP container (ZIPFoundation, deflate) and returns it.
final class XLSXWorkbook {
    enum Cell {
        case text(String)
        case number(Double)
        /// Shown in the workbook's time zone, to the minute.
        case date(Date)
        case empty
    }

    struct Column {
        let title: String
        /// In characters of the default font.
        let width: Double
    }

    /// Excel refuses a workbook with a longer cell.
    static let maxCellCharacters = 32_767

    let directory: URL
    let sheetTitle: String
    let columns: [Column]
    /// The workbook's time zone and its offsets, looked up once per quarter hour met.
    private var offsets: LocalTimeFormatter
    var timeZone: TimeZone { offsets.timeZone }
    let rowsPerSheet: Int
    private var sheets: [Int] = []  // rows written per finished sheet, header included
    private var current: FileHandle?
    private var rowsInSheet = 0
    private var buffer: [UInt8] = []

    /// - Parameter rowsPerSheet: rows per sheet, the header included.
    init(sheetTitle: String, columns: [Column], timeZone: TimeZone, rowsPerSheet: Int = 1_048_576) throws {
        precondition(rowsPerSheet >= 2 && columns.count <= 26)
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "helpdesk-xlsx-" + UUID().uuidString, isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        self.sheetTitle = sheetTitle
        self.columns = columns
        offsets = LocalTimeFormatter(timeZone: timeZone)
        self.rowsPerSheet = rowsPerSheet
        buffer.reserveCapacity(1 << 20)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    func append(_ cells: [Cell]) throws {
        if current == nil || rowsInSheet == rowsPerSheet { try startSheet() }
        rowsInSheet += 1
        row(cells, style: nil)
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// The workbook, a ZIP of its parts, as a temporary file that is removed with the returned
    /// object; the parts written so far are removed now.
    func finish() throws -> TemporaryFile {
        if current == nil { try startSheet() }
        try endSheet()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = TemporaryFile(extension: "xlsx")
        let url = file.url
        let archive = try Archive(url: url, accessMode: .create)
        let parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes()),
            ("_rels/.rels", Self.packageRelationships),
            ("xl/workbook.xml", workbook()),
            ("xl/_rels/workbook.xml.rels", workbookRelationships()),
            ("xl/styles.xml", Self.styles),
        ]
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        for index in sheets.indices {
            try archive.addEntry(
                with: "xl/worksheets/sheet\(index + 1).xml", fileURL: sheetURL(index), compressionMethod: .deflate,
                bufferSize: 1 << 18)
            try FileManager.default.removeItem(at: sheetURL(index))
        }
        return file
    }

    // MARK: Sheets

    private func sheetURL(_ index: Int) -> URL { directory.appendingPathComponent("sheet\(index + 1).xml") }

    private func startSheet() throws {
        if current != nil { try endSheet() }
        let url = sheetURL(sheets.count)
        FileManager.default.createFile(atPath: url.path, contents: nil)
        current = try FileHandle(forWritingTo: url)
        var head =
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
            + #"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#
            + #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
            + #"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>"#
            + #"<sheetFormatPr defaultRowHeight="15"/><cols>"#
        for (index, column) in columns.enumerated() {
            head += #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(column.width)" customWidth="1"/>"#
        }
        head += "</cols><sheetData>"
        buffer.append(contentsOf: head.utf8)
        rowsInSheet = 1
        row(columns.map { .text($0.title) }, style: 2)
    }

    private func endSheet() throws {
        let last = Self.columnName(columns.count - 1)
        // Printed landscape on A4, as wide as the page, with the header on every page.
        let tail =
            #"</sheetData><autoFilter ref="A1:\#(last)\#(rowsInSheet)"/>"#
            + #"<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>"#
            + #"<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>"#
        buffer.append(contentsOf: tail.utf8)
        try flush()
        try current?.close()
        current = nil
        sheets.append(rowsInSheet)
    }

    private func flush() throws {
        try current?.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func row(_ cells: [Cell], style: Int?) {
        let number = String(rowsInSheet)
        buffer.append(contentsOf: #"<row r="\#(number)">"#.utf8)
        let styled = style.map { #" s="\#($0)""# } ?? ""
        for (index, cell) in cells.enumerated() {
            let reference = Self.columnName(index) + number
            switch cell {
            case .empty:
                continue
            case .text(let value):
                buffer.append(
                    contentsOf: #"<c r="\#(reference)"\#(styled) t="inlineStr"><is><t xml:space="preserve">"#.utf8)
                Self.appendEscaped(value, to: &buffer)
                buffer.append(contentsOf: "</t></is></c>".utf8)
            case .number(let value):
                buffer.append(contentsOf: #"<c r="\#(reference)"\#(styled)><v>\#(value)</v></c>"#.utf8)
            case .date(let date):
                buffer.append(contentsOf: #"<c r="\#(reference)" s="1"><v>\#(serial(date))</v></c>"#.utf8)
            }
        }
        buffer.append(contentsOf: "</row>".utf8)
    }

    /// Days since 1899-12-30 in the workbook's time zone, to the second.
    func serial(_ date: Date) -> Double {
        let seconds = (date.timeIntervalSince1970 + Double(offsets.offset(at: date))).rounded()
        return seconds / 86_400 + 25_569
    }

    static func columnName(_ index: Int) -> String {
        String(UnicodeScalar(UInt8(ascii: "A") + UInt8(index)))
    }

    /// XML text: `&`, `<`, `>` escaped, characters XML 1.0 cannot carry (C0 controls other than
    /// tab and line breaks, U+FFFE, U+FFFF) dropped, and at most ``maxCellCharacters`` UTF-16
    /// units, cut at a character boundary with `…`.
    static func appendEscaped(_ text: String, to buffer: inout [UInt8]) {
        let limit = text.utf16.count > maxCellCharacters ? maxCellCharacters - 1 : Int.max
        var units = 0
        for scalar in text.unicodeScalars {
            units += scalar.utf16.count
            if units > limit {
                buffer.append(contentsOf: "…".utf8)
                return
            }
            switch scalar {
            case "&": buffer.append(contentsOf: "&amp;".utf8)
            case "<": buffer.append(contentsOf: "&lt;".utf8)
            case ">": buffer.append(contentsOf: "&gt;".utf8)
            case "\t", "\n", "\r": buffer.append(UInt8(scalar.value))
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": continue
            default:
                appendUTF8(scalar, to: &buffer)
            }
        }
    }

    private static func appendUTF8(_ scalar: Unicode.Scalar, to buffer: inout [UInt8]) {
        let value = scalar.value
        switch value {
        case 0..<0x80:
            buffer.append(UInt8(value))
        case 0x80..<0x800:
            buffer.append(UInt8(0xC0 | value >> 6))
            buffer.append(UInt8(0x80 | value & 0x3F))
        case 0x800..<0x10000:
            buffer.append(UInt8(0xE0 | value >> 12))
            buffer.append(UInt8(0x80 | value >> 6 & 0x3F))
            buffer.append(UInt8(0x80 | value & 0x3F))
        default:
            buffer.append(UInt8(0xF0 | value >> 18))
            buffer.append(UInt8(0x80 | value >> 12 & 0x3F))
            buffer.append(UInt8(0x80 | value >> 6 & 0x3F))
            buffer.append(UInt8(0x80 | value & 0x3F))
        }
    }

    // MARK: Package parts

    /// Sheet names: at most 31 characters, none of `[]:*?/\`.
    func sheetName(_ index: Int) -> String {
        let base = String(sheetTitle.filter { !"[]:*?/\\".contains($0) }.prefix(25))
        return index == 0 ? base : "\(base) (\(index + 1))"
    }

    private func contentTypes() -> String {
        var text =
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
            + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        for index in sheets.indices {
            text +=
                #"<Override PartName="/xl/worksheets/sheet\#(index + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        return text + "</Types>"
    }

    private static let packageRelationships =
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    private func workbook() -> String {
        var sheetList = ""
        var names = ""
        let last = Self.columnName(columns.count - 1)
        for (index, rows) in sheets.enumerated() {
            let name = Self.attribute(sheetName(index))
            sheetList += #"<sheet name="\#(name)" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
            let quoted = sheetName(index).replacingOccurrences(of: "'", with: "''")
            names +=
                #"<definedName name="_xlnm._FilterDatabase" localSheetId="\#(index)" hidden="1">"#
                + Self.attribute("'\(quoted)'!$A$1:$\(last)$\(rows)") + "</definedName>"
                + #"<definedName name="_xlnm.Print_Titles" localSheetId="\#(index)">"#
                + Self.attribute("'\(quoted)'!$1:$1") + "</definedName>"
        }
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
            + "<sheets>\(sheetList)</sheets><definedNames>\(names)</definedNames></workbook>"
    }

    private func workbookRelationships() -> String {
        var text =
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for index in sheets.indices {
            text +=
                #"<Relationship Id="rId\#(index + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(index + 1).xml"/>"#
        }
        let styles = sheets.count + 1
        return text
            + #"<Relationship Id="rId\#(styles)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
            + "</Relationships>"
    }

    /// Cell formats: 0 plain, 1 date and time, 2 the bold header.
    private static let styles =
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        + #"<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/></numFmts>"#
        + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>"#
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"

    private static func attribute(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendEscaped(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\"", with: "&quot;")
    }
}
