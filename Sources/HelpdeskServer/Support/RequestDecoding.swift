import Foundation
import Hummingbird
import NIOFoundationCompat

extension Request {
    /// Decodes a JSON body up to the context's size limit. Failures become a 400 `invalid_json`
    /// naming the offending field, with the message in the request's language.
    func decodeJSON<T: Decodable>(_ type: T.Type, context: HelpdeskRequestContext) async throws -> T {
        let buffer = try await body.collect(upTo: context.maxUploadSize)
        do {
            return try APICoding.decoder.decode(T.self, from: buffer)
        } catch let error as DecodingError {
            throw APIError(.badRequest, "invalid_json", ["detail": Self.describe(error)])
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context, _ last: (any CodingKey)? = nil) -> String {
            let keys = context.codingPath + (last.map { [$0] } ?? [])
            let joined = keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return joined.isEmpty ? "body" : joined
        }
        switch error {
        case .keyNotFound(let key, let context): return path(context, key)
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return path(context)
        @unknown default: return "body"
        }
    }
}

extension Parameters {
    /// A numeric path id: not a number → 400 `invalid_parameter`; zero or negative → 404.
    func id(_ name: String = "id", resource: String) throws -> Int64 {
        guard let raw = get(name), let value = Int64(raw) else { throw APIError.invalidParameter(name) }
        guard value > 0 else { throw APIError.notFound(resource) }
        return value
    }
}
