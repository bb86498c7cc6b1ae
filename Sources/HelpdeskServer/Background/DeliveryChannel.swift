import Crypto
import Foundation
import HelpdeskCore
import HelpdeskStore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Sends one delivery. Throws ``DeliveryFailure`` (or any transport error) when it did not
/// arrive; the scheduler records the outcome and retries with back-off.
protocol DeliveryChannel: Sendable {
    /// The HTTP status of a successful delivery, if the channel has one.
    func send(_ delivery: Delivery) async throws -> Int?
}

struct DeliveryFailure: Error, CustomStringConvertible {
    var status: Int?
    var description: String
    /// Trying again cannot help (an IM conversation's reply webhook expired): failed at once.
    var permanent = false
}

/// Outbound webhooks: the delivery's JSON body POSTed with an HMAC-SHA256 signature over
/// `"<timestamp>.<body>"` in `X-Helpdesk-Signature: t=<timestamp>,v1=<hex>`.
struct WebhookChannel: DeliveryChannel {
    let store: any HelpdeskStore
    let timeout: TimeInterval
    let now: @Sendable () -> Date

    func send(_ delivery: Delivery) async throws -> Int? {
        guard let hook = try await store.webhooks().first(where: { $0.id == delivery.webhookId }), hook.active else {
            throw DeliveryFailure(status: nil, description: "webhook removed or inactive")
        }
        guard let url = URL(string: delivery.target), let host = url.host else {
            throw DeliveryFailure(status: nil, description: "invalid URL")
        }
        try await Self.refuseInternal(host: host, store: store)
        let timestamp = String(Int64(now().timeIntervalSince1970))
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.httpBody = Data(delivery.payload.utf8)
        request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        request.setValue("Helpdesk-Webhook/1", forHTTPHeaderField: "User-Agent")
        request.setValue(delivery.event, forHTTPHeaderField: "X-Helpdesk-Event")
        request.setValue(String(delivery.id), forHTTPHeaderField: "X-Helpdesk-Delivery")
        request.setValue(
            Self.signature(secret: hook.secret, timestamp: timestamp, body: delivery.payload),
            forHTTPHeaderField: "X-Helpdesk-Signature")
        let (_, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else { throw DeliveryFailure(status: status, description: "HTTP \(status)") }
        return status
    }

    /// Unless the desk allows it, a host that is or resolves to a loopback, private or
    /// link-local address is refused (checked at each delivery: DNS can change).
    static func refuseInternal(host: String, store: any HelpdeskStore) async throws {
        guard try await !store.deskSettings().allowInternalWebhookTargets else { return }
        let addresses = InternalAddress.isInternal(host: host) ? [] : try await HostAddresses.resolve(host)
        if InternalAddress.isInternal(host: host) || addresses.contains(where: InternalAddress.isInternal) {
            throw DeliveryFailure(status: nil, description: "target is an internal address (not allowed)")
        }
    }

    /// `t=<timestamp>,v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`.
    static func signature(secret: String, timestamp: String, body: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data("\(timestamp).\(body)".utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return "t=\(timestamp),v1=" + mac.map { String(format: "%02x", $0) }.joined()
    }
}
