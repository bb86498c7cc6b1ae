import Foundation
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@Suite("The search page on the web (R6.2)")
struct SearchWebTests {
    @Test("staff and requesters search from the header, see marked snippets and page through the hits")
    func searchPage() async throws {
        try await APIHarness.run(.sqlite) { api in
            // given: 25 tickets about the same database error, one about something else
            let admin = try await api.token("admin")
            let owner = try await api.signUp("xiaoming", role: "requester", admin: admin)
            for index in 0..<25 {
                let created = try await api.call(
                    .post, "/api/v1/tickets", token: owner.token,
                    json: [
                        "title": "财务系统第\(index)次报错", "description": "提示数据库连接错误，请尽快处理", "impact": "low",
                        "urgency": "medium", "categoryId": 6, "contact": "13812345678",
                    ])
                #expect(created.status == .created)
            }
            let other = try await api.submitVPNTicket(owner.token)
            let browser = WebBrowser(api)
            try await browser.signIn("admin")
            // when
            let empty = try await browser.get("/search")
            let first = try await browser.get("/search?q=" + WebBrowser.encode("数据库连接") + "&order=newest")
            // then: the header links the page; the hits are marked and paged
            #expect(
                empty.status == .ok && empty.html.contains("id=\"nav-search\"") && !empty.html.contains("search-empty"))
            #expect(first.status == .ok)
            #expect(first.html.components(separatedBy: "class=\"search-hit\"").count - 1 == 20)
            #expect(first.html.contains("<mark>数据库连接</mark>") && !first.html.contains(other))
            #expect(first.html.contains("财务系统第24次报错"))
            let next = try #require(first.html.firstMatch(of: /href="(\/search\?[^"]+cursor=\d+)" rel="next"/))
            let second = try await browser.get(String(next.1).replacingOccurrences(of: "&amp;", with: "&"))
            #expect(second.html.components(separatedBy: "class=\"search-hit\"").count - 1 == 5)
            #expect(second.html.contains("财务系统第0次报错") && !second.html.contains("rel=\"next\""))
            let none = try await browser.get("/search?q=" + WebBrowser.encode("不存在的词语"))
            #expect(none.html.contains("id=\"search-empty\"") && none.html.contains("没有找到匹配的工单"))
            // the requester searches their own tickets the same way, in English too
            let requester = WebBrowser(api)
            try await requester.signIn("xiaoming")
            let mine = try await requester.get("/search?q=VPN&lang=en")
            #expect(mine.html.contains(other) && mine.html.contains("<mark>VPN</mark>") && mine.html.contains("Search"))
        }
    }
}
