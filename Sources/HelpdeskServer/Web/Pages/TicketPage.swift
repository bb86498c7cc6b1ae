/// `ticket.mustache`: one ticket as its viewer may see it, its history, attachments and the
/// forms of what this viewer may do now.
struct TicketPage: PageModel {
    static let template = "ticket"

    /// A type-specific detail (R1.3), "—" when missing.
    struct Detail: Sendable {
        let label: String
        let value: String
    }

    struct Attachment: Sendable {
        let id: Int64
        let filename: String
        let size: String
    }

    /// The requester's rating (R5.3).
    struct Satisfaction: Sendable {
        let level: String
        let score: Int
        let comment: String
    }

    let number: String
    let version: Int
    let ticketTitle: String
    let description: String
    let details: [Detail]
    let type: String
    let status: String
    let statusKey: String
    let priority: String
    let priorityLabel: String
    let tier: String
    let requester: String
    let department: String?
    let contact: String
    let masked: Bool
    let channel: String
    let category: String
    let group: String
    let assignee: String
    /// Recorded (`submittedAt`) and, before it, received (R1.7).
    let submitted: String
    let received: String
    /// The priority matrix version the ticket was graded under (R2.4).
    let matrixVersion: Int
    /// Staff: whether the information was checked (R1.7), and the button while it was not.
    let informationCheck: InformationCheck?
    let affectedSystem: String
    let sla: SLACell
    let responseDue: String
    let respondedAt: String?
    let resolutionDue: String
    let pausedMinutes: String?
    let workaround: String?
    let workaroundEta: String?
    let solution: String?
    let rootCause: String?
    let satisfaction: Satisfaction?
    let closeReason: String?
    let events: [EventRow]
    let attachments: [Attachment]
    let actions: [TicketActionForm]
    let hasActions: Bool
    let canWork: Bool
    let canReprioritise: Bool
    let canAttach: Bool
    /// Archived (R6.1): read-only, said at the top of the page.
    let archived: Bool
    /// Staff only: the SLA timeline and the extension requests.
    let timeline: SLATimelineSection?
    let extensions: ExtensionsSection?
    /// Breach cause, collaboration and approval: for staff, and for a requester asked to approve.
    let collaboration: CollaborationSection?
    /// Declare, link, broadcast (R8.2); for a requester only the note that the ticket is linked.
    let majorIncident: MajorIncidentSection?
    /// The handling plan and, for its handler, the form (R4.4).
    let plan: PlanSection?
    let outOfScope: Bool
    /// Details asked of the requester (R1.3).
    let infoRequest: InfoRequestSection?

    struct InformationCheck: Sendable {
        /// When it was checked; nil while not yet.
        let checkedAt: String?
        let canCheck: Bool
    }
    /// The reply-template picker, for staff who may write in the work log.
    let replies: ReplyPickerSection?
    /// The work-log text area's content: a picked template filled in, or empty.
    let worklogDraft: String
    /// A filled-in template is a reply to the requester: the public choice is preselected.
    let worklogPublic: Bool
    let priorities: [SelectOption]
    let categories: [SelectOption]
    let maxMB: Int
    /// The internal check of the solution (R5.1), for staff.
    var verification: VerificationSection? = nil
    /// The supervisor's review page (R5.5), linked for those who review once there is a solution.
    var reviewLink: String? = nil
    /// What came in and went out on channels (issue #11), oldest first.
    var messages: [ChannelMessage] = []
    var hasMessages = false
    /// For staff: the articles linked to the ticket, those suggested for its text, and the
    /// knowledge draft once it is solved (R6.2).
    var knowledge: TicketKnowledgeSection? = nil

    struct ChannelMessage: Sendable {
        let incoming: Bool
        let at: String
        let from: String
        let subject: String
        let text: String
        /// A mail's HTML body, sanitised, its inline images pointing at the ticket's files.
        let html: String
        let hasHTML: Bool
        let files: [String]
        let hasFiles: Bool
    }
}
