import Foundation
import Hummingbird

/// `/static/app.css` and `/static/app.js`, read from the bundle once and served from memory.
struct StaticFiles: Sendable {
    let files: [String: (type: String, body: ByteBuffer)]

    init() throws {
        let directory = try WebRenderer.resourceDirectory("static")
        var files: [String: (type: String, body: ByteBuffer)] = [:]
        for (name, type) in [("app.css", "text/css; charset=utf-8"), ("app.js", "text/javascript; charset=utf-8")] {
            let data = try Data(contentsOf: directory.appendingPathComponent(name))
            files[name] = (type, ByteBuffer(bytes: data))
        }
        self.files = files
    }

    func register(on router: Router<HelpdeskRequestContext>) {
        router.get("static/:file") { _, context in
            guard let file = files[try context.parameters.require("file")] else { throw APIError.notFound("route") }
            var headers = HTTPFields()
            headers[.contentType] = file.type
            headers[.cacheControl] = "public, max-age=300"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: file.body))
        }
    }
}
