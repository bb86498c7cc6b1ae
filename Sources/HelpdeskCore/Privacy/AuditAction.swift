/// What an audit-log entry records (R9.5): a change to the desk's configuration or directory,
/// or a read of someone's personal data in full.
public enum AuditAction: String, Codable, Sendable, CaseIterable {
    case userCreated = "user.created"
    /// Profile, role, groups, activation or password (the entry's detail names which).
    case userUpdated = "user.updated"
    case groupSaved = "group.saved"
    case categorySaved = "category.saved"
    case calendarSaved = "calendar.saved"
    case slaPolicyVersioned = "sla_policy.versioned"
    /// A new priority matrix version saved (R2.4).
    case priorityMatrixVersioned = "priority_matrix.versioned"
    case settingsSaved = "settings.saved"
    case engineSettingsSaved = "engine_settings.saved"
    case webhookSaved = "webhook.saved"
    case webhookDeleted = "webhook.deleted"
    case replyTemplateSaved = "reply_template.saved"
    case replyTemplateDeleted = "reply_template.deleted"
    /// A knowledge article submitted, published, returned, retired or reopened (R6.2; the
    /// detail names the action and the revision).
    case kbArticleStatusChanged = "kb_article.status"
    /// An earlier revision of a knowledge article saved again as the newest.
    case kbArticleRestored = "kb_article.restored"
    /// A failed delivery put back in the queue by an admin.
    case deliveryRetried = "delivery.retried"
    /// Files added to a ticket after intake.
    case attachmentAdded = "attachment.added"
    /// A ticket opened with the requester's personal data unmasked.
    case ticketViewed = "ticket.viewed"
    /// A masked field shown in the clear on purpose, with a reason.
    case ticketRevealed = "ticket.revealed"
    case attachmentDownloaded = "attachment.downloaded"
    /// A data-subject export of everything the desk holds on one person.
    case userExported = "user.exported"

    /// Reads of personal data, as opposed to changes.
    public var isRead: Bool {
        switch self {
        case .ticketViewed, .ticketRevealed, .attachmentDownloaded, .userExported: true
        default: false
        }
    }
}
