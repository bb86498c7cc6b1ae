import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskTestSupport
import HelpdeskUseCases
import Testing

@testable import HelpdeskServer

@Suite("Live updates: queues, board and inbox follow the desk while they are open")
struct LiveUpdatesTests {
    @Test(
        "Staff hear that tickets changed, requesters do not; everyone hears their own unread count",
        arguments: TestStores.kinds)
    func audiences(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            let service = LiveService(store: store)
            let boss = try await TicketFactory.user(in: store, "boss", role: .supervisor)
            let requester = try await TicketFactory.user(in: store, "xiaoming", role: .requester)
            let staff = StreamRecorder(service.updates(for: boss, ticketInterval: .milliseconds(10)))
            let asker = StreamRecorder(service.updates(for: requester, ticketInterval: .milliseconds(10)))
            defer {
                staff.stop()
                asker.stop()
            }
            let now = Date()
            try await TicketFactory.create(
                in: store,
                TicketFactory.input(title: "支付通道中断", requester: requester.asRequester, impact: .high, urgency: .high),
                by: requester.actor, at: now)
            while try await store.dispatchNotifications(now: now, limit: 100, email: false) > 0 {}
            let unread = try await store.unreadCount(userId: boss.id)
            #expect(unread > 0)
            #expect(await staff.waitFor { $0.contains(.tickets) && $0.contains(.inbox(unread: unread)) })
            _ = try await store.markRead(userId: boss.id, ids: nil, now: now)
            #expect(await staff.waitFor { $0.last == .inbox(unread: 0) })
            try await Task.sleep(for: .milliseconds(200))
            #expect(!asker.elements.contains(.tickets))
            let askerUnread = try await store.unreadCount(userId: requester.id)
            #expect(asker.elements.last == (askerUnread > 0 ? .inbox(unread: askerUnread) : nil))
        }
    }

    @Test("A burst of ticket changes reaches a page as few updates, the last change always included")
    func coalesced() async throws {
        try await TestStores.with(.sqlite) { store in
            let service = LiveService(store: store)
            let admin = try await store.user(id: 1)!
            let recorder = StreamRecorder(service.updates(for: admin, ticketInterval: .seconds(1)))
            defer { recorder.stop() }
            for _ in 0..<20 { store.live.publish([.tickets]) }
            // the first at once, the rest of the burst once the interval has passed
            // (a generous bound: on a loaded machine a sleeping task wakes late)
            #expect(await recorder.waitFor(.seconds(30)) { $0.count >= 2 })
            try await Task.sleep(for: .milliseconds(1500))
            #expect(recorder.elements.count <= 3 && recorder.elements.allSatisfy { $0 == .tickets })
        }
    }

    struct FrameCase: Sendable, CustomTestStringConvertible {
        var frame: ServerSentEvent
        var wire: String
        var testDescription: String { wire.debugDescription }
    }

    @Test(
        "Server-sent event frames follow the format: named events, multi-line data, comments, retry",
        arguments: [
            FrameCase(frame: .named("tickets", data: "{}"), wire: "event: tickets\ndata: {}\n\n"),
            FrameCase(frame: .named("inbox", data: "{\"unread\":3}"), wire: "event: inbox\ndata: {\"unread\":3}\n\n"),
            FrameCase(
                frame: .named("note", data: "第一行\r\n第二行\n"), wire: "event: note\ndata: 第一行\ndata: 第二行\ndata: \n\n"),
            FrameCase(frame: .keepAlive, wire: ": keep-alive\n\n"),
            FrameCase(
                frame: ServerSentEvent(event: "inbox", data: "{}", retryMilliseconds: 5000),
                wire: "retry: 5000\nevent: inbox\ndata: {}\n\n"),
        ])
    func frames(c: FrameCase) {
        #expect(c.frame.encoded == c.wire)
    }

    @Test("The event stream sends a keep-alive comment while the desk is quiet, and ends with its updates")
    func keepAlive() async throws {
        let (updates, input) = AsyncStream.makeStream(of: LiveUpdate.self)
        let frames = WebLiveRoutes.frames(updates, keepAlive: .milliseconds(50))
        input.yield(.inbox(unread: 2))
        var received: [ServerSentEvent] = []
        for await frame in frames {
            received.append(frame)
            if received.count == 3 { input.finish() }
        }
        #expect(received.first == .named("inbox", data: "{\"unread\":2}"))
        #expect(received.dropFirst().prefix(2).allSatisfy { $0 == .keepAlive })
    }

    @Test(
        "GET /live streams the signed-in user's updates as server-sent events; signed out it sends to sign-in",
        arguments: TestStores.kinds)
    func eventStream(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            let signedOut = try await WebBrowser(api).get("/live")
            #expect(signedOut.status == .seeOther)
            #expect(signedOut.location?.hasPrefix("/login") == true)
            let browser = try await WebBrowser.signedIn(api)
            async let stream = browser.get("/live")
            let deadline = ContinuousClock.now + .seconds(5)
            while api.store.live.subscriberCount == 0, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(10))
            }
            api.store.live.publish([.tickets])
            // the feed ends as at shutdown, and the stream with it
            api.store.live.finish()
            let response = try await stream
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/event-stream; charset=utf-8")
            #expect(response.headers[.cacheControl] == "no-store")
            #expect(response.html == "retry: 5000\nevent: inbox\ndata: {\"unread\":0}\n\nevent: tickets\ndata: {}\n\n")
        }
    }
}
