import ArgumentParser
import Foundation
import HelpdeskCore
import HelpdeskServer
import HelpdeskStore
import Logging

@main
struct HelpdeskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "helpdesk",
        abstract: "Helpdesk: a technical-support service desk.",
        subcommands: [Serve.self, Migrate.self, CreateUser.self],
        defaultSubcommand: Serve.self)
}

/// Flags shared by every command; each overrides its environment variable.
struct StoreOptions: ParsableArguments {
    @Option(help: "Directory for the SQLite file (env HELPDESK_DATA_DIR, default ./data).")
    var dataDir: String?

    @Option(help: "PostgreSQL URL, postgres://user:pass@host:port/db (env DATABASE_URL). SQLite when absent.")
    var databaseURL: String?

    func configuration() throws -> ServerConfiguration {
        var config = try ServerConfiguration.fromEnvironment()
        if let dataDir { config.dataDirectory = dataDir }
        if let databaseURL { config.databaseURL = databaseURL }
        return config
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Migrate the database, seed it when empty, and serve the API on HTTP.")

    @OptionGroup var store: StoreOptions

    @Option(help: "Address to listen on (env HELPDESK_HOST, default 127.0.0.1).")
    var host: String?

    @Option(help: "Port to listen on (env HELPDESK_PORT, default 8080).")
    var port: Int?

    @Option(help: "Training/demo mode: start the clock at this ISO 8601 time; admins move it with PUT /api/v1/admin/clock.")
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

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending database migrations and exit.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await HelpdeskApp.withDatabase(try store.configuration()) { database, _ in
            let ran = try await Migrations.run(on: database)
            print(ran.isEmpty ? "Database is up to date." : "Applied migrations: \(ran.map(String.init).joined(separator: ", "))")
        }
    }
}

struct CreateUser: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-user", abstract: "Create a user (for example a first supervisor) from the shell.")

    @OptionGroup var store: StoreOptions
    @Option var username: String
    @Option var name: String
    @Option(help: "requester, agent, problem_manager, supervisor or admin.") var role: String
    @Option(help: "L1, L2 or L3 (agents).") var tier: String?
    @Option(help: "Password; read from HELPDESK_NEW_PASSWORD when omitted.") var password: String?

    func run() async throws {
        guard let role = Role(rawValue: role) else { throw ValidationError("unknown role \(role)") }
        let tier = try tier.map {
            guard let tier = Tier(rawValue: $0) else { throw ValidationError("unknown tier \($0)") }
            return tier
        }
        guard let password = password ?? ProcessInfo.processInfo.environment["HELPDESK_NEW_PASSWORD"], password.count >= 8
        else { throw ValidationError("a password of at least 8 characters is required") }
        try await HelpdeskApp.withDatabase(try store.configuration()) { database, config in
            let sqlStore = SQLStore(database: database)
            try await HelpdeskApp.prepare(database, store: sqlStore, config: config, logger: Logger(label: "helpdesk"))
            let user: User
            do {
                user = try await sqlStore.createUser(
                    User(username: username, displayName: name, role: role, tier: tier),
                    passwordHash: try await PasswordHashing.hash(password), now: Date())
            } catch StoreError.duplicate {
                throw ValidationError("a user named \(username) already exists")
            }
            print("Created user \(user.username) (id \(user.id)).")
        }
    }
}
