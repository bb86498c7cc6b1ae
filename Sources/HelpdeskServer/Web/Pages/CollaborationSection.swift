/// The ticket page's handling steps beyond the workflow: the 延期原因 of a breach (R3.4),
/// questions to other groups or vendors (R4.7) and the approval of a major change (R4.8), each
/// form shown only to whom Core lets act.
struct CollaborationSection: Sendable {
    struct Question: Sendable {
        let id: Int
        let asked: String
        let contact: String
        let question: String
        let at: String
        let due: String
        let answer: String?
        let answeredBy: String
        let canAnswer: Bool
    }

    struct Approval: Sendable {
        let change: String
        let status: String
        let approver: String
        let note: String?
        let canDecide: Bool
    }

    let breachCause: String
    let canRecordCause: Bool
    let questions: [Question]
    let canAsk: Bool
    let groups: [SelectOption]
    let approval: Approval?
    let canRequestApproval: Bool
    let approvers: [SelectOption]
    let visible: Bool
}
