/// Addresses inside the desk's own network: loopback, link-local, private (RFC 1918, RFC 4193),
/// shared (RFC 6598), unspecified and multicast, and `localhost` names. Webhooks are refused
/// there unless an administrator allows it, so a webhook cannot be aimed at the server itself
/// or at internal services (SSRF).
public enum InternalAddress {
    /// A URL's host as written: a name, an IPv4 literal or an IPv6 literal (with or without brackets).
    public static func isInternal(host: String) -> Bool {
        var name = host.lowercased()
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        if name.hasSuffix(".") { name.removeLast() }
        if name == "localhost" || name.hasSuffix(".localhost") { return true }
        if let bytes = ipv4(name) { return isInternal(bytes) }
        if let bytes = ipv6(name) { return isInternal(bytes) }
        return false
    }

    /// An address of 4 (IPv4) or 16 (IPv6) bytes.
    public static func isInternal(_ bytes: [UInt8]) -> Bool {
        switch bytes.count {
        case 4:
            let (a, b) = (bytes[0], bytes[1])
            return a == 0 || a == 10 || a == 127 || (a == 169 && b == 254) || (a == 172 && (16...31).contains(b))
                || (a == 192 && b == 168) || (a == 100 && (64...127).contains(b)) || a >= 224
        case 16:
            if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF {
                return isInternal(Array(bytes[12...]))  // IPv4-mapped
            }
            if bytes.allSatisfy({ $0 == 0 }) { return true }  // ::
            if bytes[0..<15].allSatisfy({ $0 == 0 }), bytes[15] == 1 { return true }  // ::1
            return (bytes[0] & 0xFE) == 0xFC  // fc00::/7 unique local
                || (bytes[0] == 0xFE && (bytes[1] & 0xC0) == 0x80)  // fe80::/10 link-local
                || bytes[0] == 0xFF  // multicast
        default:
            return false
        }
    }

    /// `a.b.c.d` with four decimal parts 0–255.
    public static func ipv4(_ text: String) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCII), part.allSatisfy(\.isNumber),
                let value = UInt8(part)
            else { return nil }
            bytes.append(value)
        }
        return bytes
    }

    /// RFC 4291 text form, `::` and a trailing IPv4 part included; a zone (`%eth0`) is ignored.
    public static func ipv6(_ text: String) -> [UInt8]? {
        let address = text.split(separator: "%", maxSplits: 1).first.map(String.init) ?? text
        guard address.contains(":") else { return nil }
        let halves = address.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt8]? {
            guard !part.isEmpty else { return [] }
            var bytes: [UInt8] = []
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                if index == pieces.count - 1, piece.contains(".") {
                    guard let v4 = ipv4(String(piece)) else { return nil }
                    bytes += v4
                    continue
                }
                guard (1...4).contains(piece.count), let value = UInt16(piece, radix: 16) else { return nil }
                bytes += [UInt8(value >> 8), UInt8(value & 0xFF)]
            }
            return bytes
        }
        guard let head = groups(halves[0]) else { return nil }
        if halves.count == 1 { return head.count == 16 ? head : nil }
        guard let tail = groups(halves[1]), head.count + tail.count <= 14 else { return nil }
        return head + Array(repeating: 0, count: 16 - head.count - tail.count) + tail
    }
}
