import Hummingbird
import Logging
import Synchronization
import Testing

/// A router served on a free port of 127.0.0.1 while `body` runs (a webhook receiver, a fake
/// IM platform).
enum LocalServer {
    static func run(_ router: Router<BasicRequestContext>, _ body: (Int) async throws -> Void) async throws {
        let port = Mutex<Int?>(nil)
        var logger = Logger(label: "local-server")
        logger.logLevel = .critical
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in port.withLock { $0 = channel.localAddress?.port } }, logger: logger)
        let server = Task { try await app.runService() }
        defer { server.cancel() }
        for _ in 0..<200 where port.withLock({ $0 }) == nil { try await Task.sleep(for: .milliseconds(10)) }
        try await body(try #require(port.withLock { $0 }))
    }
}
