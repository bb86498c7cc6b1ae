import Hummingbird

/// Turns the router's 404 for a registered path requested with another method into 405
/// `method_not_allowed` with an `Allow` header (RFC 9110 §15.5.6).
///
/// Added to the router after every route, so it wraps only the router's not-found responder:
/// handlers' own 404s (an unknown ticket) never reach it.
struct MethodNotAllowedMiddleware: RouterMiddleware {
    typealias Context = HelpdeskRequestContext
    let routes: RouteMethods

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            guard let allowed = routes.methods(for: request.uri.path), !allowed.contains(request.method) else {
                throw error
            }
            throw MethodNotAllowed(allowed: allowed)
        }
    }
}

/// A request for a path that exists, with a method it does not have; rendered by ``ErrorMiddleware``.
struct MethodNotAllowed: Error {
    let allowed: [HTTPRequest.Method]

    /// The `Allow` header's value: `GET, POST`.
    var allow: String { allowed.map(\.rawValue).joined(separator: ", ") }
}

/// The methods registered for each path of a router.
struct RouteMethods: Sendable {
    private let routes: [(path: RouterPath, methods: [HTTPRequest.Method])]

    init(_ descriptions: [Router<HelpdeskRequestContext>.RouteDescription]) {
        var routes: [(path: RouterPath, methods: [HTTPRequest.Method])] = []
        for description in descriptions {
            if let index = routes.firstIndex(where: { $0.path == description.path }) {
                routes[index].methods.append(description.method)
            } else {
                routes.append((description.path, [description.method]))
            }
        }
        // The router answers HEAD wherever it answers GET (`autoGenerateHeadEndpoints`).
        self.routes = routes.map { route in
            let methods =
                route.methods.contains(.get) && !route.methods.contains(.head)
                ? route.methods + [.head] : route.methods
            return (route.path, methods.sorted { $0.rawValue < $1.rawValue })
        }
    }

    /// The methods of the route the router resolves `path` to, or nil when no route matches it.
    /// Like the router, a literal segment beats a pattern: with `tickets/new` and
    /// `tickets/{number}`, `/tickets/new` resolves to the former only. (`**` counts as one segment.)
    func methods(for path: String) -> [HTTPRequest.Method]? {
        let segments = path.split(separator: "/")
        let candidates = routes.filter { route in
            route.path.components.count == segments.count
                && zip(route.path.components, segments).allSatisfy { element, segment in element ~= segment }
        }
        let best = candidates.max { lhs, rhs in
            lhs.path.components.map(Self.specificity).lexicographicallyPrecedes(
                rhs.path.components.map(Self.specificity))
        }
        return best?.methods
    }

    /// Hummingbird's order of preference between sibling segments, from its printed form:
    /// literal, `{id}.json`-style capture, `*.json`-style wildcard, `{id}`, `*`, `**`.
    private static func specificity(_ element: RouterPath.Element) -> Int {
        let text = element.description
        switch text {
        case "**": return 0
        case "*": return 1
        case _ where text.first == "{" && text.last == "}" && text.dropFirst().allSatisfy({ $0 != "{" }): return 2
        case _ where text.contains("*"): return 3
        case _ where text.contains("{"): return 4
        default: return 5
        }
    }
}
