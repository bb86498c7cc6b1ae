import Foundation
import HelpdeskCore

/// First-start data for an empty database: the admin account, the five handling groups
/// (R4.1), the 系统故障/操作指导/环境配置/需求对接 category tree (R2.1), the standard
/// calendar, version 1 of the default SLA policy, and the default reply templates (R8.1).
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
        try await seedReplyTemplates(store, now: now)
        return true
    }

    /// Courteous replies for the common moments of a ticket, in both languages (R8.1).
    public static let replyTemplates: [ReplyTemplate] = [
        ReplyTemplate(
            name: "已受理，正在处理", nameEn: "Received and being handled",
            body: "{requester}您好，您的工单 {number}「{title}」已受理，{handler} 正在处理，预计在 {due} 前给您答复。感谢您的耐心！",
            bodyEn:
                "Dear {requester}, we have received your ticket {number} \"{title}\" and {handler} is working on it. You can expect an answer by {due}. Thank you for your patience.",
            sortOrder: 10),
        ReplyTemplate(
            name: "需要补充信息", nameEn: "More information needed",
            body: "{requester}您好，为尽快处理工单 {number}，烦请补充以下信息：出现问题的具体时间、操作步骤和报错截图。收到后我们会立即跟进，谢谢！",
            bodyEn:
                "Dear {requester}, to resolve ticket {number} quickly, could you please tell us when the problem occurred, the steps you took and a screenshot of any error? We will follow up as soon as we hear from you. Thank you.",
            sortOrder: 20),
        ReplyTemplate(
            name: "已有临时方案", nameEn: "Workaround available",
            body: "{requester}您好，工单 {number} 的根本问题仍在处理中，您可以先按以下临时方案操作：\n{workaround}\n彻底解决后我们会第一时间通知您。",
            bodyEn:
                "Dear {requester}, while we keep working on the cause of ticket {number}, this workaround should help in the meantime:\n{workaround}\nWe will let you know as soon as it is fixed for good.",
            sortOrder: 30),
        ReplyTemplate(
            name: "已解决，请确认", nameEn: "Resolved, please confirm",
            body: "{requester}您好，工单 {number}「{title}」已处理完毕，请您确认问题是否已解决。如仍有问题，请直接回复，我们会继续跟进。祝您工作顺利！",
            bodyEn:
                "Dear {requester}, ticket {number} \"{title}\" has been resolved. Please confirm that everything works for you; if it does not, simply reply and we will pick it up again. Have a good day.",
            sortOrder: 40),
    ]

    /// Adds ``replyTemplates`` once per database: on the first start of a new desk, and on the
    /// first start after the upgrade that brought templates to an existing one.
    @discardableResult
    public static func seedReplyTemplates(_ store: any HelpdeskStore, now: Date) async throws -> Bool {
        try await store.seedReplyTemplates(replyTemplates, now: now)
    }
}
