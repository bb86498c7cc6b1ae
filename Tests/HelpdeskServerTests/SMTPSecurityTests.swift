import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import Synchronization
import Testing

@testable import HelpdeskServer

/// R9 hardening: SMTP with STARTTLS and implicit TLS against a local TLS sink, no AUTH in plain
/// text except to a loopback relay, and nothing user-supplied reaches a command unchecked.
@Suite("SMTP over TLS")
struct SMTPSecurityTests {
    /// A self-signed certificate for 127.0.0.1 and localhost, made with Debian's openssl.
    static func certificate() throws -> (cert: String, key: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let cert = dir.appendingPathComponent("cert.pem").path
        let key = dir.appendingPathComponent("key.pem").path
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost", "-keyout", key,
            "-out", cert, "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
        ]
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        guard openssl.terminationStatus == 0 else { throw SMTPError(description: "openssl failed") }
        return (cert, key)
    }

    /// What the sink saw: the commands in order, each marked with whether TLS was on.
    final class Transcript: Sendable {
        let lines = Mutex<[(line: String, encrypted: Bool)]>([])
        let messages = Mutex<[String]>([])
    }

    /// One SMTP conversation per connection; STARTTLS switches the connection to TLS.
    final class SinkHandler: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        let transcript: Transcript
        let tls: NIOSSLContext
        var encrypted: Bool
        var pending = ""
        var inData = false
        var data = ""

        init(transcript: Transcript, tls: NIOSSLContext, encrypted: Bool) {
            self.transcript = transcript
            self.tls = tls
            self.encrypted = encrypted
        }

        func channelActive(context: ChannelHandlerContext) {
            reply(context, "220 sink")
        }

        func reply(_ context: ChannelHandlerContext, _ text: String) {
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: text + "\r\n")), promise: nil)
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var buffer = unwrapInboundIn(data)
            pending += buffer.readString(length: buffer.readableBytes) ?? ""
            while let range = pending.range(of: "\r\n") {
                let line = String(pending[..<range.lowerBound])
                pending = String(pending[range.upperBound...])
                if inData {
                    if line == "." {
                        inData = false
                        let message = self.data
                        transcript.messages.withLock { $0.append(message) }
                        reply(context, "250 queued")
                    } else {
                        self.data += line + "\n"
                    }
                    continue
                }
                let encrypted = self.encrypted
                transcript.lines.withLock { $0.append((line, encrypted)) }
                switch line {
                case "STARTTLS":
                    reply(context, "220 go ahead")
                    self.encrypted = true
                    try? context.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls), position: .first)
                case "DATA":
                    inData = true
                    reply(context, "354 go ahead")
                case "QUIT":
                    reply(context, "221 bye")
                case _ where line.hasPrefix("EHLO"):
                    reply(context, encrypted ? "250-sink\r\n250 AUTH PLAIN" : "250-sink\r\n250 STARTTLS")
                case _ where line.hasPrefix("AUTH"):
                    reply(context, "235 ok")
                default:
                    reply(context, "250 ok")
                }
            }
        }
    }

    static func withSink(
        implicitTLS: Bool, _ body: @Sendable (Transcript, Int, String) async throws -> Void
    ) async throws {
        let (cert, key) = try certificate()
        let server = try NIOSSLContext(
            configuration: .makeServerConfiguration(
                certificateChain: try NIOSSLCertificate.fromPEMFile(cert).map { .certificate($0) },
                privateKey: .file(key)))
        let transcript = Transcript()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { child in
                child.eventLoop.makeCompletedFuture {
                    if implicitTLS {
                        try child.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: server))
                    }
                    try child.pipeline.syncOperations.addHandler(
                        SinkHandler(transcript: transcript, tls: server, encrypted: implicitTLS))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        defer { channel.close(promise: nil) }
        try await body(transcript, try #require(channel.localAddress?.port), cert)
    }

    @Test("STARTTLS and implicit TLS: AUTH and the message travel only after the handshake", arguments: [false, true])
    func encrypted(implicitTLS: Bool) async throws {
        try await Self.withSink(implicitTLS: implicitTLS) { transcript, port, cert in
            let client = SMTPClient(
                configuration: SMTPConfiguration(
                    host: "127.0.0.1", port: port, from: "helpdesk@corp.com", username: "desk", password: "p@ss",
                    security: implicitTLS ? .tls : .starttls, trustRootsFile: cert))
            try await client.send(to: "zhangsan@corp.com", subject: "工单已受理", body: "您好", date: Date())
            let lines = transcript.lines.withLock { $0 }
            let auth = try #require(lines.first { $0.line.hasPrefix("AUTH") })
            #expect(auth.encrypted)
            #expect(lines.filter { !$0.encrypted }.map(\.line) == (implicitTLS ? [] : ["EHLO helpdesk", "STARTTLS"]))
            #expect(transcript.messages.withLock { $0.count } == 1)
        }
    }

    @Test("a certificate the client does not trust stops the delivery before anything is sent")
    func untrusted() async throws {
        try await Self.withSink(implicitTLS: true) { transcript, port, _ in
            let client = SMTPClient(
                configuration: SMTPConfiguration(
                    host: "127.0.0.1", port: port, from: "helpdesk@corp.com", username: "desk", password: "p@ss",
                    security: .tls))
            await #expect(throws: (any Error).self) {
                try await client.send(to: "zhangsan@corp.com", subject: "x", body: "y", date: Date())
            }
            #expect(transcript.lines.withLock { $0.isEmpty })
        }
    }

    @Test(
        "AUTH in plain text is refused unless the relay is on loopback; bad addresses never reach a command",
        arguments: [
            ("mail.corp.com", SMTPSecurity.none, "zhangsan@corp.com", "refusing AUTH"),
            ("127.0.0.1", SMTPSecurity.none, "zhangsan@corp.com\r\nRCPT TO:<x@evil.com>", "invalid recipient"),
            ("127.0.0.1", SMTPSecurity.none, "<x@evil.com>", "invalid recipient"),
        ])
    func refusedBeforeConnecting(host: String, security: SMTPSecurity, recipient: String, reason: String) async throws {
        let client = SMTPClient(
            configuration: SMTPConfiguration(
                host: host, port: 1, from: "helpdesk@corp.com", username: "desk", password: "p@ss", security: security))
        do {
            try await client.send(to: recipient, subject: "x", body: "y", date: Date())
            Issue.record("sent")
        } catch let error as SMTPError {
            #expect(error.description.contains(reason))
        }
    }

    @Test(
        "the SMTP settings are checked at start: security mode, sender, and no password in the clear",
        arguments: [
            (["HELPDESK_SMTP_SECURITY": "starttls", "HELPDESK_SMTP_USER": "desk"], SMTPSecurity.starttls),
            (["HELPDESK_SMTP_SECURITY": "TLS", "HELPDESK_SMTP_PORT": "465"], .tls),
            ([:], SMTPSecurity.none),
            (["HELPDESK_SMTP_HOST": "127.0.0.1", "HELPDESK_SMTP_USER": "desk"], SMTPSecurity.none),
            (["HELPDESK_SMTP_USER": "desk"], nil),
            (["HELPDESK_SMTP_SECURITY": "ssl"], nil),
            (["HELPDESK_SMTP_FROM": "helpdesk@corp.com\r\nBcc: x@evil.com"], nil),
        ] as [([String: String], SMTPSecurity?)])
    func configuration(environment: [String: String], expected: SMTPSecurity?) {
        let base = [
            "HELPDESK_SMTP_HOST": "mail.corp.com", "HELPDESK_SMTP_FROM": "helpdesk@corp.com",
            "HELPDESK_SMTP_PASSWORD": "p",
        ]
        let config = try? ServerConfiguration.fromEnvironment(base.merging(environment) { _, new in new })
        #expect(config?.smtp?.security == expected)
    }
}
