import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Hummingbird

/// Every ticket list of the UI: the requester's "my tickets", the agent console's queues and
/// the supervisor's lists and board. Each is one ``TicketFilter`` run by the same list use
/// case as the API's, filtered and paginated by cursor in the database.
struct WebQueueRoutes {
    let deps: WebDependencies

    /// A named list: who may open it and the query behind it.
    struct Queue: Sendable {
        let name: String
        let titleKey: String
        let roles: Set<Role>
        /// The supervisor's board (`board.mustache`) rather than a filtered table.
        let isBoard: Bool
        let refreshSeconds: Int
        let configure: @Sendable (inout TicketFilter, User) -> Void
    }

    static let open: [TicketStatus] = TicketStatus.allCases.filter(\.isOpen)
    static let staff: Set<Role> = [.agent, .problemManager, .supervisor, .admin]
    static let managers: Set<Role> = [.problemManager, .supervisor, .admin]

    static let queues: [String: Queue] = {
        let list: [Queue] = [
            Queue(name: "my", titleKey: "ui.queue.my", roles: Set(Role.allCases), isBoard: false, refreshSeconds: 0) {
                query, user in query.requesterId = user.id
            },
            Queue(name: "mine", titleKey: "ui.queue.mine", roles: staff, isBoard: false, refreshSeconds: 60) {
                query, user in
                query.assignee = .me
                if query.statuses.isEmpty { query.statuses = open + [.resolved] }
            },
            Queue(name: "groups", titleKey: "ui.queue.groups", roles: staff, isBoard: false, refreshSeconds: 60) {
                query, _ in if query.statuses.isEmpty { query.statuses = open }
            },
            Queue(name: "unassigned", titleKey: "ui.queue.unassigned", roles: staff, isBoard: false, refreshSeconds: 60)
            {
                query, _ in
                query.assignee = .nobody
                if query.statuses.isEmpty { query.statuses = [.new] }
            },
            Queue(name: "overdue", titleKey: "ui.queue.overdue", roles: staff, isBoard: false, refreshSeconds: 60) {
                query, _ in query.overdue = true
            },
            Queue(name: "waiting", titleKey: "ui.queue.waiting", roles: staff, isBoard: false, refreshSeconds: 60) {
                query, _ in query.statuses = [.waitingOnRequester, .blocked]
            },
            // R5.1: solutions waiting for a second engineer's check.
            Queue(
                name: "verification", titleKey: "ui.queue.verification", roles: staff, isBoard: false,
                refreshSeconds: 60
            ) {
                query, _ in query.statuses = [.verifying]
            },
            Queue(name: "review", titleKey: "ui.queue.review", roles: managers, isBoard: false, refreshSeconds: 60) {
                query, _ in query.statuses = [.resolved, .confirmed, .reviewed]
            },
            Queue(name: "board", titleKey: "ui.queue.board", roles: managers, isBoard: true, refreshSeconds: 30) {
                query, _ in
                query.priorities = [.p0, .p1]
                query.statuses = open
                query.limit = 100
            },
        ]
        return Dictionary(uniqueKeysWithValues: list.map { ($0.name, $0) })
    }()

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.get("my") { request, context in try await list("my", request, context) }
        group.get("queues/:queue") { request, context in
            let name = try context.parameters.require("queue")
            guard ["mine", "groups", "unassigned", "overdue", "waiting", "verification"].contains(name) else {
                throw APIError.notFound("route")
            }
            return try await list(name, request, context)
        }
        group.get("supervisor/review") { request, context in try await list("review", request, context) }
        group.get("supervisor/overdue") { request, context in
            try await list("overdue", request, context, supervisor: true)
        }
        group.get("supervisor/board") { request, context in try await list("board", request, context) }
    }

    func list(_ name: String, _ request: Request, _ context: HelpdeskRequestContext, supervisor: Bool = false)
        async throws -> Response
    {
        let queue = Self.queues[name]!
        let page = try await deps.page(request, context)
        let user = try page.requireRole(supervisor ? Self.managers : queue.roles)
        let parameters = request.uri.queryParameters
        // A filter left at "any" sends an empty value.
        func value(_ name: String) -> String? { parameters.get(name).flatMap { $0.isEmpty ? nil : $0 } }
        var query = TicketFilter()
        query.limit = 25
        if let status = value("status").flatMap(TicketStatus.init(rawValue:)) { query.statuses = [status] }
        if let priority = value("priority").flatMap(Priority.init(rawValue:)) { query.priorities = [priority] }
        query.groupId = try QueryParsing.id(value("group"), "group")
        query.categoryId = try QueryParsing.id(value("category"), "category")
        if let requester = value("requester") {
            // A username (or `#id`); nobody by that name lists nothing rather than everything.
            query.requesterId = try await deps.services.directory.userId(named: requester, for: user) ?? 0
        }
        query.channel = try QueryParsing.value(value("channel"), "channel", as: Channel.self)
        query.order = try QueryParsing.value(value("sort"), "sort", as: TicketOrder.self) ?? .newest
        switch value("assignee") {
        case nil: break
        case "me": query.assignee = .me
        case "none": query.assignee = .nobody
        case let raw?: query.assignee = .user(try QueryParsing.id(raw, "assignee")!)
        }
        if let text = value("q")?.trimmingCharacters(in: .whitespaces), !text.isEmpty { query.text = text }
        query.cursor = try QueryParsing.id(value("cursor"), "cursor")
        queue.configure(&query, user)
        // R9.1: a requester's department tickets, when the desk allows it; the scope limits the rest.
        let department = name == "my" && user.role == .requester ? try await deps.tickets.readsDepartment(user) : false
        let showDepartment = department && value("scope") == "department"
        if showDepartment { query.requesterId = nil }
        let listing = try await deps.tickets.list(query, for: user)
        let result = listing.page
        let views = try await deps.views(page)
        let rows = result.tickets.map { views.row($0, rules: listing.rules[$0.slaPolicyId]!) }
        if queue.isBoard {
            return deps.render(BoardPage(rows: rows, refresh: queue.refreshSeconds), page, titleKey: queue.titleKey)
        }
        var filters = parameters.filter { $0.key != "cursor" }.map { ($0.key, String($0.value)) }
        filters.sort { $0.0 < $1.0 }
        func link(_ pairs: [(Substring, String)]) -> String {
            pairs.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
                .joined(separator: "&")
        }
        let model = QueuePage(
            rows: rows, refresh: queue.refreshSeconds, q: parameters.get("q") ?? "",
            statuses: TicketViews.options(
                [("", views.t("ui.filter.any_status"))]
                    + TicketStatus.allCases.map { ($0.rawValue, views.t("status.\($0.rawValue)")) },
                selected: parameters.get("status") ?? ""),
            priorities: TicketViews.options(
                [("", views.t("ui.filter.any_priority"))]
                    + Priority.allCases.map { ($0.rawValue, views.t("ui.priority.\($0.rawValue)")) },
                selected: parameters.get("priority") ?? ""),
            groups: TicketViews.options(
                [("", views.t("ui.filter.any_group"))]
                    + views.groups.values.sorted { $0.id < $1.id }.map { (String($0.id), views.groupName($0.id)) },
                selected: parameters.get("group") ?? ""),
            categories: TicketViews.options(
                [("", views.t("ui.filter.any_category"))]
                    + views.categories.values.filter(\.active).sorted {
                        ($0.parentId ?? $0.id, $0.id) < ($1.parentId ?? $1.id, $1.id)
                    }
                    .map { (String($0.id), ($0.parentId == nil ? "" : "— ") + views.categoryName($0.id)) },
                selected: parameters.get("category") ?? ""),
            assignees: TicketViews.options(
                [
                    ("", views.t("ui.filter.any_assignee")), ("me", views.t("ui.filter.me")),
                    ("none", views.t("ui.filter.nobody")),
                ]
                    + views.users.values.filter { $0.active && $0.role.isStaff }.sorted { $0.id < $1.id }
                    .map { (String($0.id), $0.displayName) },
                selected: parameters.get("assignee") ?? ""),
            requester: parameters.get("requester") ?? "",
            channels: TicketViews.options(
                [("", views.t("ui.filter.any_channel"))]
                    + Channel.allCases.map { ($0.rawValue, views.t("ui.channel.\($0.rawValue)")) },
                selected: parameters.get("channel") ?? ""),
            orders: TicketViews.options(
                TicketOrder.allCases.map { ($0.rawValue, views.t("ui.filter.sort_\($0.rawValue)")) },
                selected: parameters.get("sort") ?? TicketOrder.newest.rawValue),
            departmentToggle: department
                ? QueuePage.Toggle(
                    href: showDepartment ? "/my" : "/my?scope=department",
                    label: views.t(showDepartment ? "ui.queue.only_mine" : "ui.queue.department")) : nil,
            showRequester: user.role.isStaff, overdueCauses: name == "overdue" && supervisor,
            next: result.nextCursor.map { "\(page.path)?\(link(filters + [("cursor", String($0))]))" },
            first: parameters.get("cursor") == nil
                ? nil : filters.isEmpty ? page.path : "\(page.path)?\(link(filters))")
        return deps.render(model, page, titleKey: queue.titleKey)
    }
}
