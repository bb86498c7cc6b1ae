import Foundation
import NIOCore
import NIOPosix

/// Where e-mail goes: an SMTP relay (plain SMTP, optional AUTH PLAIN; no TLS — use a local
/// relay such as Postfix for encrypted onward delivery).
public struct SMTPConfiguration: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var from: String
    public var username: String?
    public var password: String?

    public init(host: String, port: Int = 25, from: String, username: String? = nil, password: String? = nil) {
        self.host = host
        self.port = port
        self.from = from
        self.username = username
        self.password = password
    }
}

struct SMTPError: Error, CustomStringConvertible {
    var description: String
}

/// A minimal SMTP client: one connection per message, UTF-8 subject and base64 body.
struct SMTPClient: Sendable {
    let configuration: SMTPConfiguration

    func send(to recipient: String, subject: String, body: String, date: Date) async throws {
        guard !recipient.contains("\r"), !recipient.contains("\n"), recipient.contains("@") else {
            throw SMTPError(description: "invalid recipient")
        }
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .connect(host: configuration.host, port: configuration.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let message = Self.message(from: configuration.from, to: recipient, subject: subject, body: body, date: date)
        try await channel.executeThenClose { inbound, outbound in
            var replies = ReplyReader(iterator: inbound.makeAsyncIterator())
            func expect(_ code: Int) async throws {
                let reply = try await replies.next()
                guard reply.code == code else { throw SMTPError(description: "expected \(code), got \(reply.text)") }
            }
            func command(_ line: String, expect code: Int) async throws {
                try await outbound.write(ByteBuffer(string: line + "\r\n"))
                try await expect(code)
            }
            try await expect(220)
            try await command("EHLO helpdesk", expect: 250)
            if let user = configuration.username, let password = configuration.password {
                let token = Data("\0\(user)\0\(password)".utf8).base64EncodedString()
                try await command("AUTH PLAIN \(token)", expect: 235)
            }
            try await command("MAIL FROM:<\(configuration.from)>", expect: 250)
            try await command("RCPT TO:<\(recipient)>", expect: 250)
            try await command("DATA", expect: 354)
            try await command(message + "\r\n.", expect: 250)
            try await outbound.write(ByteBuffer(string: "QUIT\r\n"))
        }
    }

    /// RFC 5322 message with an RFC 2047 subject and a base64 UTF-8 text body.
    static func message(from: String, to: String, subject: String, body: String, date: Date) -> String {
        let encodedSubject = "=?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?="
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        let encodedBody = Data(body.utf8).base64EncodedString(options: [
            .lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed,
        ])
        return [
            "From: \(from)", "To: \(to)", "Subject: \(encodedSubject)", "Date: \(formatter.string(from: date))",
            "Message-ID: <\(UUID().uuidString)@helpdesk>", "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: base64", "", encodedBody,
        ].joined(separator: "\r\n")
    }
}

/// Reads SMTP replies (multi-line ones end with `NNN ` instead of `NNN-`).
private struct ReplyReader {
    var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    var pending = ""

    mutating func next() async throws -> (code: Int, text: String) {
        var lines: [String] = []
        while true {
            while let range = pending.range(of: "\r\n") {
                let line = String(pending[..<range.lowerBound])
                pending = String(pending[range.upperBound...])
                lines.append(line)
                let chars = Array(line)
                if chars.count >= 3, chars.count == 3 || chars[3] == " " {
                    return (Int(String(chars[0..<3])) ?? 0, lines.joined(separator: "\n"))
                }
            }
            guard var buffer = try await iterator.next() else { throw SMTPError(description: "connection closed") }
            pending += buffer.readString(length: buffer.readableBytes) ?? ""
        }
    }
}
