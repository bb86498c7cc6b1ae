import Foundation
import HelpdeskCore
import HelpdeskMail
import NIOCore
import NIOPosix
import NIOSSL

/// How the connection to the relay is protected.
public enum SMTPSecurity: String, Sendable, CaseIterable {
    /// Plain SMTP: for a relay on the same host (Postfix on localhost).
    case none
    /// Plain connection upgraded with STARTTLS before anything else is sent (port 587).
    case starttls
    /// TLS from the first byte (SMTPS, port 465).
    case tls
}

/// Where e-mail goes: an SMTP relay, with STARTTLS or implicit TLS and AUTH PLAIN. Credentials
/// are only ever sent over TLS, or in plain text to a relay on a loopback address.
public struct SMTPConfiguration: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var from: String
    public var username: String?
    public var password: String?
    public var security: SMTPSecurity
    /// PEM file of the certificate authorities to trust instead of the system's.
    public var trustRootsFile: String?

    public init(
        host: String, port: Int = 25, from: String, username: String? = nil, password: String? = nil,
        security: SMTPSecurity = .none, trustRootsFile: String? = nil
    ) {
        self.host = host
        self.port = port
        self.from = from
        self.username = username
        self.password = password
        self.security = security
        self.trustRootsFile = trustRootsFile
    }

    /// Loopback relays may take AUTH without TLS: the password never leaves the machine.
    var isLoopback: Bool {
        let name = host.lowercased()
        return name == "localhost" || name == "::1" || name == "[::1]" || name.hasPrefix("127.")
    }
}

struct SMTPError: Error, CustomStringConvertible {
    var description: String
}

/// A small SMTP client: one connection per message, UTF-8 subject and base64 body. Every value
/// that reaches a command or a header is checked first, so no CR or LF can be smuggled in.
struct SMTPClient: Sendable {
    let configuration: SMTPConfiguration

    func send(to recipient: String, subject: String, body: String, date: Date) async throws {
        try await send(
            OutgoingMail(
                from: configuration.from, to: recipient, subject: subject, body: body, date: date,
                messageId: OutgoingMail.newMessageId(from: configuration.from)))
    }

    func send(_ mail: OutgoingMail) async throws {
        let recipient = mail.to
        guard EmailAddress.isValid(recipient) else { throw SMTPError(description: "invalid recipient") }
        guard EmailAddress.isValid(configuration.from) else { throw SMTPError(description: "invalid sender") }
        let credentials = configuration.username.flatMap { user in configuration.password.map { (user, $0) } }
        if credentials != nil, configuration.security == .none, !configuration.isLoopback {
            throw SMTPError(
                description:
                    "refusing AUTH over an unencrypted connection to \(configuration.host): use starttls or tls")
        }
        let tls = configuration.security == .none ? nil : try makeTLSContext()
        let serverName = Self.isIPAddress(configuration.host) ? nil : configuration.host
        let (stream, continuation) = AsyncThrowingStream<ByteBuffer, any Error>.makeStream()
        let implicit = configuration.security == .tls
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if implicit, let tls {
                        try channel.pipeline.syncOperations.addHandler(
                            try NIOSSLClientHandler(context: tls, serverHostname: serverName))
                    }
                    try channel.pipeline.syncOperations.addHandler(InboundBytes(continuation))
                }
            }
            .connect(host: configuration.host, port: configuration.port).get()
        defer { channel.close(promise: nil) }
        var replies = ReplyReader(iterator: stream.makeAsyncIterator())
        func expect(_ code: Int) async throws {
            let reply = try await replies.next()
            guard reply.code == code else { throw SMTPError(description: "expected \(code), got \(reply.text)") }
        }
        func command(_ line: String, expect code: Int) async throws {
            try await channel.writeAndFlush(ByteBuffer(string: line + "\r\n"))
            try await expect(code)
        }
        try await expect(220)
        try await command("EHLO helpdesk", expect: 250)
        if configuration.security == .starttls, let tls {
            try await command("STARTTLS", expect: 220)
            try await channel.eventLoop.submit {
                try channel.pipeline.syncOperations.addHandler(
                    try NIOSSLClientHandler(context: tls, serverHostname: serverName), position: .first)
            }.get()
            // RFC 3207: forget what the server said before TLS and greet it again.
            try await command("EHLO helpdesk", expect: 250)
        }
        if let (user, password) = credentials {
            let token = Data("\0\(user)\0\(password)".utf8).base64EncodedString()
            try await command("AUTH PLAIN \(token)", expect: 235)
        }
        let message = mail.rendered
        try await command("MAIL FROM:<\(configuration.from)>", expect: 250)
        try await command("RCPT TO:<\(recipient)>", expect: 250)
        try await command("DATA", expect: 354)
        try await command(message + "\r\n.", expect: 250)
        try await channel.writeAndFlush(ByteBuffer(string: "QUIT\r\n"))
    }

    private func makeTLSContext() throws -> NIOSSLContext {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        if let file = configuration.trustRootsFile { tls.trustRoots = .file(file) }
        return try NIOSSLContext(configuration: tls)
    }

    static func isIPAddress(_ host: String) -> Bool {
        InternalAddress.ipv4(host) != nil || InternalAddress.ipv6(host) != nil
    }
}

/// Reads SMTP replies (multi-line ones end with `NNN ` instead of `NNN-`).
private struct ReplyReader {
    var iterator: AsyncThrowingStream<ByteBuffer, any Error>.AsyncIterator
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
