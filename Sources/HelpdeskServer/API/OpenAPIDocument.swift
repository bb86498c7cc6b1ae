import Foundation
import Hummingbird

/// Serves `Resources/openapi.json`, the API's OpenAPI 3 description.
enum OpenAPIDocument {
    static let data: Data? = Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "Resources")
        .flatMap { try? Data(contentsOf: $0) }

    static func response() throws -> Response {
        guard let data else { throw APIError.notFound("route") }
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
