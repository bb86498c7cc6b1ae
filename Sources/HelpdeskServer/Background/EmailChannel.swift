import Foundation
import HelpdeskStore

/// E-mail notices, rendered in the recipient's language when sent.
struct EmailChannel: DeliveryChannel {
    let client: SMTPClient
    let store: any HelpdeskStore
    let localizer: Localizer
    let now: @Sendable () -> Date

    func send(_ delivery: Delivery) async throws -> Int? {
        let payload = try JSONDecoder().decode(EmailPayload.self, from: Data(delivery.payload.utf8))
        let renderer = try await NoticeTexts(store: store, localizer: localizer).renderer()
        let text = renderer.render(
            kind: payload.notice.kind.rawValue, arguments: payload.notice.arguments, locale: payload.locale)
        try await client.send(to: delivery.target, subject: text.title, body: text.body, date: now())
        return nil
    }
}
