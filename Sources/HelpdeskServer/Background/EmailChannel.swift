import Foundation
import HelpdeskStore

/// E-mail notices, rendered in the recipient's language when sent, and scheduled reports, rendered
/// when their run was recorded.
struct EmailChannel: DeliveryChannel {
    let client: SMTPClient
    let store: any HelpdeskStore
    let localizer: Localizer
    let now: @Sendable () -> Date

    func send(_ delivery: Delivery) async throws -> Int? {
        if delivery.event == SQLStore.reportMailEvent {
            // A scheduled report, rendered when its run was recorded.
            let mail = try JSONDecoder().decode(ReportMail.self, from: Data(delivery.payload.utf8))
            try await client.send(to: delivery.target, subject: mail.subject, body: mail.body, date: now())
            return nil
        }
        let payload = try JSONDecoder().decode(EmailPayload.self, from: Data(delivery.payload.utf8))
        let renderer = try await NoticeTexts(store: store, localizer: localizer).renderer()
        let text = renderer.render(
            kind: payload.notice.kind.rawValue, arguments: payload.notice.arguments, locale: payload.locale)
        try await client.send(to: delivery.target, subject: text.title, body: text.body, date: now())
        return nil
    }
}
