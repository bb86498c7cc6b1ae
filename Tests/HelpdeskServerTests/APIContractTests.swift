import Foundation
import HTTPTypes
import HelpdeskCore
import HelpdeskTestSupport
import Hummingbird
import Testing

@testable import HelpdeskServer

@Suite("API contract: the router, openapi.json and the domain agree; unknown methods are 405")
struct APIContractTests {
    /// `GET /api/v1/tickets/{number}` for every route of the API (and `/health`), the admin clock included.
    static func registeredRoutes() async throws -> Set<String> {
        try await TestStores.with(.sqlite) { store in
            let router = HelpdeskApp.router(
                store: store, localizer: APIHarness.localizer, simulatedClock: SimulatedClock(start: Date()))
            return Set(
                router.routes.map { "\($0.method.rawValue) \($0.path.description)" }
                    .filter { $0.contains(" /api/v1/") || $0.hasSuffix(" /health") })
        }
    }

    /// The same for every operation of `Resources/openapi.json`.
    static func documentedOperations() throws -> Set<String> {
        let data = try #require(OpenAPIDocument.data)
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options", "trace"]
        return Set(
            paths.flatMap { path, item in
                item.keys.filter(methods.contains).map { "\($0.uppercased()) \(path)" }
            })
    }

    @Test("every API route is in openapi.json and every documented operation is routed")
    func routerMatchesDocument() async throws {
        let routes = try await Self.registeredRoutes()
        let documented = try Self.documentedOperations()
        #expect(routes.contains("GET /api/v1/tickets/{number}") && routes.count > 50)
        #expect(routes.subtracting(documented).sorted() == [], "routed but missing from openapi.json")
        #expect(documented.subtracting(routes).sorted() == [], "in openapi.json but not routed")
    }

    static func schemas() throws -> [String: [String: Any]] {
        let data = try #require(OpenAPIDocument.data)
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let components = try #require(document["components"] as? [String: Any])
        return try #require(components["schemas"] as? [String: [String: Any]])
    }

    static func properties(_ schema: String) throws -> [String: [String: Any]] {
        try #require(try schemas()[schema]?["properties"] as? [String: [String: Any]])
    }

    @Test(
        "the document's enums list exactly the domain's values",
        arguments: [
            ("TicketStatus", TicketStatus.allCases.map(\.rawValue)),
            ("OpenTicketStatus", TicketStatus.allCases.filter(\.isOpen).map(\.rawValue)),
            ("WorkflowAction", WorkflowAction.allCases.map(\.rawValue)),
            ("Priority", Priority.allCases.map(\.rawValue)), ("Impact", Impact.allCases.map(\.rawValue)),
            ("Urgency", Urgency.allCases.map(\.rawValue)), ("TicketType", TicketType.allCases.map(\.rawValue)),
            ("Channel", Channel.allCases.map(\.rawValue)), ("Role", Role.allCases.map(\.rawValue)),
            ("Tier", Tier.allCases.map(\.rawValue)), ("SatisfactionLevel", SatisfactionLevel.allCases.map(\.rawValue)),
            ("SLAUnit", SLAUnit.allCases.map(\.rawValue)), ("SLAClockMode", SLAClockMode.allCases.map(\.rawValue)),
            ("NoticeKind", NoticeKind.allCases.map(\.rawValue)),
        ])
    func enums(schema: String, values: [String]) throws {
        let documented = try #require(try Self.schemas()[schema]?["enum"] as? [String])
        #expect(documented.sorted() == values.sorted())
    }

    @Test("the document's text limits are the domain's")
    func textLimits() throws {
        let create = try Self.properties("CreateTicketRequest")
        for field in ["title", "description", "contact", "affectedSystem"] {
            #expect(create[field]?["maxLength"] as? Int == Intake.limits[field], "\(field)")
        }
        #expect(try Self.properties("RequesterInput")["name"]?["maxLength"] as? Int == Intake.limits["requester.name"])
        #expect(try Self.properties("WorklogRequest")["body"]?["maxLength"] as? Int == TicketOperations.maxTextLength)
        #expect(
            try Self.properties("WorkaroundRequest")["workaround"]?["maxLength"] as? Int
                == TicketOperations.maxTextLength)
    }

    @Test(
        "\"non-blank\" in the document is what the server trims: a string of any one character is blank for both or neither"
    )
    func nonBlankPattern() throws {
        let pattern = try #require(try Self.properties("CreateTicketRequest")["title"]?["pattern"] as? String)
        let regex = try NSRegularExpression(pattern: pattern)
        var disagreements: [String] = []
        for value in 0...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(Character(scalar))
            let matches = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            let blank = text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            if matches == blank { disagreements.append(String(format: "U+%04X", value)) }
        }
        #expect(disagreements == [])
    }

    @Test(
        "a known path with another method is 405 method_not_allowed with the path's methods in Allow",
        arguments: [
            (HTTPRequest.Method.patch, "/api/v1/tickets/INC-20261120-0001", "GET, HEAD"),
            (.delete, "/api/v1/tickets", "GET, HEAD, POST"),
            (.get, "/api/v1/auth/token", "DELETE, POST"),
            (.put, "/api/v1/tickets/INC-1/extensions/3/decision", "POST"),
            (.post, "/api/v1/admin/webhooks/7", "DELETE, PUT"),
            (.post, "/health", "GET, HEAD"),
        ])
    func methodNotAllowed(method: HTTPRequest.Method, path: String, allow: String) async throws {
        try await APIHarness.run(.sqlite) { api in
            let response = try await api.call(method, path, language: "en")
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers[.allow] == allow)
            if method != .head {
                #expect(response.errorCode == "method_not_allowed" && response.errorMessage == "Method not allowed.")
            }
        }
    }

    @Test("every operation with a numeric id in its path documents 400, the answer to an id out of range")
    func numericIdsDocumentBadRequest() throws {
        let data = try #require(OpenAPIDocument.data)
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let methods: Set<String> = ["get", "put", "post", "delete", "patch"]
        var missing: [String] = []
        var checked = 0
        for (path, item) in paths where path.contains("{id}") {
            for (method, value) in item where methods.contains(method) {
                let operation = try #require(value as? [String: Any])
                let responses = try #require(operation["responses"] as? [String: Any])
                checked += 1
                if responses["400"] == nil { missing.append("\(method.uppercased()) \(path)") }
            }
        }
        #expect(checked > 20)
        #expect(missing.sorted() == [])
    }

    @Test("unknown paths and unknown resources stay 404")
    func notFoundStaysNotFound() async throws {
        try await APIHarness.run(.sqlite) { api in
            let admin = try await api.token("admin")
            let unknownPath = try await api.call(.patch, "/api/v1/nothing-here", token: admin)
            #expect(unknownPath.status == .notFound && unknownPath.headers[.allow] == nil)
            let tooDeep = try await api.call(.get, "/api/v1/tickets/INC-1/events/extra", token: admin)
            #expect(tooDeep.status == .notFound)
            let unknownTicket = try await api.call(.get, "/api/v1/tickets/INC-20991231-9999", token: admin)
            #expect(unknownTicket.status == .notFound && unknownTicket.errorCode == "not_found")
            #expect(unknownTicket.headers[.allow] == nil)
        }
    }

    @Test("a literal segment wins over a parameter, as in the router")
    func literalBeatsParameter() {
        let router = Router(context: HelpdeskRequestContext.self)
        router.get("tickets/new") { _, _ in "form" }
        router.get("tickets/:number") { _, _ in "ticket" }
        router.post("tickets/:number") { _, _ in "changed" }
        let routes = RouteMethods(router.routes)
        #expect(routes.methods(for: "/tickets/new") == [.get, .head])
        #expect(routes.methods(for: "/tickets/INC-1") == [.get, .head, .post])
        #expect(routes.methods(for: "/tickets") == nil)
    }
}
