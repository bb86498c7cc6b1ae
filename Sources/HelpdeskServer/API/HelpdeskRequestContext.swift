import Foundation
import HelpdeskCore
import Hummingbird

/// Per-request state: the authenticated user (set by ``TokenAuthMiddleware``) and JSON coders
/// that write ISO 8601 dates.
public struct HelpdeskRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var user: User?
    /// The API token behind a web session cookie (set by ``WebSessionMiddleware``); CSRF tokens derive from it.
    public var sessionToken: String?

    /// The client's IP address as the socket sees it (sign-in throttling counts per address).
    public let clientAddress: String?

    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.clientAddress = source.channel.remoteAddress?.ipAddress
    }

    public var maxUploadSize: Int { 1024 * 1024 }

    public var requestDecoder: JSONDecoder { APICoding.decoder }
    public var responseEncoder: JSONEncoder { APICoding.encoder }

    /// The signed-in user, or 401.
    func requireUser() throws -> User {
        guard let user else { throw APIError.unauthorized }
        return user
    }

    /// The signed-in user if they have one of `roles`, else 403.
    func requireRole(_ roles: Set<Role>, action: String) throws -> User {
        let user = try requireUser()
        guard roles.contains(user.role) else { throw APIError.forbidden(action) }
        return user
    }
}

enum APICoding {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }()
    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = StrictISO8601.strategy
        return decoder
    }()
}
