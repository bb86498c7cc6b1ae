import Foundation
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@Suite("The header's navigation marks the page being shown (aria-current, issue #14)")
struct NavigationCurrentPageTests {
    @Test(
        "exactly the link of the current page carries aria-current=\"page\"; a ticket page marks none",
        arguments: [
            ("/admin/users", "/admin/users"), ("/admin/sla-engine", "/admin/sla-engine"),
            ("/queues/mine", "/queues/mine"), ("/queues/groups?sort=due", "/queues/groups"),
            ("/supervisor/board", "/supervisor/board"), ("/notifications", nil),
        ] as [(String, String?)])
    func currentLink(path: String, marked: String?) async throws {
        try await APIHarness.run(.sqlite) { api in
            // given
            let browser = WebBrowser(api)
            try await browser.signIn("admin")
            // when
            let page = try await browser.get(path)
            // then
            #expect(page.status == .ok)
            let current = page.html.components(separatedBy: "aria-current=\"page\"").count - 1
            #expect(current == (marked == nil ? 0 : 1), "\(path)")
            if let marked {
                #expect(page.html.contains("<a href=\"\(marked)\" aria-current=\"page\""), "\(path)")
            }
        }
    }
}
