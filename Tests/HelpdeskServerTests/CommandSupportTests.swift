import Foundation
import HelpdeskServer
import HelpdeskStore
import HelpdeskTestSupport
import Logging
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

    @Test(
        "the generated admin password reaches a pipe at once, while the server still runs (not held in a stdio buffer)")
    func adminPasswordAppearsAtOnce() async throws {
        // given an empty database and a pipe standing for stdout under systemd or `| tee`
        var config = ServerConfiguration()
        config.dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("hd-cmd-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: config.dataDirectory) }
        let pipe = Pipe()
        let announcer = Announcer(descriptor: pipe.fileHandleForWriting.fileDescriptor)
        // when the first start seeds the admin, with the writing end still open
        try await HelpdeskApp.withDatabase(config) { database, config in
            try await HelpdeskApp.prepare(
                database, store: SQLStore(database: database), config: config, logger: Logger(label: "test"),
                announcer: announcer)
        }
        // then the line is already readable
        let flags = fcntl(pipe.fileHandleForReading.fileDescriptor, F_GETFL)
        _ = fcntl(pipe.fileHandleForReading.fileDescriptor, F_SETFL, flags | O_NONBLOCK)
        let text = String(decoding: pipe.fileHandleForReading.availableData, as: UTF8.self)
        #expect(text.hasPrefix("Created user 'admin' with password: "))
        let password = text.dropFirst("Created user 'admin' with password: ".count).prefix(16)
        #expect(password.count == 16 && !password.contains(" "))
    }
}
