import Foundation
import HelpdeskCore
import HelpdeskStore

/// Users, groups and the category tree: staff read, administrators write; requesters read the
/// category tree (they choose a category when they submit) and themselves.
public struct DirectoryService: Sendable {
    let store: any DirectoryStore
    let clock: AppClock

    public init(store: any DirectoryStore, clock: AppClock) {
        self.store = store
        self.clock = clock
    }

    // MARK: Users

    public func users(role: Role?, groupId: Int64?, for viewer: User) async throws -> [User] {
        try Authorize.staff(viewer, "users")
        return try await store.users(role: role, groupId: groupId).map { Access.presented($0, to: viewer.actor) }
    }

    /// Staff see any account; everyone sees their own.
    public func user(_ id: Int64, for viewer: User) async throws -> User {
        guard viewer.role.isStaff || viewer.id == id, let user = try await store.user(id: id) else {
            throw UseCaseError.notFound(resource: "user")
        }
        return Access.presented(user, to: viewer.actor)
    }

    public func createUser(_ command: UserCommand, by admin: User) async throws -> User {
        try Authorize.admin(admin, "users")
        guard let password = command.password else { throw UseCaseError.fieldRequired(field: "password") }
        let user = try Self.validated(command, id: 0)
        let hash = try await PasswordHashing.hash(try Self.validatedPassword(password))
        let now = clock.now()
        let draft: AuditTrail.Draft = { created in
            let id = (created as? User)?.id
            return AuditEntry(
                at: now, actor: admin, action: .userCreated, subjectId: id, target: id.map { "user:\($0)" },
                detail: ["role": user.role.rawValue])
        }
        return try await AuditTrail.recording(draft) {
            try await store.createUser(user, passwordHash: hash, now: now)
        }
    }

    public func updateUser(_ id: Int64, _ command: UserCommand, by admin: User) async throws -> User {
        try Authorize.admin(admin, "users")
        let user = try Self.validated(command, id: id)
        let hash: String? =
            if let password = command.password {
                try await PasswordHashing.hash(try Self.validatedPassword(password))
            } else { nil }
        guard let before = try await store.user(id: id) else { throw UseCaseError.notFound(resource: "user") }
        var detail = [
            "fields": Self.changedFields(from: before, to: user, password: hash != nil).joined(separator: ",")
        ]
        if before.role != user.role { detail["role"] = "\(before.role.rawValue)→\(user.role.rawValue)" }
        let entry = AuditEntry(
            at: clock.now(), actor: admin, action: .userUpdated, subjectId: id, target: "user:\(id)", detail: detail)
        return try await AuditTrail.recording(entry) { try await store.updateUser(user, passwordHash: hash) }
    }

    /// The names of the fields an update changes, never their values.
    static func changedFields(from before: User, to after: User, password: Bool) -> [String] {
        let fields: [(String, Bool)] = [
            ("username", before.username != after.username), ("displayName", before.displayName != after.displayName),
            ("role", before.role != after.role), ("tier", before.tier != after.tier),
            ("email", before.email != after.email), ("phone", before.phone != after.phone),
            ("department", before.department != after.department),
            ("employeeNumber", before.employeeNumber != after.employeeNumber),
            ("region", before.region != after.region), ("external", before.external != after.external),
            ("locale", before.locale != after.locale), ("active", before.active != after.active),
            ("groupIds", Set(before.groupIds) != Set(after.groupIds)), ("password", password),
        ]
        return fields.filter(\.1).map(\.0)
    }

    /// The signed-in user's own language; only that field is written.
    /// An engineer marks themselves away, or back (R4.1): away, they get no automatic assignment.
    public func setAway(_ away: Bool, for user: User) async throws -> User {
        guard user.role == .agent else { throw UseCaseError.forbidden(action: "away") }
        if away != user.away { try await store.setAway(userId: user.id, away: away) }
        var updated = user
        updated.away = away
        return updated
    }

    public func setLocale(_ locale: String, for user: User) async throws {
        guard User.locales.contains(locale) else { throw UseCaseError.invalidValue(field: "locale") }
        guard locale != user.locale else { return }
        try await store.setLocale(userId: user.id, locale: locale)
    }

    static func validated(_ command: UserCommand, id: Int64) throws -> User {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "._-@"))
        guard let username = TextInput.clean(command.username, max: 64),
            username.unicodeScalars.allSatisfy({ allowed.contains($0) && $0.isASCII })
        else { throw UseCaseError.invalidValue(field: "username") }
        guard let displayName = TextInput.clean(command.displayName, max: 100) else {
            throw UseCaseError.invalidValue(field: "displayName")
        }
        let locale = command.locale ?? User.locales[0]
        guard User.locales.contains(locale) else { throw UseCaseError.invalidValue(field: "locale") }
        if command.tier != nil, command.role != .agent { throw UseCaseError.invalidValue(field: "tier") }
        if let email = command.email, !email.isEmpty, !EmailAddress.isValid(email) {
            throw UseCaseError.invalidValue(field: "email")
        }
        return User(
            id: id, username: username, displayName: displayName, role: command.role,
            tier: command.role == .agent ? command.tier ?? .l1 : nil, email: command.email, phone: command.phone,
            department: command.department, employeeNumber: command.employeeNumber, region: command.region,
            external: command.external ?? false, locale: locale, active: command.active ?? true,
            groupIds: command.groupIds ?? [])
    }

    static func validatedPassword(_ password: String) throws -> String {
        guard password.count >= 8, password.count <= 72 else { throw UseCaseError.invalidValue(field: "password") }
        return password
    }

    // MARK: Groups and categories

    public func groups(for viewer: User) async throws -> [SupportGroup] {
        try Authorize.staff(viewer, "groups")
        return try await store.groups()
    }

    public func saveGroup(_ id: Int64, _ command: GroupCommand, by admin: User) async throws -> SupportGroup {
        try Authorize.admin(admin, "groups")
        guard let name = TextInput.clean(command.name, max: 50) else { throw UseCaseError.invalidValue(field: "name") }
        if let lead = command.leadUserId {
            guard let user = try await store.user(id: lead), user.role.isStaff else {
                throw UseCaseError.invalidReference(field: "leadUserId")
            }
        }
        let nameEn = try TextInput.optional(command.nameEn, max: 50, field: "nameEn")
        let now = clock.now()
        let draft: AuditTrail.Draft = { saved in
            AuditEntry(
                at: now, actor: admin, action: .groupSaved, target: "group:\((saved as? SupportGroup)?.id ?? id)",
                detail: ["name": name, "assignmentMode": (command.assignmentMode ?? .manual).rawValue])
        }
        return try await AuditTrail.recording(draft) {
            try await store.saveGroup(
                SupportGroup(
                    id: id, name: name, nameEn: nameEn, leadUserId: command.leadUserId,
                    assignmentMode: command.assignmentMode ?? .manual), now: now)
        }
    }

    /// Everyone signed in reads the tree: requesters choose a category when they submit.
    public func categories() async throws -> [TicketCategory] {
        try await store.categories()
    }

    public func saveCategory(_ id: Int64, _ command: CategoryNodeCommand, by admin: User) async throws -> TicketCategory
    {
        try Authorize.admin(admin, "categories")
        guard let name = TextInput.clean(command.name, max: 50) else { throw UseCaseError.invalidValue(field: "name") }
        let category = TicketCategory(
            id: id, parentId: command.parentId, name: name,
            nameEn: try TextInput.optional(command.nameEn, max: 50, field: "nameEn"),
            defaultGroupId: command.defaultGroupId, sortOrder: command.sortOrder ?? 0, active: command.active ?? true,
            requiresVerification: command.requiresVerification ?? false)
        let now = clock.now()
        let draft: AuditTrail.Draft = { saved in
            AuditEntry(
                at: now, actor: admin, action: .categorySaved,
                target: "category:\((saved as? TicketCategory)?.id ?? id)",
                detail: [
                    "name": name, "active": String(category.active),
                    "requires_verification": String(category.requiresVerification),
                ])
        }
        return try await AuditTrail.recording(draft) {
            try await store.saveCategory(category)
        }
    }
}

extension DirectoryService {
    /// What a page needs to name the ids it shows: every staff account (handlers are never
    /// requesters, and requesters may be many), the groups and the categories.
    public struct Names: Sendable {
        public var staff: [Int64: User]
        public var groups: [Int64: SupportGroup]
        public var categories: [Int64: TicketCategory]
    }

    public func names() async throws -> Names {
        func index<T>(_ items: [T], _ id: (T) -> Int64) -> [Int64: T] {
            Dictionary(items.map { (id($0), $0) }, uniquingKeysWith: { first, _ in first })
        }
        return Names(
            staff: index(try await store.staff(), \.id), groups: index(try await store.groups(), \.id),
            categories: index(try await store.categories(), \.id))
    }

    /// The departments a broadcast may be sent to; staff only.
    public func departments(for viewer: User) async throws -> [String] {
        guard viewer.role.isStaff else { throw UseCaseError.forbidden(action: "departments") }
        return try await store.departments()
    }

    /// The id of the account `username` or `#id` names, for a staff member's list filter.
    public func userId(named name: String, for viewer: User) async throws -> Int64? {
        guard viewer.role.isStaff else { throw UseCaseError.forbidden(action: "users") }
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("#"), let id = Int64(trimmed.dropFirst()), id > 0 { return id }
        return try await store.user(username: trimmed)?.id
    }

    /// Every account, for the administrator's user list.
    public func allUsers(by admin: User) async throws -> [User] {
        try Authorize.admin(admin, "users")
        return try await store.users(role: nil, groupId: nil)
    }
}
