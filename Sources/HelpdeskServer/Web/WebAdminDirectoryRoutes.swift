import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Hummingbird

/// `/admin/users`, `/admin/groups`, `/admin/categories`: forms over the same
/// ``DirectoryService`` use cases as the API's directory routes.
struct WebAdminDirectoryRoutes {
    let deps: WebDependencies
    var directory: DirectoryService { deps.services.directory }

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.get("admin/users") { request, context in try await users(request, context, editing: nil) }
        group.get("admin/users/:id") { request, context in
            try await users(request, context, editing: try context.parameters.id(resource: "user"))
        }
        group.post("admin/users", use: saveUser)
        group.post("admin/users/:id", use: saveUser)
        group.editable("admin/groups", resource: "group", page: groups, save: saveGroup)
        group.editable("admin/categories", resource: "category", page: categories, save: saveCategory)
    }

    /// The groups with their leads; editing one, its form with a select of its members as lead.
    @Sendable func groups(_ request: Request, _ context: HelpdeskRequestContext, editing: Int64?) async throws
        -> Response
    {
        let page = try await deps.page(request, context)
        let admin = try page.requireRole([.admin])
        let views = try await deps.views(page)
        let all = try await directory.groups(for: admin)
        var edit: AdminGroupsPage.Edit?
        if let editing {
            guard let group = all.first(where: { $0.id == editing }) else { throw APIError.notFound("group") }
            let members = try await directory.allUsers(by: admin).filter {
                ($0.role.isStaff && $0.active && $0.groupIds.contains(group.id)) || $0.id == group.leadUserId
            }
            edit = AdminGroupsPage.Edit(
                id: group.id, name: group.name, nameEn: group.nameEn ?? "",
                leads: [SelectOption(value: "", label: views.t("ui.admin.no_lead"), selected: group.leadUserId == nil)]
                    + members.map {
                        SelectOption(
                            value: String($0.id),
                            label: views.t("ui.person.option", ["name": $0.displayName, "username": $0.username]),
                            selected: $0.id == group.leadUserId)
                    },
                modes: TicketViews.options(
                    AssignmentMode.allCases.map { ($0.rawValue, views.t("ui.admin.assignment.\($0.rawValue)")) },
                    selected: group.assignmentMode.rawValue))
        }
        let rows = all.map {
            AdminGroupsPage.Group(
                id: $0.id, name: $0.name, nameEn: $0.nameEn ?? "",
                lead: $0.leadUserId.map { views.users[$0]?.displayName ?? "#\($0)" } ?? "",
                mode: views.t("ui.admin.assignment.\($0.assignmentMode.rawValue)"))
        }
        return deps.render(
            AdminGroupsPage(groups: rows, edit: edit), page,
            titleKey: editing == nil ? "ui.admin.groups" : "ui.admin.edit_group")
    }

    /// Adds (`id` 0) or saves one.
    @Sendable func saveGroup(_ request: Request, _ context: HelpdeskRequestContext, id: Int64) async throws -> Response
    {
        let page = try await deps.page(request, context)
        let admin = try page.requireRole([.admin])
        let form = try await deps.form(request, context)
        _ = try await directory.saveGroup(
            id,
            GroupCommand(
                name: form["name"] ?? "", nameEn: form.text("nameEn"), leadUserId: form.int("leadUserId"),
                assignmentMode: try QueryParsing.value(
                    form.text("assignmentMode"), "assignmentMode", as: AssignmentMode.self)
            ),
            by: admin)
        return Response.redirect(to: "/admin/groups")
    }

    /// Adds (`id` 0) or saves one.
    @Sendable func saveCategory(_ request: Request, _ context: HelpdeskRequestContext, id: Int64) async throws
        -> Response
    {
        let page = try await deps.page(request, context)
        let admin = try page.requireRole([.admin])
        let form = try await deps.form(request, context)
        _ = try await directory.saveCategory(
            id,
            CategoryNodeCommand(
                parentId: form.int("parentId"), name: form["name"] ?? "", nameEn: form.text("nameEn"),
                defaultGroupId: form.int("defaultGroupId"), sortOrder: Int(form.int("sortOrder") ?? 0),
                active: id == 0 || form["active"] == "on", requiresVerification: form["requiresVerification"] == "on"),
            by: admin)
        return Response.redirect(to: "/admin/categories")
    }

    func users(_ request: Request, _ context: HelpdeskRequestContext, editing: Int64?) async throws -> Response {
        let page = try await deps.page(request, context)
        let admin = try page.requireRole([.admin])
        let views = try await deps.views(page)
        let all = try await directory.allUsers(by: admin)
        var edited: User?
        if let editing {
            guard let user = all.first(where: { $0.id == editing }) else { throw APIError.notFound("user") }
            edited = user
        }
        let rows = all.map { user in
            AdminUsersPage.Row(
                id: user.id, username: user.username, name: user.displayName,
                role: views.t("ui.role.\(user.role.rawValue)"), tier: user.tier?.rawValue ?? "",
                groups: user.groupIds.map { views.groupName($0) }.joined(separator: "、"), active: user.active)
        }
        let form = AdminUsersPage.Form(
            roles: TicketViews.options(
                Role.allCases.map { ($0.rawValue, views.t("ui.role.\($0.rawValue)")) },
                selected: edited?.role.rawValue ?? "requester"),
            tiers: TicketViews.options(
                [("", "—")] + Tier.allCases.map { ($0.rawValue, $0.rawValue) }, selected: edited?.tier?.rawValue ?? ""),
            groups: views.groups.values.sorted { $0.id < $1.id }.map {
                AdminUsersPage.Form.Group(
                    id: $0.id, name: views.groupName($0.id), checked: edited?.groupIds.contains($0.id) ?? false)
            },
            locales: TicketViews.languageOptions(selected: edited?.locale ?? "zh-CN"),
            active: edited?.active ?? true, external: edited?.external ?? false,
            action: edited.map { "/admin/users/\($0.id)" } ?? "/admin/users",
            edited: edited.map {
                AdminUsersPage.Form.Edited(
                    username: $0.username, name: $0.displayName, email: $0.email ?? "", phone: $0.phone ?? "",
                    department: $0.department ?? "", employeeNumber: $0.employeeNumber ?? "", region: $0.region ?? "")
            })
        return deps.render(
            AdminUsersPage(users: rows, form: form), page,
            titleKey: editing == nil ? "ui.admin.users" : "ui.admin.edit_user")
    }

    @Sendable func saveUser(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        let page = try await deps.page(request, context)
        let admin = try page.requireRole([.admin])
        let form = try await deps.form(request, context)
        let id = context.parameters.get("id").flatMap { Int64($0) } ?? 0
        guard let role = form["role"].flatMap(Role.init(rawValue:)) else { throw APIError.invalidValue("role") }
        let command = UserCommand(
            username: form["username"] ?? "", displayName: form["displayName"] ?? "", password: form.text("password"),
            role: role, tier: role == .agent ? form["tier"].flatMap(Tier.init(rawValue:)) : nil,
            email: form.text("email"),
            phone: form.text("phone"), department: form.text("department"), employeeNumber: form.text("employeeNumber"),
            region: form.text("region"), external: form["external"] == "on", locale: form["locale"],
            active: id == 0 || form["active"] == "on", groupIds: form.all("groupIds").compactMap { Int64($0) })
        if id == 0 {
            _ = try await directory.createUser(command, by: admin)
        } else {
            _ = try await directory.updateUser(id, command, by: admin)
        }
        return .redirect(to: "/admin/users")
    }

    /// The category tree and the add form; editing one, its form (rename, move, re-route to
    /// another group, deactivate).
    @Sendable func categories(_ request: Request, _ context: HelpdeskRequestContext, editing: Int64?) async throws
        -> Response
    {
        let page = try await deps.page(request, context)
        _ = try page.requireRole([.admin])
        let views = try await deps.views(page)
        let all = try await directory.categories()
        func node(_ category: TicketCategory, children: [AdminCategoriesPage.Node]) -> AdminCategoriesPage.Node {
            AdminCategoriesPage.Node(
                id: category.id, name: category.name, nameEn: category.nameEn ?? "",
                group: views.groupName(category.defaultGroupId), active: category.active,
                verified: category.requiresVerification, children: children)
        }
        let tops = all.filter { $0.parentId == nil }
        let edited = try editing.map { id in
            guard let category = all.first(where: { $0.id == id }) else { throw APIError.notFound("category") }
            return category
        }
        // A category with subcategories stays at the top (the tree has two levels).
        let hasChildren = edited.map { category in all.contains { $0.parentId == category.id } } ?? false
        let model = AdminCategoriesPage(
            tree: tops.map { top in
                node(top, children: all.filter { $0.parentId == top.id }.map { node($0, children: []) })
            },
            parents: TicketViews.options(
                [("", views.t("ui.admin.top_level"))]
                    + (hasChildren
                        ? []
                        : tops.filter { $0.id != edited?.id }.map {
                            (String($0.id), views.page.locale == "en" ? $0.nameEn ?? $0.name : $0.name)
                        }),
                selected: edited?.parentId.map(String.init) ?? ""),
            groups: TicketViews.options(
                [("", "—")]
                    + views.groups.values.sorted { $0.id < $1.id }.map { (String($0.id), views.groupName($0.id)) },
                selected: edited?.defaultGroupId.map(String.init) ?? ""),
            edit: edited.map {
                AdminCategoriesPage.Edit(
                    id: $0.id, name: $0.name, nameEn: $0.nameEn ?? "", sortOrder: $0.sortOrder, active: $0.active,
                    requiresVerification: $0.requiresVerification)
            })
        return deps.render(
            model, page, titleKey: editing == nil ? "ui.admin.categories" : "ui.admin.edit_category")
    }
}
