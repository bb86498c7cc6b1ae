import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskTestSupport
import NIOCore
import NIOPosix
import Synchronization
import Testing

@testable import HelpdeskServer

/// E-mail notices through a local SMTP sink: rendered in the recipient's language.
@Suite("Notifications: e-mail to a local SMTP sink")
struct EmailDeliveryTests {
    /// Accepts one conversation per connection and keeps each DATA section.
    final class Sink: Sendable {
        let messages = Mutex<[(to: String, data: String)]>([])
    }

    static func withSink(_ body: @Sendable (Sink, Int) async throws -> Void) async throws {
        let sink = Sink()
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let port = try #require(server.channel.localAddress?.port)
        let task = Task {
            try await server.executeThenClose { connections in
                for try await connection in connections {
                    try? await connection.executeThenClose { inbound, outbound in
                        try await outbound.write(ByteBuffer(string: "220 sink\r\n"))
                        var pending = ""
                        var to = ""
                        var data = ""
                        var inData = false
                        for try await var chunk in inbound {
                            pending += chunk.readString(length: chunk.readableBytes) ?? ""
                            while let range = pending.range(of: "\r\n") {
                                let line = String(pending[..<range.lowerBound])
                                pending = String(pending[range.upperBound...])
                                if inData {
                                    if line == "." {
                                        inData = false
                                        sink.messages.withLock { $0.append((to, data)) }
                                        try await outbound.write(ByteBuffer(string: "250 queued\r\n"))
                                    } else {
                                        data += line + "\n"
                                    }
                                } else if line.hasPrefix("RCPT TO:") {
                                    to = String(line.dropFirst(9).dropLast())
                                    try await outbound.write(ByteBuffer(string: "250 ok\r\n"))
                                } else if line == "DATA" {
                                    inData = true
                                    try await outbound.write(ByteBuffer(string: "354 go ahead\r\n"))
                                } else if line == "QUIT" {
                                    try await outbound.write(ByteBuffer(string: "221 bye\r\n"))
                                    return
                                } else if line.hasPrefix("EHLO") {
                                    try await outbound.write(ByteBuffer(string: "250-sink\r\n250 8BITMIME\r\n"))
                                } else {
                                    try await outbound.write(ByteBuffer(string: "250 ok\r\n"))
                                }
                            }
                        }
                    }
                }
            }
        }
        defer { task.cancel() }
        try await body(sink, port)
    }

    /// The subject and body of a message the sink kept (a base64 UTF-8 subject and body).
    static func decoded(_ data: String) -> (subject: String, body: String) {
        let parts = data.components(separatedBy: "\n\n")
        let subjectLine = parts[0].split(separator: "\n").first { $0.hasPrefix("Subject: ") }!
        let encoded = subjectLine.dropFirst("Subject: =?UTF-8?B?".count).dropLast(2)
        let subject = String(decoding: Data(base64Encoded: String(encoded))!, as: UTF8.self)
        let body = Data(base64Encoded: parts[1].replacingOccurrences(of: "\n", with: ""))!
        return (subject, String(decoding: body, as: UTF8.self))
    }

    @Test("a notice is mailed in the recipient's language with a UTF-8 subject", arguments: TestStores.kinds)
    func mailed(kind: StoreKind) async throws {
        try await Self.withSink { sink, port in
            try await TestStores.with(kind) { store in
                let clock = TestClock(Shanghai.date("2026-11-23 10:00"))
                let localizer = try Localizer.bundled()
                let client = SMTPClient(
                    configuration: SMTPConfiguration(host: "127.0.0.1", port: port, from: "desk@corp.example"))
                let scheduler = SLAScheduler(
                    store: store, clock: AppClock { clock.now },
                    channels: [
                        .email: EmailChannel(
                            client: client, store: store, localizer: localizer,
                            mailOut: MailOutService(store: store, clock: AppClock { clock.now }), now: { clock.now })
                    ],
                    logger: TestStores.logger)
                var chinese = User(username: "li", displayName: "李工", role: .agent, tier: .l1, email: "li@corp.example")
                chinese = try await store.createUser(chinese, passwordHash: TestStores.adminHash, now: clock.now)
                var english = User(
                    username: "tom", displayName: "Tom", role: .agent, tier: .l1, email: "tom@corp.example",
                    locale: "en")
                english = try await store.createUser(english, passwordHash: TestStores.adminHash, now: clock.now)
                let requester = try await TicketFactory.user(in: store, "xiaoming", role: .requester)
                for user in [chinese, english] {
                    let ticket = try await TicketFactory.create(
                        in: store, TicketFactory.input(requester: requester.asRequester), by: requester.actor,
                        at: clock.now)
                    _ = try await store.updateTicket(number: ticket.number) { current, rules in
                        try Workflow.apply(
                            TransitionRequest(action: .assign, assigneeId: user.id), to: current, by: .system,
                            at: clock.now,
                            rules: rules)
                    }
                }
                let report = await scheduler.tick()
                #expect(report.delivered == 2 && report.failed == 0)
                let messages = sink.messages.withLock { $0 }.sorted { $0.to < $1.to }
                #expect(messages.map(\.to) == ["li@corp.example", "tom@corp.example"])
                #expect(Self.decoded(messages[0].data).subject.hasPrefix("新工单分派给您"))
                #expect(Self.decoded(messages[0].data).body.contains("财务系统无法登录"))
                #expect(Self.decoded(messages[1].data).subject.hasPrefix("Ticket TS"))
            }
        }
    }
}
