import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskTestSupport
import Testing

@testable import HelpdeskServer

@Suite("Problem records on the web (R6.3): the list, a proposal with its evidence, confirming, recording a workaround")
struct ProblemWebTests {
    @Test(
        "a problem manager runs detection, reads the proposal's evidence, confirms it and records the workaround the requesters are told",
        arguments: TestStores.kinds)
    func proposalToKnownError(kind: StoreKind) async throws {
        try await APIHarness.run(kind) { api in
            // given
            let admin = try await api.token("admin")
            _ = try await api.signUp("zhaojingli", role: "problem_manager", admin: admin)
            var numbers: [String] = []
            for ticket in ProblemAPITests.certificate + ProblemAPITests.others {
                numbers.append(try await ProblemAPITests.submit(api, admin, ticket))
            }
            let manager = try await WebBrowser.signedIn(api, as: "zhaojingli")
            let empty = try await manager.get("/problems")
            let csrf = try #require(empty.csrf)
            #expect(empty.status == .ok && empty.html.contains("id=\"problems-empty\""))
            #expect(empty.html.contains("href=\"/problems\" aria-current=\"page\" id=\"nav-problems\""))
            // when: detection
            let detected = try await manager.post("/problems/detect", ["_csrf": csrf])
            let location = try #require(detected.location)
            let list = try await manager.get(location)
            #expect(list.html.contains("id=\"problem-notice\"") && list.html.contains("id=\"problem-list\""))
            let problem = try #require(
                try await api.store.problems(statuses: [.proposed], limit: 10, offset: 0).items.first)
            // then: the proposal with its evidence and the decision forms
            let page = try await manager.get("/problems/\(problem.id)")
            #expect(page.status == .ok && page.html.contains("id=\"problem-evidence\"") && page.html.contains("证书"))
            #expect(page.html.contains("id=\"problem-confirm\"") && !page.html.contains("id=\"problem-form\""))
            for number in numbers.prefix(3) { #expect(page.html.contains("/tickets/\(number)")) }
            // when: confirmed, then a workaround recorded with the known-error status
            let confirmed = try await manager.post(
                "/problems/\(problem.id)/confirm", ["_csrf": csrf, "version": String(problem.version)])
            #expect(confirmed.location == "/problems/\(problem.id)?done=confirmed")
            let open = try await manager.get("/problems/\(problem.id)?done=confirmed")
            #expect(open.html.contains("id=\"problem-form\"") && open.html.contains("id=\"problem-notice\""))
            let current = try #require(try await api.store.problem(id: problem.id))
            let refused = try await manager.post(
                "/problems/\(problem.id)",
                ["_csrf": csrf, "version": String(current.version), "title": current.title, "status": "known_error"])
            #expect(refused.status == .unprocessableContent && refused.html.contains("id=\"form-error\""))
            let saved = try await manager.post(
                "/problems/\(problem.id)",
                [
                    "_csrf": csrf, "version": String(current.version), "title": current.title, "status": "known_error",
                    "rootCause": "网关证书到期", "workaround": "先用网页版 VPN\n重启后再连", "permanentFix": "",
                    "preventiveActions": "",
                    "ticketNumbers": current.ticketNumbers.joined(separator: ", "),
                ])
            #expect(saved.location == "/problems/\(problem.id)?done=saved")
            #expect(try await api.store.problem(id: problem.id)?.status == .knownError)
            // saved again from the form (a text area sends CRLF): the requesters are not told twice
            let again = try #require(try await api.store.problem(id: problem.id))
            _ = try await manager.post(
                "/problems/\(problem.id)",
                [
                    "_csrf": csrf, "version": String(again.version), "title": "VPN 证书过期", "status": "known_error",
                    "rootCause": "网关证书到期", "workaround": "先用网页版 VPN\r\n重启后再连",
                    "ticketNumbers": again.ticketNumbers.joined(separator: " "),
                ])
            let events = try await api.call(.get, "/api/v1/tickets/\(numbers[0])/events", token: admin)
            #expect(events.items.filter { ($0["body"] as? String)?.contains("先用网页版 VPN") == true }.count == 1)
            // and the ticket page shows its problem; the requester's ticket has the workaround
            let staff = try await WebBrowser.signedIn(api)
            let ticket = try await staff.get("/tickets/\(numbers[0])")
            #expect(ticket.html.contains("id=\"ticket-problems\"") && ticket.html.contains("/problems/\(problem.id)"))
            #expect(ticket.html.contains("先用网页版 VPN"))
        }
    }
}
