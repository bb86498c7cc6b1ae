import Foundation
import HelpdeskStore

/// Makes ``NoticeRenderer``s for the inbox, e-mails and pages, in the time zone of the current
/// policy's calendar.
struct NoticeTexts: Sendable {
    let store: any ConfigurationStore
    let localizer: Localizer

    func renderer() async throws -> NoticeRenderer {
        var zone = TimeZone.gmt
        if let policy = try await store.currentSLAPolicy() {
            zone = try await store.rules(policyId: policy.id).calendar.timeZone
        }
        return NoticeRenderer(localizer: localizer, timeZone: zone)
    }
}
