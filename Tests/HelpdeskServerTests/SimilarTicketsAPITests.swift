import Foundation
import HelpdeskCore
import HelpdeskTestSupport
import Testing

@Suite("Similar open tickets at intake, for staff (R6.3)")
struct SimilarTicketsAPITests {
    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    }

    static func submit(_ api: APIHarness, _ token: String, title: String, description: String) async throws -> String {
        let created = try await api.call(
            .post, "/api/v1/tickets", token: token,
            json: [
                "title": title, "description": description, "impact": "low", "urgency": "medium", "categoryId": 6,
                "contact": "13812345678",
            ])
        return try #require((created["ticket"] as? [String: Any])?["number"] as? String, "\(created.json)")
    }

    @Test(
        "staff see the recent open tickets like their text, only those they may see; requesters are refused",
        arguments: TestStores.kinds)
    func similar(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            let firstAdmin = try await api.token("admin")
            let early = try await api.signUp("xiaoming", role: "requester", admin: firstAdmin)
            _ = try await api.signUp("net", role: "agent", groups: [4], admin: firstAdmin)
            let old = try await Self.submit(
                api, early.token, title: "VPN 连接超时", description: "上个月在家连公司 VPN 一直超时")
            // two weeks later (sessions signed in again)
            api.clock.advance(by: 15 * 86_400)
            let admin = try await api.token("admin")
            let requester = (token: try await api.token("xiaoming"), id: early.id)
            let outsider = (token: try await api.token("net"), id: Int64(0))
            let first = try await Self.submit(
                api, requester.token, title: "VPN 连接超时", description: "今天早上开始在家连不上公司 VPN，提示连接超时")
            let second = try await Self.submit(
                api, requester.token, title: "VPN 登录后马上断开", description: "VPN 能连上但一分钟就断，连接超时")
            _ = try await Self.submit(api, requester.token, title: "打印机卡纸", description: "三楼打印机一直卡纸")
            api.clock.advance(by: 60)
            let text = "VPN 连接超时\n同事在家也连不上公司 VPN"
            let q = Self.encoded(text)
            // when an admin records a phone call about the same fault
            let found = try await api.call(.get, "/api/v1/search/similar?q=\(q)", token: admin)
            // then the two recent VPN tickets, most shared first; not the one from 15 days ago, nor the printer
            #expect(found.status == .ok)
            #expect(found.items.map { $0["number"] as? String } == [first, second], "\(found.json)")
            #expect(!found.items.contains { $0["number"] as? String == old })
            let best = try #require(found.items.first)
            #expect((best["sharedTerms"] as? Int ?? 0) > (found.items.last?["sharedTerms"] as? Int ?? 0))
            #expect(
                best["majorIncident"] as? Bool == false && best["termCount"] as? Int == TextOverlap(text).tokens.count)
            #expect((best["snippet"] as? String)?.isEmpty == false && (best["highlights"] as? [Any])?.isEmpty == false)
            // an engineer of another group sees none of them; a requester may not ask
            let outside = try await api.call(.get, "/api/v1/search/similar?q=\(q)", token: outsider.token)
            #expect(outside.status == .ok && outside.items.isEmpty)
            let refused = try await api.call(.get, "/api/v1/search/similar?q=\(q)", token: requester.token)
            #expect(refused.status == .forbidden && refused.errorCode == "forbidden")
            // no text, a text too long, a limit out of range
            #expect(try await api.call(.get, "/api/v1/search/similar", token: admin).status == .unprocessableContent)
            let long = Self.encoded(String(repeating: "超", count: 4_001))
            #expect(
                try await api.call(.get, "/api/v1/search/similar?q=\(long)", token: admin).status
                    == .unprocessableContent)
            #expect(
                try await api.call(.get, "/api/v1/search/similar?q=vpn&limit=0", token: admin).status == .badRequest)
            let one = try await api.call(.get, "/api/v1/search/similar?q=\(q)&limit=1", token: admin)
            #expect(one.items.count == 1)
        }
    }
}
