import ArgumentParser
import Foundation
import HelpdeskServer
import HelpdeskStore

struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Work with the audit log.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute the audit log's hash chain; exit 1 at the first row that does not match.")

        @OptionGroup var store: StoreOptions

        func run() async throws {
            var broken: Int64?
            try await HelpdeskApp.withDatabase(try store.configuration()) { database, _ in
                try await Migrations.run(on: database)
                let result = try await SQLStore(database: database).verifyAuditChain()
                if let id = result.firstBrokenId {
                    broken = id
                    print("Audit log BROKEN at row \(id): \(result.checked) rows before it verified.")
                } else {
                    print("Audit log intact: \(result.checked) rows verified.")
                }
            }
            if broken != nil { throw ExitCode(1) }
        }
    }
}
