import Foundation

/// Byte helpers the adapters share.
enum IMBytes {
    /// Equal length and equal bytes, in time that does not depend on where they differ.
    static func constantTimeEqual(_ a: some Collection<UInt8>, _ b: some Collection<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        constantTimeEqual(Array(a.utf8), Array(b.utf8))
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A Unix timestamp (seconds, or milliseconds with `millis`) within `window` seconds of `now`.
    static func checkWindow(_ raw: String?, now: Date, window: TimeInterval, millis: Bool = false) throws {
        guard let raw, let value = Double(raw.trimmingCharacters(in: .whitespaces)) else { throw IMRejection.stale }
        let seconds = millis ? value / 1000 : value
        guard abs(now.timeIntervalSince1970 - seconds) <= window else { throw IMRejection.stale }
    }

    static func decode<T: Decodable>(_ type: T.Type, _ bytes: some DataProtocol) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(bytes))
        } catch {
            throw IMRejection.malformed("json")
        }
    }
}
