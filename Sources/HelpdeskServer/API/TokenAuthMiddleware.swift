import Crypto
import Foundation
import Hummingbird
import HelpdeskStore

/// Resolves `Authorization: Bearer <token>` to a user. Tokens are random and stored only as
/// their SHA-256 digest, so checking one is a hash and an indexed lookup, not a bcrypt run.
struct TokenAuthMiddleware: RouterMiddleware {
    typealias Context = HelpdeskRequestContext
    let store: any HelpdeskStore
    let clock: AppClock

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
            let token = String(header.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces)
            if !token.isEmpty, token.count <= 256 {
                context.user = try await store.user(tokenDigest: Tokens.digest(token), now: clock.now())
            }
        }
        return try await next(request, context)
    }
}

enum Tokens {
    /// 32 random bytes (256 bits), base64url without padding.
    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func digest(_ token: String) -> String {
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in SHA256.hash(data: Data(token.utf8)) {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
