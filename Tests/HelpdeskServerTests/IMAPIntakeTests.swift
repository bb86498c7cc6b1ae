import Foundation
import HelpdeskCore
import HelpdeskMail
import HelpdeskStore
import HelpdeskTestSupport
import HelpdeskUseCases
import Logging
import Testing

@testable import HelpdeskServer

/// The dovecot server `.ci/run` starts (`scripts/imap-test-server.sh`):
/// `HELPDESK_TEST_IMAP_URL=imap://helpdesk:secret@127.0.0.1:PORT?ca=CERT` (STARTTLS on PORT,
/// IMAPS on PORT+1). Each test writes to folders of its own.
enum IMAPTestServer {
    static let url = ProcessInfo.processInfo.environment["HELPDESK_TEST_IMAP_URL"].flatMap(URLComponents.init)
    static var available: Bool { url != nil }

    static func configuration(implicitTLS: Bool = false) throws -> IMAPConfiguration {
        let url = try #require(url)
        let port = try #require(url.port)
        return IMAPConfiguration(
            host: url.host ?? "127.0.0.1", port: implicitTLS ? port + 1 : port,
            security: implicitTLS ? .tls : .starttls, username: url.user ?? "helpdesk",
            password: url.password ?? "secret", trustRootsFile: caFile)
    }

    static var caFile: String? { url?.queryItems?.first { $0.name == "ca" }?.value }

    static func settings(folder: String, implicitTLS: Bool = false, moveTo: String? = nil, password: String? = nil)
        throws -> ChannelSettings
    {
        let configuration = try configuration(implicitTLS: implicitTLS)
        return ChannelSettings(
            host: configuration.host, port: configuration.port, security: configuration.security.rawValue,
            username: configuration.username, password: password ?? configuration.password, folder: folder,
            pollSeconds: 10, moveTo: moveTo)
    }

    /// A new folder holding `messages`, the last `seen` of them already read.
    static func folder(_ name: String, with messages: [[UInt8]], seen: Int = 0) async throws -> String {
        let folder = "\(name)-\(UUID().uuidString.prefix(8))"
        var session = try await IMAPSession.open(try configuration())
        try await session.ensureFolder(folder)
        for raw in messages { try await session.append(raw, to: folder) }
        if seen > 0 {
            try await session.select(folder)
            let uids = try await session.unseenUIDs()
            try await session.markSeen(Array(uids.suffix(seen)))
        }
        await session.logout()
        return folder
    }

    /// (unseen, all) message counts of a folder.
    static func counts(_ folder: String) async throws -> (unseen: Int, all: Int) {
        var session = try await IMAPSession.open(try configuration())
        defer { session.close() }
        try await session.select(folder)
        let unseen = try await session.unseenUIDs().count
        let all = try await session.run([.atom("UID SEARCH ALL")]).compactMap(\.searchResults).flatMap { $0 }.count
        await session.logout()
        return (unseen, all)
    }
}

@Suite("IMAP intake against dovecot (issue #11)", .enabled(if: IMAPTestServer.available))
struct IMAPIntakeTests {
    static func channels(_ api: APIHarness) -> ChannelService {
        let clock = AppClock { api.clock.now }
        let tickets = TicketService(store: api.store, clock: clock, readAudit: ReadAudit(store: api.store))
        return ChannelService(store: api.store, clock: clock, tickets: tickets)
    }

    static func poller(_ api: APIHarness) -> IMAPPoller {
        IMAPPoller(
            channels: channels(api), trustRootsFile: IMAPTestServer.caFile, interval: .seconds(5),
            logger: Logger(label: "imap-test"))
    }

    static func channel(_ api: APIHarness, _ settings: ChannelSettings) async throws -> Int64 {
        let admin = try #require(try await api.store.user(username: "admin"))
        let service = Self.channels(api)
        return try await service.create(.init(kind: .imap, name: "IMAP 收件箱", settings: settings), by: admin).id
    }

    static func messages(_ count: Int, tag: String) -> [[UInt8]] {
        (0..<count).map { index in
            MailIntakeTests.mail(
                from: "=?utf-8?B?\(Data("王五".utf8).base64EncodedString())?= <wangwu\(index % 3)@corp.example.cn>",
                subject: "=?gb2312?B?tPLTobv6ucrVz6OoqEPI/cKlo6k=?=", messageId: "\(tag)-\(index)@corp.example.cn",
                body: "第 \(index) 封：VPN 连接失败")
        }
    }

    @Test(
        "unseen mail over STARTTLS becomes tickets, marked read only once stored; a read message stays; a poisoned one is quarantined and the rest go on",
        arguments: TestStores.kinds)
    func startTLSPoll(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given: 12 unread (one is not a message at all) and 1 already read, in a Chinese folder
            let tag = UUID().uuidString
            var mails = Self.messages(11, tag: tag)
            mails.insert(Array("这不是一封邮件\r\n\r\n没有任何头部\r\n".utf8), at: 5)
            mails.append(MailIntakeTests.mail(messageId: "\(tag)-read@corp.example.cn"))
            let folder = try await IMAPTestServer.folder("工单收件箱", with: mails, seen: 1)
            let channel = try await Self.channel(api, try IMAPTestServer.settings(folder: folder))
            let poller = Self.poller(api)
            // when
            let outcomes = await poller.tick()
            // then
            let created = outcomes.filter { if case .created = $0 { true } else { false } }
            #expect(created.count == 11)
            #expect(outcomes.filter { $0 == .quarantined(error: "not_a_message") }.count == 1)
            #expect(try await IMAPTestServer.counts(folder) == (unseen: 0, all: 13))
            let numbers = created.compactMap { if case .created(let n) = $0 { n } else { nil } }
            let ticket = try #require(try await api.store.ticket(number: numbers[0]))
            #expect(ticket.channel == .email && ticket.title == "打印机故障（–三楼）")
            #expect(ticket.description == "第 0 封：VPN 连接失败")
            let health = try #require(try await api.store.channel(id: channel))
            #expect(health.lastSuccessAt != nil && health.lastError == "not_a_message")
            #expect(health.receivedCount == 12 && health.quarantinedCount == 1)

            // when: the next poll, once due, finds nothing new
            api.clock.advance(by: 11)
            let again = await poller.tick()
            // then
            #expect(again.isEmpty)
            #expect(try await api.store.pendingMail(limit: 50).isEmpty)
        }
    }

    @Test(
        "IMAPS with a move target: taken mail leaves the folder for the target, and nothing is fetched twice",
        arguments: TestStores.kinds)
    func implicitTLSMove(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given
            let folder = try await IMAPTestServer.folder("inbox-tls", with: Self.messages(3, tag: UUID().uuidString))
            let target = folder + "/已处理"
            _ = try await Self.channel(
                api, try IMAPTestServer.settings(folder: folder, implicitTLS: true, moveTo: target))
            // when
            let outcomes = await Self.poller(api).tick()
            // then
            #expect(outcomes.count == 3 && outcomes.allSatisfy { if case .created = $0 { true } else { false } })
            #expect(try await IMAPTestServer.counts(folder) == (unseen: 0, all: 0))
            #expect(try await IMAPTestServer.counts(target) == (unseen: 0, all: 3))
        }
    }

    @Test(
        "a poll that stored a batch and stopped before marking it (kill -9) takes it again as duplicates: 0 lost, 0 twice",
        arguments: TestStores.kinds)
    func crashBetweenStoreAndMark(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given: the first two messages were stored by a poll that died before the mark,
            // and one of them was even processed
            let mails = Self.messages(4, tag: UUID().uuidString)
            let folder = try await IMAPTestServer.folder("crash", with: mails)
            let channel = try await Self.channel(api, try IMAPTestServer.settings(folder: folder))
            let service = Self.channels(api)
            let first = try await service.receive(mails[0], on: channel)
            _ = try await service.receive(mails[1], on: channel)
            _ = try await service.process(first)
            // when: the restarted poller runs
            let outcomes = await Self.poller(api).tick()
            // then
            #expect(outcomes.filter { $0 == .skipped }.count == 1)
            #expect(outcomes.filter { if case .created = $0 { true } else { false } }.count == 3)
            let listed = try await api.store.tickets(TicketQuery(scope: .all), now: api.clock.now)
            #expect(listed.tickets.count == 4)
            #expect(try await IMAPTestServer.counts(folder) == (unseen: 0, all: 4))
        }
    }

    @Test("a refused login is the channel's health, and the mail stays unread for the next poll")
    func refusedLogin() async throws {
        try await APIHarness.run(.sqlite) { api in
            // given
            let folder = try await IMAPTestServer.folder("login", with: Self.messages(1, tag: UUID().uuidString))
            let channel = try await Self.channel(api, try IMAPTestServer.settings(folder: folder, password: "wrong"))
            // when
            let outcomes = await Self.poller(api).tick()
            // then
            #expect(outcomes.isEmpty)
            let health = try #require(try await api.store.channel(id: channel))
            #expect(health.lastErrorAt != nil && health.lastSuccessAt == nil)
            #expect(try await IMAPTestServer.counts(folder) == (unseen: 1, all: 1))
        }
    }
}
