import Foundation
import HelpdeskCore
import SQLKit

extension SQLStore {
    static let userColumns =
        "id, username, display_name, role, tier, email, phone, department, employee_number, region, external, locale, active, away"

    public func createUser(_ user: User, passwordHash: String, now: Date) async throws -> User {
        try await reportingDuplicates("username") { try await insertUser(user, passwordHash: passwordHash, now: now) }
    }

    private func insertUser(_ user: User, passwordHash: String, now: Date) async throws -> User {
        try await write { db in
            if try await db.raw("SELECT id FROM users WHERE username = \(bind: user.username)").first() != nil {
                throw StoreError.duplicate("username")
            }
            let row = try await db.raw(
                """
                INSERT INTO users (username, display_name, password_hash, role, tier, email, phone, department,
                    employee_number, region, external, locale, active, created_at)
                VALUES (\(bind: user.username), \(bind: user.displayName), \(bind: passwordHash), \(bind: user.role.rawValue),
                    \(bind: user.tier?.rawValue), \(bind: user.email), \(bind: user.phone), \(bind: user.department),
                    \(bind: user.employeeNumber), \(bind: user.region), \(bind: user.external.sqlValue), \(bind: user.locale),
                    \(bind: user.active.sqlValue), \(bind: now.millis))
                RETURNING id
                """
            ).first()
            var created = user
            created.id = try row!.int("id")
            try await Self.replaceGroups(of: created.id, with: user.groupIds, on: db)
            return created
        }
    }

    public func setLocale(userId: Int64, locale: String) async throws {
        defer { tokenCache.invalidateAll() }
        try await write { db in
            try await db.raw("UPDATE users SET locale = \(bind: locale) WHERE id = \(bind: userId)").run()
        }
    }

    public func setAway(userId: Int64, away: Bool) async throws {
        defer { tokenCache.invalidateAll() }
        try await write { db in
            try await db.raw("UPDATE users SET away = \(bind: away.sqlValue) WHERE id = \(bind: userId)").run()
        }
    }

    public func updateUser(_ user: User, passwordHash: String?) async throws -> User {
        defer { tokenCache.invalidateAll() }
        return try await reportingDuplicates("username") { try await replaceUser(user, passwordHash: passwordHash) }
    }

    private func replaceUser(_ user: User, passwordHash: String?) async throws -> User {
        try await write { db in
            guard try await db.raw("SELECT id FROM users WHERE id = \(bind: user.id)").first() != nil else {
                throw StoreError.notFound("user")
            }
            if try await db.raw(
                "SELECT id FROM users WHERE username = \(bind: user.username) AND id <> \(bind: user.id)"
            ).first() != nil {
                throw StoreError.duplicate("username")
            }
            try await db.raw(
                """
                UPDATE users SET username = \(bind: user.username), display_name = \(bind: user.displayName),
                    role = \(bind: user.role.rawValue), tier = \(bind: user.tier?.rawValue), email = \(bind: user.email),
                    phone = \(bind: user.phone), department = \(bind: user.department),
                    employee_number = \(bind: user.employeeNumber), region = \(bind: user.region),
                    external = \(bind: user.external.sqlValue), locale = \(bind: user.locale), active = \(bind: user.active.sqlValue)
                WHERE id = \(bind: user.id)
                """
            ).run()
            if let passwordHash {
                try await db.raw("UPDATE users SET password_hash = \(bind: passwordHash) WHERE id = \(bind: user.id)")
                    .run()
                // A new password ends every session.
                try await db.raw("DELETE FROM api_tokens WHERE user_id = \(bind: user.id)").run()
            }
            try await Self.replaceGroups(of: user.id, with: user.groupIds, on: db)
            return user
        }
    }

    static func replaceGroups(of userId: Int64, with groupIds: [Int64], on db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM user_groups WHERE user_id = \(bind: userId)").run()
        for groupId in Set(groupIds) {
            guard try await db.raw("SELECT id FROM support_groups WHERE id = \(bind: groupId)").first() != nil else {
                throw StoreError.invalidReference("groupIds")
            }
            try await db.raw("INSERT INTO user_groups (user_id, group_id) VALUES (\(bind: userId), \(bind: groupId))")
                .run()
        }
    }

    public func user(id: Int64) async throws -> User? {
        try await database.read { db in
            let row = try await db.raw("SELECT \(unsafeRaw: Self.userColumns) FROM users WHERE id = \(bind: id)")
                .first()
            return try await row.asyncMap { try await Self.user(from: $0, on: db) }
        }
    }

    public func credentials(username: String) async throws -> (user: User, passwordHash: String)? {
        try await database.read { db in
            guard
                let row = try await db.raw(
                    "SELECT \(unsafeRaw: Self.userColumns), password_hash FROM users WHERE username = \(bind: username) AND active = 1"
                ).first()
            else { return nil }
            return (try await Self.user(from: row, on: db), try row.string("password_hash"))
        }
    }

    public func users(role: Role?, groupId: Int64?) async throws -> [User] {
        var filter = SQLQueryString("1 = 1")
        if let role { filter += " AND role = \(bind: role.rawValue)" }
        if let groupId { filter += " AND id IN (SELECT user_id FROM user_groups WHERE group_id = \(bind: groupId))" }
        return try await users(where: filter)
    }

    public func staff() async throws -> [User] {
        try await users(where: "role <> 'requester'")
    }

    public func user(username: String) async throws -> User? {
        try await database.read { db in
            let row = try await db.raw(
                "SELECT \(unsafeRaw: Self.userColumns) FROM users WHERE username = \(bind: username)"
            ).first()
            return try await row.asyncMap { try await Self.user(from: $0, on: db) }
        }
    }

    public func departments() async throws -> [String] {
        try await database.read { db in
            try await db.raw(
                "SELECT DISTINCT department FROM users WHERE active = 1 AND department IS NOT NULL AND department <> ''"
            ).all().map { try $0.string("department") }
        }
    }

    private func users(where filter: SQLQueryString) async throws -> [User] {
        try await database.read { db in
            var sql = SQLQueryString("SELECT \(unsafeRaw: Self.userColumns) FROM users WHERE ")
            sql += filter
            sql += " ORDER BY id"
            let rows = try await db.raw(sql).all()
            let memberships = try await Self.memberships(on: db)
            return try rows.map { try Self.user(from: $0, groupIds: memberships[try $0.int("id")] ?? []) }
        }
    }

    public func userCount() async throws -> Int {
        try await database.read { db in
            Int(try await db.raw("SELECT COUNT(*) AS n FROM users").first()!.int("n"))
        }
    }

    public func storeToken(digest: String, userId: Int64, createdAt: Date, expiresAt: Date) async throws {
        try await write { db in
            try await db.raw(
                """
                INSERT INTO api_tokens (digest, user_id, created_at, expires_at)
                VALUES (\(bind: digest), \(bind: userId), \(bind: createdAt.millis), \(bind: expiresAt.millis))
                """
            ).run()
        }
    }

    public func user(tokenDigest: String, now: Date) async throws -> User? {
        let grant = try await tokenCache.value(tokenDigest) { try await loadGrant(tokenDigest) }
        guard let grant, grant.expiresAt > now else { return nil }
        return grant.user
    }

    func loadGrant(_ tokenDigest: String) async throws -> TokenGrant? {
        try await database.read { db in
            let columns = Self.userColumns.split(separator: ",").map { "u." + $0.trimmingCharacters(in: .whitespaces) }
            guard
                let row = try await db.raw(
                    """
                    SELECT \(unsafeRaw: columns.joined(separator: ", ")), t.expires_at FROM api_tokens t
                    JOIN users u ON u.id = t.user_id
                    WHERE t.digest = \(bind: tokenDigest) AND t.revoked_at IS NULL AND u.active = 1
                    """
                ).first()
            else { return nil }
            return TokenGrant(
                user: try await Self.user(from: row, on: db), expiresAt: Date(millis: try row.int("expires_at")))
        }
    }

    public func revokeToken(digest: String, at: Date) async throws {
        defer { tokenCache.invalidate(digest) }
        try await write { db in
            try await db.raw("UPDATE api_tokens SET revoked_at = \(bind: at.millis) WHERE digest = \(bind: digest)")
                .run()
        }
    }

    static func memberships(on db: any SQLDatabase) async throws -> [Int64: [Int64]] {
        var result: [Int64: [Int64]] = [:]
        for row in try await db.raw("SELECT user_id, group_id FROM user_groups ORDER BY group_id").all() {
            result[try row.int("user_id"), default: []].append(try row.int("group_id"))
        }
        return result
    }

    static func user(from row: any SQLRow, on db: any SQLDatabase) async throws -> User {
        let id = try row.int("id")
        let groups = try await db.raw("SELECT group_id FROM user_groups WHERE user_id = \(bind: id) ORDER BY group_id")
            .all().map { try $0.int("group_id") }
        return try user(from: row, groupIds: groups)
    }

    static func user(from row: any SQLRow, groupIds: [Int64]) throws -> User {
        User(
            id: try row.int("id"), username: try row.string("username"), displayName: try row.string("display_name"),
            role: Role(rawValue: try row.string("role")) ?? .requester,
            tier: try row.optionalString("tier").flatMap(Tier.init(rawValue:)), email: try row.optionalString("email"),
            phone: try row.optionalString("phone"), department: try row.optionalString("department"),
            employeeNumber: try row.optionalString("employee_number"), region: try row.optionalString("region"),
            external: try row.int("external") != 0, locale: try row.string("locale"),
            active: try row.int("active") != 0,
            groupIds: groupIds, away: try row.int("away") != 0)
    }
}

extension Optional {
    func asyncMap<U>(_ transform: (Wrapped) async throws -> U) async rethrows -> U? {
        switch self {
        case .some(let value): try await transform(value)
        case .none: nil
        }
    }
}
