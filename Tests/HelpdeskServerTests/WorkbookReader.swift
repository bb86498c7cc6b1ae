import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads back what ``XLSXWorkbook`` writes, as a spreadsheet program would: the ZIP container,
/// each part well-formed XML, the sheets in workbook order, and each cell's type, style and text.
struct WorkbookReader {
    struct Cell: Equatable {
        var reference = ""
        var type: String?
        var style: String?
        var text = ""
    }

    struct Sheet {
        var name: String
        var rows: [[Cell]]
        var xml: String
    }

    let parts: [String: Data]
    let sheets: [Sheet]

    init(_ bytes: [UInt8]) throws {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = data
        }
        self.parts = parts
        let names = try Self.elements("sheet", in: try Self.part("xl/workbook.xml", parts)).map { $0["name"] ?? "" }
        var sheets: [Sheet] = []
        for (index, name) in names.enumerated() {
            let data = try Self.part("xl/worksheets/sheet\(index + 1).xml", parts)
            sheets.append(
                Sheet(name: name, rows: try CellCollector.rows(data), xml: String(decoding: data, as: UTF8.self)))
        }
        self.sheets = sheets
    }

    struct Malformed: Error { let part: String }

    static func part(_ path: String, _ parts: [String: Data]) throws -> Data {
        guard let data = parts[path] else { throw Malformed(part: path) }
        return data
    }

    /// The attributes of every element with this name; throws unless the document is well-formed.
    static func elements(_ name: String, in data: Data) throws -> [[String: String]] {
        let collector = AttributeCollector(name: name)
        let parser = XMLParser(data: data)
        parser.delegate = collector
        guard parser.parse() else { throw Malformed(part: name) }
        return collector.found
    }

    final class AttributeCollector: NSObject, XMLParserDelegate {
        let name: String
        var found: [[String: String]] = []
        init(name: String) { self.name = name }
        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String]
        ) {
            if elementName == name { found.append(attributes) }
        }
    }

    final class CellCollector: NSObject, XMLParserDelegate {
        var rows: [[Cell]] = []
        var cell: Cell?
        var inText = false

        static func rows(_ data: Data) throws -> [[Cell]] {
            let collector = CellCollector()
            let parser = XMLParser(data: data)
            parser.delegate = collector
            guard parser.parse() else { throw Malformed(part: "sheet") }
            return collector.rows
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String]
        ) {
            switch elementName {
            case "row": rows.append([])
            case "c": cell = Cell(reference: attributes["r"] ?? "", type: attributes["t"], style: attributes["s"])
            case "t", "v": inText = true
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { cell?.text += string }
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
        ) {
            switch elementName {
            case "c":
                if let cell { rows[rows.count - 1].append(cell) }
                cell = nil
            case "t", "v": inText = false
            default: break
            }
        }
    }
}
