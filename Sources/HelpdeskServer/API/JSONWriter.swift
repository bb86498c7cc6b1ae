import Foundation
import HelpdeskCore
import Hummingbird

/// A minimal JSON writer for the hottest response, the ticket list: Foundation's JSONEncoder
/// spends most of a list request in generic Codable machinery. The output is equivalent to
/// `APICoding.encoder`'s (a test compares the two); keys are written in sorted order and nil
/// values are left out, as JSONEncoder does.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = []

    init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma.append(false)
    }
    mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma.removeLast()
    }
    mutating func beginArray(_ key: String) {
        self.key(key)
        bytes.append(UInt8(ascii: "["))
        needsComma.append(false)
    }
    mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma.removeLast()
    }

    mutating func field(_ key: String, _ value: String?) {
        guard let value else { return }
        self.key(key)
        string(value)
    }

    mutating func field(_ key: String, _ value: Int64?) {
        guard let value else { return }
        self.key(key)
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func field(_ key: String, _ value: Int) { field(key, Int64(value)) }

    mutating func field(_ key: String, _ value: Bool) {
        self.key(key)
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func field(_ key: String, _ value: Date?) {
        guard let value else { return }
        self.key(key)
        string(Self.iso8601(value))
    }

    /// `["a","b"]` under `key`.
    mutating func field(_ key: String, _ values: [String]) {
        self.key(key)
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            string(value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// A string map under `key`, keys sorted as JSONEncoder sorts them (by their UTF-8 bytes).
    mutating func field(_ key: String, _ values: [String: String]) {
        object(key)
        for (name, value) in values.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            field(name, value)
        }
        endObject()
    }

    /// A value of a rarely present, nested type, written by `APICoding.encoder` itself.
    mutating func encoded(_ key: String, _ value: (some Encodable)?) throws {
        guard let value else { return }
        self.key(key)
        bytes.append(contentsOf: try APICoding.encoder.encode(value))
    }

    /// Starts a nested object under `key`.
    mutating func object(_ key: String) {
        self.key(key)
        bytes.append(UInt8(ascii: "{"))
        needsComma.append(false)
    }

    private mutating func separate() {
        guard !needsComma.isEmpty else { return }
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
    }

    private mutating func key(_ key: String) {
        separate()
        string(key)
        bytes.append(UInt8(ascii: ":"))
    }

    private mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        let utf8 = value.utf8
        if !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            bytes.append(contentsOf: utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `yyyy-MM-ddTHH:mm:ssZ` in UTC, whole seconds rounded down, like JSONEncoder's `.iso8601`.
    static func iso8601(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let date = LocalDate(daysSinceEpoch: Int(days))
        let (year, month, day) = (Int64(date.year), Int64(date.month), Int64(date.day))
        func pad(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(secondOfDay / 3600, 2)):"
            + "\(pad(secondOfDay % 3600 / 60, 2)):\(pad(secondOfDay % 60, 2))Z"
    }
}

extension TicketListResponse {
    /// The list written with ``JSONWriter``.
    func json() -> [UInt8] {
        var writer = JSONWriter(capacity: 1024 + items.count * 900)
        writer.beginObject()
        writer.beginArray("items")
        for item in items { item.write(to: &writer) }
        writer.endArray()
        writer.field("nextCursor", nextCursor)
        writer.endObject()
        return writer.bytes
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        try JSONWriter.response(json())
    }
}

extension JSONWriter {
    /// A 200 answer with `bytes` as its JSON body (callers set another status, as EditedResponse does).
    static func response(_ bytes: [UInt8]) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

extension SLAState {
    func write(_ key: String, to writer: inout JSONWriter) {
        writer.object(key)
        writer.field("hardLimitBreached", hardLimitBreached)
        writer.field("hardLimitDueAt", hardLimitDueAt)
        writer.field("paused", paused)
        writer.field("pausedMinutes", pausedMinutes)
        writer.field("pausedSince", pausedSince)
        writer.field("priority", priority.rawValue)
        writer.field("resolutionBreached", resolutionBreached)
        writer.field("resolutionDueAt", resolutionDueAt)
        writer.field("resolutionRemainingMinutes", resolutionRemainingMinutes)
        writer.field("resolvedAt", resolvedAt)
        writer.field("respondedAt", respondedAt)
        writer.field("responseBreached", responseBreached)
        writer.field("responseDueAt", responseDueAt)
        writer.field("responseRemainingMinutes", responseRemainingMinutes)
        writer.endObject()
    }
}

extension TicketSummaryResponse {
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("assigneeId", assigneeId)
        writer.field("categoryId", categoryId)
        writer.field("groupId", groupId)
        writer.field("id", id)
        writer.field("number", number)
        writer.field("priority", priority.rawValue)
        writer.field("requesterName", requesterName)
        sla.write("sla", to: &writer)
        writer.field("status", status.rawValue)
        writer.field("subcategoryId", subcategoryId)
        writer.field("submittedAt", submittedAt)
        writer.field("tier", tier.rawValue)
        writer.field("title", title)
        writer.field("type", type.rawValue)
        writer.field("updatedAt", updatedAt)
        writer.endObject()
    }
}
