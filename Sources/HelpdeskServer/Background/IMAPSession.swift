import Foundation
import HelpdeskMail
import NIOCore
import NIOPosix
import NIOSSL

/// Where an IMAP channel's mail is read: IMAPS (TLS from the first byte) or STARTTLS; the
/// password is only ever sent over TLS.
struct IMAPConfiguration: Sendable, Equatable {
    enum Security: String, Sendable { case tls, starttls }
    var host: String
    var port: Int
    var security: Security
    var username: String
    var password: String
    /// PEM file of the certificate authorities to trust instead of the system's.
    var trustRootsFile: String?
    var timeout: TimeAmount = .seconds(60)
}

struct IMAPError: Error, CustomStringConvertible {
    var description: String
}

/// One IMAP connection, used by one task: connect, STARTTLS, AUTHENTICATE PLAIN or LOGIN,
/// then tagged commands, each answered by its untagged responses. Every value goes as an
/// ``IMAPArgument`` (quoted or a literal), so nothing a setting holds can break a line.
struct IMAPSession {
    private let channel: any Channel
    private var iterator: AsyncThrowingStream<ByteBuffer, any Error>.AsyncIterator
    private var buffer = IMAPResponseBuffer()
    private var tagNumber = 0
    private(set) var capabilities: Set<String> = []
    private let timeout: TimeAmount

    static func open(_ configuration: IMAPConfiguration) async throws -> IMAPSession {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        if let file = configuration.trustRootsFile { tls.trustRoots = .file(file) }
        let context = try NIOSSLContext(configuration: tls)
        let isAddress = SMTPClient.isIPAddress(configuration.host)
        let serverName = isAddress ? nil : configuration.host
        let implicit = configuration.security == .tls
        let (stream, continuation) = AsyncThrowingStream<ByteBuffer, any Error>.makeStream()
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if implicit {
                        try channel.pipeline.syncOperations.addHandler(
                            try NIOSSLClientHandler(context: context, serverHostname: serverName))
                    }
                    try channel.pipeline.syncOperations.addHandler(InboundBytes(continuation))
                }
            }
            .connect(host: configuration.host, port: configuration.port).get()
        var session = IMAPSession(
            channel: channel, iterator: stream.makeAsyncIterator(), timeout: configuration.timeout)
        do {
            let greeting = try await session.response()
            guard greeting.tag == "*", greeting.status.uppercased() == "OK" else {
                throw IMAPError(description: "unexpected greeting: \(greeting.text.prefix(200))")
            }
            if !implicit {
                try await session.run([.atom("STARTTLS")])
                try await channel.eventLoop.submit {
                    try channel.pipeline.syncOperations.addHandler(
                        try NIOSSLClientHandler(context: context, serverHostname: serverName), position: .first)
                }.get()
            }
            // What the server offers over TLS (RFC 3501: forget what it said before).
            try await session.run([.atom("CAPABILITY")])
            try await session.authenticate(configuration.username, configuration.password)
            return session
        } catch {
            session.close()
            throw error
        }
    }

    private init(
        channel: any Channel, iterator: AsyncThrowingStream<ByteBuffer, any Error>.AsyncIterator, timeout: TimeAmount
    ) {
        self.channel = channel
        self.iterator = iterator
        self.timeout = timeout
    }

    /// AUTHENTICATE PLAIN where offered (with the initial response where SASL-IR is), else LOGIN.
    private mutating func authenticate(_ username: String, _ password: String) async throws {
        guard !username.contains("\0"), !password.contains("\0") else {
            throw IMAPError(description: "the user name or password holds a NUL")
        }
        if capabilities.contains("AUTH=PLAIN") {
            let token = Data("\0\(username)\0\(password)".utf8).base64EncodedString()
            if capabilities.contains("SASL-IR") {
                try await run([.atom("AUTHENTICATE PLAIN"), .atom(token)])
            } else {
                try await run([.atom("AUTHENTICATE PLAIN")], continuation: token)
            }
        } else {
            try await run([.atom("LOGIN"), .string(username), .string(password)])
        }
    }

    /// Sends one tagged command and returns its untagged responses; a NO or BAD throws.
    /// A literal waits for the server's `+` before its bytes; `continuation` answers a `+`
    /// that the command itself asks for (AUTHENTICATE without SASL-IR).
    @discardableResult
    mutating func run(_ parts: [IMAPArgument], continuation: String? = nil) async throws -> [IMAPResponse] {
        tagNumber += 1
        let tag = "H\(tagNumber)"
        var untagged: [IMAPResponse] = []
        var line = tag
        for part in parts {
            line += " " + part.wire
            if case .literal(let bytes) = part {
                try await write(line + "\r\n")
                try await awaitContinuation(collecting: &untagged)
                var buffer = channel.allocator.buffer(capacity: bytes.count)
                buffer.writeBytes(bytes)
                try await channel.writeAndFlush(buffer)
                line = ""
            }
        }
        try await write(line + "\r\n")
        var answered = continuation == nil
        while true {
            let response = try await response()
            if response.tag == "+", !answered, let continuation {
                answered = true
                try await write(continuation + "\r\n")
                continue
            }
            if response.tag == "*" {
                if let words = response.capabilities { capabilities = words }
                if response.status.uppercased() == "BYE" { throw IMAPError(description: response.text) }
                untagged.append(response)
                continue
            }
            guard response.tag == tag else { continue }
            if let words = response.capabilities { capabilities = words }
            guard response.status.uppercased() == "OK" else {
                throw IMAPError(description: String(response.text.dropFirst(tag.count + 1).prefix(300)))
            }
            return untagged
        }
    }

    private mutating func awaitContinuation(collecting untagged: inout [IMAPResponse]) async throws {
        while true {
            let response = try await response()
            if response.tag == "+" { return }
            if response.tag == "*" {
                untagged.append(response)
                continue
            }
            throw IMAPError(description: "literal refused: \(response.text.prefix(300))")
        }
    }

    private func write(_ text: String) async throws {
        try await channel.writeAndFlush(ByteBuffer(string: text))
    }

    /// The next response; a silent server past the timeout ends the session.
    private mutating func response() async throws -> IMAPResponse {
        while true {
            if let response = try buffer.next() { return response }
            let deadline = timeout
            let channel = self.channel
            let timer = channel.eventLoop.scheduleTask(in: deadline) { channel.close(promise: nil) }
            defer { timer.cancel() }
            guard var bytes = try await iterator.next() else { throw IMAPError(description: "connection closed") }
            buffer.append(bytes.readBytes(length: bytes.readableBytes) ?? [])
        }
    }

    /// LOGOUT, without waiting long for the answer, then the connection is closed.
    mutating func logout() async {
        try? await write("H0 LOGOUT\r\n")
        close()
    }

    func close() {
        channel.close(promise: nil)
    }
}
