import Foundation
import Hummingbird
import HelpdeskCore
import HelpdeskStore

/// Users, groups and the category tree: staff read, admins write. Requesters read the
/// category tree (they choose a category when they submit) and themselves.
struct DirectoryRoutes {
    let store: any HelpdeskStore
    let clock: AppClock

    static let staff: Set<Role> = [.agent, .problemManager, .supervisor, .admin]

    struct UserBody: Decodable {
        var username: String
        var displayName: String
        var password: String?
        var role: Role
        var tier: Tier?
        var email: String?
        var phone: String?
        var department: String?
        var employeeNumber: String?
        var region: String?
        var external: Bool?
        var locale: String?
        var active: Bool?
        var groupIds: [Int64]?
    }

    struct GroupBody: Decodable {
        var name: String
        var nameEn: String?
        var leadUserId: Int64?
    }

    struct CategoryNodeBody: Decodable {
        var parentId: Int64?
        var name: String
        var nameEn: String?
        var defaultGroupId: Int64?
        var sortOrder: Int?
        var active: Bool?

        func category(id: Int64) -> TicketCategory {
            TicketCategory(
                id: id, parentId: parentId, name: name, nameEn: nameEn, defaultGroupId: defaultGroupId,
                sortOrder: sortOrder ?? 0, active: active ?? true)
        }
    }

    struct Items<T: Encodable & Sendable>: ResponseEncodable {
        let items: [T]
    }

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.get("users", use: listUsers)
        group.post("users", use: createUser)
        group.get("users/:id", use: getUser)
        group.put("users/:id", use: updateUser)
        group.get("groups") { _, context in
            _ = try context.requireRole(Self.staff, action: "groups")
            return Items(items: try await store.groups())
        }
        group.post("groups") { request, context in
            _ = try context.requireRole([.admin], action: "groups")
            let body = try await request.decodeJSON(GroupBody.self, context: context)
            let group = SupportGroup(id: 0, name: body.name, nameEn: body.nameEn, leadUserId: body.leadUserId)
            return EditedResponse(status: .created, response: try await saveGroup(group))
        }
        group.put("groups/:id") { request, context in
            _ = try context.requireRole([.admin], action: "groups")
            let body = try await request.decodeJSON(GroupBody.self, context: context)
            let id = try context.parameters.id(resource: "group")
            return try await saveGroup(SupportGroup(id: id, name: body.name, nameEn: body.nameEn, leadUserId: body.leadUserId))
        }
        group.get("categories") { _, context in
            _ = try context.requireUser()
            return Items(items: try await store.categories())
        }
        group.post("categories") { request, context in
            _ = try context.requireRole([.admin], action: "categories")
            let body = try await request.decodeJSON(CategoryNodeBody.self, context: context)
            return EditedResponse(status: .created, response: try await saveCategory(body.category(id: 0)))
        }
        group.put("categories/:id") { request, context in
            _ = try context.requireRole([.admin], action: "categories")
            let body = try await request.decodeJSON(CategoryNodeBody.self, context: context)
            return try await saveCategory(body.category(id: try context.parameters.id(resource: "category")))
        }
    }

    func saveGroup(_ group: SupportGroup) async throws -> SupportGroup {
        guard let name = Self.clean(group.name, max: 50) else { throw APIError.invalidValue("name") }
        if let lead = group.leadUserId {
            guard let user = try await store.user(id: lead), user.role.isStaff else {
                throw APIError(.unprocessableContent, "invalid_reference", ["field": "leadUserId"])
            }
        }
        var group = group
        group.name = name
        return try await store.saveGroup(group, now: clock.now())
    }

    func saveCategory(_ category: TicketCategory) async throws -> TicketCategory {
        guard let name = Self.clean(category.name, max: 50) else { throw APIError.invalidValue("name") }
        var category = category
        category.name = name
        return try await store.saveCategory(category)
    }

    @Sendable func listUsers(_ request: Request, context: HelpdeskRequestContext) async throws -> Items<User> {
        _ = try context.requireRole(Self.staff, action: "users")
        let parameters = request.uri.queryParameters
        let role = try parameters.get("role").map {
            guard let role = Role(rawValue: $0) else { throw APIError.invalidParameter("role") }
            return role
        }
        let group = try TicketRoutes.id(parameters.get("group"), "group")
        return Items(items: try await store.users(role: role, groupId: group))
    }

    @Sendable func getUser(_ request: Request, context: HelpdeskRequestContext) async throws -> User {
        let viewer = try context.requireUser()
        let id = try context.parameters.id(resource: "user")
        guard viewer.role.isStaff || viewer.id == id, let user = try await store.user(id: id) else {
            throw APIError.notFound("user")
        }
        return user
    }

    @Sendable func createUser(_ request: Request, context: HelpdeskRequestContext) async throws -> EditedResponse<User> {
        _ = try context.requireRole([.admin], action: "users")
        let body = try await request.decodeJSON(UserBody.self, context: context)
        guard let password = body.password else { throw APIError.fieldRequired("password") }
        let user = try Self.validated(body, id: 0)
        let hash = try await PasswordHashing.hash(try Self.validatedPassword(password))
        return EditedResponse(status: .created, response: try await store.createUser(user, passwordHash: hash, now: clock.now()))
    }

    @Sendable func updateUser(_ request: Request, context: HelpdeskRequestContext) async throws -> User {
        _ = try context.requireRole([.admin], action: "users")
        let id = try context.parameters.id(resource: "user")
        let body = try await request.decodeJSON(UserBody.self, context: context)
        let user = try Self.validated(body, id: id)
        let hash: String? =
            if let password = body.password { try await PasswordHashing.hash(try Self.validatedPassword(password)) } else { nil }
        return try await store.updateUser(user, passwordHash: hash)
    }

    static func validated(_ body: UserBody, id: Int64) throws -> User {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "._-@"))
        guard let username = clean(body.username, max: 64),
            username.unicodeScalars.allSatisfy({ allowed.contains($0) && $0.isASCII })
        else { throw APIError.invalidValue("username") }
        guard let displayName = clean(body.displayName, max: 100) else { throw APIError.invalidValue("displayName") }
        let locale = body.locale ?? "zh-CN"
        guard Localizer.supported.contains(locale) else { throw APIError.invalidValue("locale") }
        if body.tier != nil, body.role != .agent { throw APIError.invalidValue("tier") }
        return User(
            id: id, username: username, displayName: displayName, role: body.role,
            tier: body.role == .agent ? body.tier ?? .l1 : nil, email: body.email, phone: body.phone,
            department: body.department, employeeNumber: body.employeeNumber, region: body.region,
            external: body.external ?? false, locale: locale, active: body.active ?? true, groupIds: body.groupIds ?? [])
    }

    static func validatedPassword(_ password: String) throws -> String {
        guard password.count >= 8, password.count <= 72 else { throw APIError.invalidValue("password") }
        return password
    }

    static func clean(_ text: String, max: Int) -> String? {
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty || value.count > max ? nil : value
    }
}

extension User: ResponseEncodable {}
extension SupportGroup: ResponseEncodable {}
extension TicketCategory: ResponseEncodable {}
