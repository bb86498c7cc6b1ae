import ArgumentParser
import Foundation
import HelpdeskCore
import HelpdeskServer
import HelpdeskStore
import Logging

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Migrate the database, seed it when empty, and serve the API on HTTP.")

    @OptionGroup var store: StoreOptions

    @Option(help: "Address to listen on (env HELPDESK_HOST, default 127.0.0.1).")
    var host: String?

    @Option(help: "Port to listen on (env HELPDESK_PORT, default 8080).")
    var port: Int?

    @Option(
        help: "Training/demo mode: start the clock at this ISO 8601 time; admins move it with PUT /api/v1/admin/clock.")
    var simulatedClock: String?

    func run() async throws {
        var config = try store.configuration()
        if let host { config.host = host }
        if let port { config.port = port }
        if let simulatedClock {
            guard let start = ISO8601DateFormatter().date(from: simulatedClock) else {
                throw ValidationError("--simulated-clock needs an ISO 8601 time such as 2026-11-20T16:00:00+08:00")
            }
            config.simulatedClockStart = start
        }
        do {
            try await HelpdeskApp.run(config)
        } catch {
            // PostgresNIO hides details from `description`; operators need them.
            FileHandle.standardError.write(Data("helpdesk: \(String(reflecting: error))\n".utf8))
            throw ExitCode.failure
        }
    }
}
