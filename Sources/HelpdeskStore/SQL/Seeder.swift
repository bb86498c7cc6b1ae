import Foundation
import HelpdeskCore

/// First-start data for an empty database: the admin account, the five handling groups
/// (R4.1), the 系统故障/操作指导/环境配置/需求对接 category tree (R2.1), the standard
/// calendar and version 1 of the default SLA policy.
public enum Seeder {
    public static let groups: [(String, String)] = [
        ("运维组", "Operations"), ("培训组", "Training"), ("开发组", "Development"),
        ("网络运维组", "Network operations"), ("硬件支持组", "Hardware support"),
    ]

    /// Top-level category, its English name, the group it routes to, and its sub-categories.
    public static let categories: [(String, String, String, [(String, String)])] = [
        (
            "系统故障", "System fault", "开发组",
            [("软件bug", "Software bug"), ("数据异常", "Data anomaly"), ("接口问题", "Interface problem")]
        ),
        ("操作指导", "Operation guidance", "培训组", []),
        ("环境配置", "Environment configuration", "运维组", []),
        ("需求对接", "Requirement / suggestion", "开发组", []),
    ]

    /// Seeds when the database has no user yet. Returns true when it did.
    @discardableResult
    public static func seedIfEmpty(_ store: any HelpdeskStore, adminPasswordHash: String, now: Date) async throws
        -> Bool
    {
        guard try await store.userCount() == 0 else { return false }
        _ = try await store.createUser(
            User(username: "admin", displayName: "管理员", role: .admin), passwordHash: adminPasswordHash, now: now)
        var groupIds: [String: Int64] = [:]
        for (name, english) in groups {
            groupIds[name] = try await store.saveGroup(SupportGroup(name: name, nameEn: english), now: now).id
        }
        for (index, (name, english, group, children)) in categories.enumerated() {
            let parent = try await store.saveCategory(
                TicketCategory(name: name, nameEn: english, defaultGroupId: groupIds[group], sortOrder: index))
            for (childIndex, (childName, childEnglish)) in children.enumerated() {
                _ = try await store.saveCategory(
                    TicketCategory(parentId: parent.id, name: childName, nameEn: childEnglish, sortOrder: childIndex))
            }
        }
        let calendar = try await store.saveCalendar(CalendarRecord(name: "standard", calendar: .standard), now: now)
        _ = try await store.addSLAPolicyVersion(
            name: "default", policy: .default, calendarId: calendar.id, by: nil, now: now)
        try await store.saveDeskSettings(.default, now: now)
        return true
    }
}
