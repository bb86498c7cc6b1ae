/// The ticket page's handling plan (R4.4): to the requester in one plain sentence, to staff
/// with its details; the form for whoever may record it.
struct PlanSection: Sendable {
    struct Current: Sendable {
        let kind: String
        /// "We will first apply a temporary fix, expected by 12-03 15:00."
        let sentence: String
        let steps: String
        let support: String
        let staffOnly: Bool
        let by: String
        let at: String
    }

    let current: Current?
    let canRecord: Bool
    let kinds: [SelectOption]
    let steps: String
    let support: String
    let isPublic: Bool
}
