import Foundation
import HelpdeskServer
import HelpdeskStore
import Testing

@Suite("One-off command support")
struct CommandSupportTests {
    struct Failure: Error {}

    @Test("withDatabase closes SQLite when the command fails (an open connection used to abort the process)")
    func closesOnFailure() async throws {
        var config = ServerConfiguration()
        config.dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("hd-cmd-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: config.dataDirectory) }
        await #expect(throws: Failure.self) {
            try await HelpdeskApp.withDatabase(config) { database, _ in
                try await Migrations.run(on: database)
                throw Failure()
            }
        }
        try await HelpdeskApp.withDatabase(config) { database, _ in
            let pending = try await Migrations.run(on: database)
            #expect(pending.isEmpty)
        }
    }
}
