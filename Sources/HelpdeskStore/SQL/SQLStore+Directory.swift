import Foundation
import HelpdeskCore
import SQLKit

extension SQLStore {
    public func groups() async throws -> [SupportGroup] {
        try await database.read { db in
            try await db.raw(
                "SELECT id, name, name_en, lead_user_id, assignment_mode FROM support_groups ORDER BY id"
            ).all().map {
                SupportGroup(
                    id: try $0.int("id"), name: try $0.string("name"), nameEn: try $0.optionalString("name_en"),
                    leadUserId: try $0.optionalInt("lead_user_id"),
                    assignmentMode: AssignmentMode(rawValue: try $0.string("assignment_mode")) ?? .manual)
            }
        }
    }

    /// Inserts a group when `id` is 0, otherwise renames it.
    public func saveGroup(_ group: SupportGroup, now: Date) async throws -> SupportGroup {
        try await reportingDuplicates("name") {
            try await write { db in
                if try await db.raw(
                    "SELECT id FROM support_groups WHERE name = \(bind: group.name) AND id <> \(bind: group.id)"
                ).first() != nil {
                    throw StoreError.duplicate("name")
                }
                var saved = group
                if group.id == 0 {
                    let row = try await db.raw(
                        """
                        INSERT INTO support_groups (name, name_en, lead_user_id, assignment_mode, created_at)
                        VALUES (\(bind: group.name), \(bind: group.nameEn), \(bind: group.leadUserId),
                            \(bind: group.assignmentMode.rawValue), \(bind: now.millis))
                        RETURNING id
                        """
                    ).first()
                    saved.id = try row!.int("id")
                } else {
                    guard try await db.raw("SELECT id FROM support_groups WHERE id = \(bind: group.id)").first() != nil
                    else {
                        throw StoreError.notFound("group")
                    }
                    try await db.raw(
                        """
                        UPDATE support_groups SET name = \(bind: group.name), name_en = \(bind: group.nameEn),
                            lead_user_id = \(bind: group.leadUserId), assignment_mode = \(bind: group.assignmentMode.rawValue)
                        WHERE id = \(bind: group.id)
                        """
                    ).run()
                }
                return saved
            }
        }
    }

    static let categoryColumns =
        "id, parent_id, name, name_en, default_group_id, sort_order, active, requires_verification"

    public func categories() async throws -> [TicketCategory] {
        try await categories(on: nil)
    }

    /// The cached tree; a miss reads on `db` when given (inside a transaction).
    func categories(on db: (any SQLDatabase)?) async throws -> [TicketCategory] {
        try await categoryCache.value(0) { try await loadCategories(on: db) }
    }

    func loadCategories(on db: (any SQLDatabase)? = nil) async throws -> [TicketCategory] {
        try await withConnection(db) { db in
            try await db.raw(
                "SELECT \(unsafeRaw: Self.categoryColumns) FROM categories ORDER BY COALESCE(parent_id, id), parent_id IS NOT NULL, sort_order, id"
            ).all().map(Self.category(from:))
        }
    }

    public func category(id: Int64) async throws -> TicketCategory? {
        try await database.read { db in
            try await db.raw("SELECT \(unsafeRaw: Self.categoryColumns) FROM categories WHERE id = \(bind: id)").first()
                .map(Self.category(from:))
        }
    }

    /// Inserts (id 0) or updates a category. The tree has two levels (R2.1): a parent must
    /// itself be top-level, and a category with children cannot become a child.
    public func saveCategory(_ category: TicketCategory) async throws -> TicketCategory {
        defer { categoryCache.invalidateAll() }
        return try await reportingDuplicates("name") {
            try await write { db in
                if let parentId = category.parentId {
                    guard
                        let parent = try await db.raw("SELECT parent_id FROM categories WHERE id = \(bind: parentId)")
                            .first()
                    else { throw StoreError.invalidReference("parentId") }
                    guard try parent.optionalInt("parent_id") == nil, parentId != category.id else {
                        throw StoreError.invalidReference("parentId")
                    }
                    if category.id != 0,
                        try await db.raw("SELECT id FROM categories WHERE parent_id = \(bind: category.id)").first()
                            != nil
                    {
                        throw StoreError.invalidReference("parentId")
                    }
                }
                if let groupId = category.defaultGroupId,
                    try await db.raw("SELECT id FROM support_groups WHERE id = \(bind: groupId)").first() == nil
                {
                    throw StoreError.invalidReference("defaultGroupId")
                }
                if try await db.raw(
                    """
                    SELECT id FROM categories WHERE COALESCE(parent_id, 0) = \(bind: category.parentId ?? 0)
                        AND name = \(bind: category.name) AND id <> \(bind: category.id)
                    """
                ).first() != nil {
                    throw StoreError.duplicate("name")
                }
                var saved = category
                if category.id == 0 {
                    let row = try await db.raw(
                        """
                        INSERT INTO categories (parent_id, name, name_en, default_group_id, sort_order, active,
                            requires_verification)
                        VALUES (\(bind: category.parentId), \(bind: category.name), \(bind: category.nameEn),
                            \(bind: category.defaultGroupId), \(bind: Int64(category.sortOrder)), \(bind: category.active.sqlValue),
                            \(bind: category.requiresVerification.sqlValue))
                        RETURNING id
                        """
                    ).first()
                    saved.id = try row!.int("id")
                } else {
                    guard try await db.raw("SELECT id FROM categories WHERE id = \(bind: category.id)").first() != nil
                    else {
                        throw StoreError.notFound("category")
                    }
                    try await db.raw(
                        """
                        UPDATE categories SET parent_id = \(bind: category.parentId), name = \(bind: category.name),
                            name_en = \(bind: category.nameEn), default_group_id = \(bind: category.defaultGroupId),
                            sort_order = \(bind: Int64(category.sortOrder)), active = \(bind: category.active.sqlValue),
                            requires_verification = \(bind: category.requiresVerification.sqlValue)
                        WHERE id = \(bind: category.id)
                        """
                    ).run()
                }
                return saved
            }
        }
    }

    static func category(from row: any SQLRow) throws -> TicketCategory {
        TicketCategory(
            id: try row.int("id"), parentId: try row.optionalInt("parent_id"), name: try row.string("name"),
            nameEn: try row.optionalString("name_en"), defaultGroupId: try row.optionalInt("default_group_id"),
            sortOrder: Int(try row.int("sort_order")), active: try row.int("active") != 0,
            requiresVerification: try row.int("requires_verification") != 0)
    }
}
