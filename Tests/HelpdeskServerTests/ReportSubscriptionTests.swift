import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskTestSupport
import HelpdeskUseCases
import Testing

@testable import HelpdeskServer

/// Scheduled report e-mail (issue #13): subscribing through the API, the run at the local time,
/// once across instances, mailed through a local SMTP sink in the subscriber's language.
@Suite("Reports: scheduled e-mail of the weekly review and the monthly KPIs")
struct ReportSubscriptionTests {
    static let path = "/api/v1/reports/subscriptions"

    @Test("subscribe, list and cancel; the next run is the first matching local time", arguments: TestStores.kinds)
    func subscribeListCancel(kind: StoreKind) async throws {
        try await APIHarness.run(kind, at: Shanghai.date("2026-12-02 10:00")) { api in
            let admin = try await api.token("admin")
            let chen = try await api.signUp("chen", role: "supervisor", admin: admin, email: "chen@corp.example")
            let other = try await api.signUp("zhou", role: "supervisor", admin: admin, email: "zhou@corp.example")
            let weekly = try await api.call(
                .post, Self.path, token: chen.token, json: ["kind": "weekly", "weekday": 1, "time": "09:00"])
            #expect(weekly.status == .created, "\(weekly.json)")
            #expect(weekly["nextRunAt"] as? String == "2026-12-07T01:00:00Z")
            #expect(weekly["time"] as? String == "09:00" && weekly["kind"] as? String == "weekly")
            let monthly = try await api.call(
                .post, Self.path, token: chen.token,
                json: ["kind": "monthly", "dayOfMonth": 1, "time": "８:３０", "groupId": 1])
            #expect(monthly.status == .created, "\(monthly.json)")
            #expect(monthly["nextRunAt"] as? String == "2027-01-01T00:30:00Z")
            #expect(monthly["groupId"] as? Int == 1)
            // Without a day: Monday, the 1st; the other kind's field is not looked at.
            let defaults = try await api.call(
                .post, Self.path, token: other.token, json: ["kind": "weekly", "dayOfMonth": 9, "time": "18:00"])
            #expect(defaults.status == .created && defaults["weekday"] as? Int == 1 && defaults["dayOfMonth"] == nil)
            #expect(defaults["nextRunAt"] as? String == "2026-12-07T10:00:00Z")
            let firstOfMonth = try await api.call(
                .post, Self.path, token: other.token, json: ["kind": "monthly", "weekday": 3, "time": "07:00"])
            #expect(firstOfMonth.status == .created && firstOfMonth["dayOfMonth"] as? Int == 1)
            #expect(firstOfMonth["weekday"] == nil)
            let listed = try await api.call(.get, Self.path, token: chen.token)
            #expect(listed.items.map { $0["kind"] as? String } == ["weekly", "monthly"])
            #expect(try await api.call(.get, Self.path, token: other.token).items.count == 2)
            let id = try #require(weekly["id"] as? Int)
            // Another supervisor's subscription is not theirs to see or cancel.
            #expect(try await api.call(.delete, "\(Self.path)/\(id)", token: other.token).status == .notFound)
            #expect(try await api.call(.delete, "\(Self.path)/\(id)", token: chen.token).status == .noContent)
            #expect(try await api.call(.delete, "\(Self.path)/\(id)", token: chen.token).status == .notFound)
            #expect(try await api.call(.get, Self.path, token: chen.token).items.count == 1)
        }
    }

    @Test(
        "a refused subscription says which field, in the reader's language, and stores nothing",
        arguments: [
            (#"{"kind": "daily", "time": "09:00"}"#, "invalid_value", "kind"),
            (#"{"kind": "weekly", "weekday": 1, "time": "25:00"}"#, "invalid_value", "time"),
            (#"{"kind": "weekly", "weekday": 1, "time": "9"}"#, "invalid_value", "time"),
            (#"{"kind": "weekly", "weekday": 8, "time": "09:00"}"#, "invalid_value", "weekday"),
            (#"{"kind": "weekly", "weekday": 0, "time": "09:00"}"#, "invalid_value", "weekday"),
            (#"{"kind": "monthly", "dayOfMonth": 29, "time": "09:00"}"#, "invalid_value", "dayOfMonth"),
            (#"{"kind": "weekly", "weekday": 1, "time": "09:00", "groupId": 999}"#, "invalid_reference", "groupId"),
        ])
    func refused(json: String, code: String, field: String) async throws {
        try await APIHarness.run(.sqlite) { api in
            let body = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let admin = try await api.token("admin")
            let chen = try await api.signUp("chen", role: "supervisor", admin: admin, email: "chen@corp.example")
            let response = try await api.call(.post, Self.path, token: chen.token, json: body)
            #expect(response.status == .unprocessableContent, "\(response.json)")
            #expect(response.errorCode == code)
            #expect(response.errorMessage?.contains(field) == true, "\(response.errorMessage ?? "")")
            #expect(try await api.call(.get, Self.path, token: chen.token).items.isEmpty)
        }
    }

    @Test(
        "requesters have no reports to subscribe to; staff need an e-mail address and keep at most 20",
        arguments: TestStores.kinds)
    func whoMaySubscribe(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            let admin = try await api.token("admin")
            let requester = try await api.signUp("xiaoming", role: "requester", admin: admin, email: "xm@corp.example")
            let body: [String: Any] = ["kind": "weekly", "weekday": 1, "time": "09:00"]
            let refused = try await api.call(.post, Self.path, token: requester.token, json: body)
            #expect(refused.status == .forbidden)
            #expect(try await api.call(.get, Self.path, token: requester.token).status == .forbidden)
            // 20 a subscriber; the 21st is refused as a conflict with what they have, not as bad input.
            let chen = try await api.signUp("chen", role: "supervisor", admin: admin, email: "chen@corp.example")
            for _ in 0..<ReportSubscriptionService.perUser {
                #expect(try await api.call(.post, Self.path, token: chen.token, json: body).status == .created)
            }
            let full = try await api.call(.post, Self.path, token: chen.token, json: body)
            #expect(full.status == .conflict && full.errorCode == "limit_reached", "\(full.json)")
            #expect(full.errorMessage?.contains("20") == true)
            let noAddress = try await api.signUp("li", role: "supervisor", admin: admin)
            let missing = try await api.call(.post, Self.path, token: noAddress.token, json: body)
            #expect(missing.status == .unprocessableContent && missing.errorCode == "field_required", "\(missing.json)")
        }
    }

    @Test(
        "at the local time the last week's review is mailed once, though two instances tick, in the subscriber's language",
        arguments: TestStores.kinds)
    func mailedOnce(kind: StoreKind) async throws {
        try await EmailDeliveryTests.withSink { sink, port in
            try await APIHarness.run(kind, at: Shanghai.date("2026-11-30 08:00")) { api in
                let desk = try await ReportAPITests.desk(api)
                let chen = try await api.signUp(
                    "chen", role: "supervisor", admin: desk.admin, email: "chen@corp.example")
                api.clock.set(Shanghai.date("2026-12-02 12:00"))
                for token in [chen.token, desk.agent.token] {
                    let created = try await api.call(
                        .post, Self.path, token: token, json: ["kind": "weekly", "weekday": 1, "time": "09:00"])
                    // The engineer has no address yet.
                    #expect(created.status == (token == chen.token ? .created : .unprocessableContent))
                }
                let clock = AppClock { api.clock.now }
                let localizer = try Localizer.bundled()
                let mailers = try (0..<2).map { _ in
                    try HelpdeskApp.reportMailer(
                        store: api.store, clock: clock, localizer: localizer, logger: TestStores.logger)
                }
                api.clock.set(Shanghai.date("2026-12-07 08:59"))
                #expect(await mailers[0].tick() == 0)
                api.clock.set(Shanghai.date("2026-12-07 09:00"))
                async let first = mailers[0].tick()
                async let second = mailers[1].tick()
                #expect(await first + second == 1)
                #expect(await mailers[1].tick() == 0)
                let client = SMTPClient(
                    configuration: SMTPConfiguration(host: "127.0.0.1", port: port, from: "desk@corp.example"))
                let sender = SLAScheduler(
                    store: api.store, clock: clock,
                    channels: [
                        .email: EmailChannel(
                            client: client, store: api.store, localizer: localizer,
                            mailOut: MailOutService(store: api.store, clock: clock), now: clock.now)
                    ],
                    logger: TestStores.logger)
                // The supervisor's SLA notices go out in the same pass; one report among them.
                #expect(await sender.tick().failed == 0)
                let reports = sink.messages.withLock { $0 }.map { ($0.to, EmailDeliveryTests.decoded($0.data)) }
                    .filter { $0.1.subject.contains("周报") }
                #expect(reports.map(\.0) == ["chen@corp.example"])
                let queued = try await api.store.deliveries(webhookId: nil, before: nil, limit: 200)
                #expect(queued.filter { $0.event == SQLStore.reportMailEvent }.count == 1)
                let mail = try #require(reports.first?.1)
                #expect(mail.subject == "【技术支持服务台】周报 2026-W49")
                // The week of 30 November holds the desk's three tickets.
                #expect(mail.body.contains("工单数：3；2026-W48：0；变化 +3"), "\(mail.body)")
                #expect(mail.body.contains("响应达标率：33.3 %（1 / 3）；2026-W48：—（0 / 0）；变化 —"), "\(mail.body)")
                #expect(mail.body.contains("本期共 2 张工单超时。\nTS20261130001 打印机卡纸"), "\(mail.body)")
                let saved = try #require(try await api.store.reportSubscriptions(userId: chen.id).first)
                #expect(saved.lastPeriod == "2026-W49")
                #expect(saved.nextRunAt == Shanghai.date("2026-12-14 09:00"))
                #expect(saved.lastSentAt == Shanghai.date("2026-12-07 09:00"))
            }
        }
    }

    @Test("a run missed while no mail went out sends the last ended period once, in English for an English reader")
    func missedRunsCollapse() async throws {
        try await APIHarness.run(.sqlite, at: Shanghai.date("2026-10-20 10:00")) { api in
            let admin = try await api.token("admin")
            let tom = try await api.signUp("tom", role: "supervisor", admin: admin, email: "tom@corp.example")
            try await api.store.setLocale(userId: tom.id, locale: "en")
            let created = try await api.call(
                .post, Self.path, token: tom.token, json: ["kind": "monthly", "dayOfMonth": 1, "time": "08:00"])
            #expect(created.status == .created)
            let mailer = try HelpdeskApp.reportMailer(
                store: api.store, clock: AppClock { api.clock.now }, localizer: try Localizer.bundled(),
                logger: TestStores.logger)
            // Three months later: one mail, of December, not one per missed month.
            api.clock.set(Shanghai.date("2027-01-20 10:00"))
            #expect(await mailer.tick() == 1)
            #expect(await mailer.tick() == 0)
            let mails = try await api.store.deliveries(webhookId: nil, before: nil, limit: 10)
            #expect(mails.count == 1)
            let mail = try JSONDecoder().decode(ReportMail.self, from: Data(try #require(mails.first).payload.utf8))
            #expect(mail.subject == "[Helpdesk] Monthly KPIs 2026-12")
            #expect(mail.body.contains("Tickets: 0; 2026-11: 0; change 0"), "\(mail.body)")
            let saved = try #require(try await api.store.reportSubscriptions(userId: tom.id).first)
            #expect(saved.nextRunAt == Shanghai.date("2027-02-01 08:00"))
        }
    }
}
