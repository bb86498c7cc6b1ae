import Foundation

/// One piece of an IMAP command line: protocol text as it is, or a string argument, sent as a
/// quoted string when it is plain ASCII and as a literal (`{n}` and the UTF-8 bytes after the
/// server's go-ahead) otherwise, so no value can end the line or smuggle in a second command.
public enum IMAPArgument: Sendable, Equatable {
    case atom(String)
    case quoted(String)
    case literal([UInt8])

    /// A user name, password or search value.
    public static func string(_ value: String) -> IMAPArgument {
        let plain = value.utf8.allSatisfy { (0x20...0x7E).contains($0) }
        guard plain else { return .literal(Array(value.utf8)) }
        return .quoted(value)
    }

    /// A mailbox name in IMAP's modified UTF-7 (RFC 3501 §5.1.3), so `收件箱/工单` works.
    public static func mailbox(_ name: String) -> IMAPArgument {
        .quoted(IMAPMailboxName.encode(name))
    }

    /// How the piece is written on the wire (a literal's bytes follow its `{n}` line).
    public var wire: String {
        switch self {
        case .atom(let text): text
        case .quoted(let text):
            "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                + "\""
        case .literal(let bytes): "{\(bytes.count)}"
        }
    }
}

/// Modified UTF-7 for mailbox names: printable ASCII stays (`&` becomes `&-`), any other run is
/// `&`, the modified base64 (`,` for `/`, no padding) of its UTF-16BE code units, and `-`.
public enum IMAPMailboxName {
    public static func encode(_ name: String) -> String {
        var out = ""
        var pending: [UInt16] = []
        func flush() {
            guard !pending.isEmpty else { return }
            var bytes: [UInt8] = []
            for unit in pending { bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
            let base64 = Data(bytes).base64EncodedString().replacingOccurrences(of: "/", with: ",")
                .replacingOccurrences(of: "=", with: "")
            out += "&" + base64 + "-"
            pending = []
        }
        for scalar in name.unicodeScalars {
            if (0x20...0x7E).contains(scalar.value) {
                flush()
                out += scalar == "&" ? "&-" : String(scalar)
            } else {
                pending += Array(String(scalar).utf16)
            }
        }
        flush()
        return out
    }

    public static func decode(_ encoded: String) -> String? {
        var out = ""
        var rest = Substring(encoded)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let dash = rest[amp...].firstIndex(of: "-") else { return nil }
            let run = rest[rest.index(after: amp)..<dash]
            if run.isEmpty {
                out += "&"
            } else {
                var base64 = run.replacingOccurrences(of: ",", with: "/")
                while base64.count % 4 != 0 { base64 += "=" }
                guard let data = Data(base64Encoded: base64), data.count % 2 == 0 else { return nil }
                let units = stride(from: 0, to: data.count, by: 2).map {
                    UInt16(data[data.startIndex + $0]) << 8 | UInt16(data[data.startIndex + $0 + 1])
                }
                out += String(decoding: units, as: UTF16.self)
            }
            rest = rest[rest.index(after: dash)...]
        }
        return out + rest
    }
}
