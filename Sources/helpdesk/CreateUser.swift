import ArgumentParser
import Foundation
import HelpdeskCore
import HelpdeskServer
import HelpdeskStore
import Logging

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
        guard let password = password ?? ProcessInfo.processInfo.environment["HELPDESK_NEW_PASSWORD"],
            password.count >= 8
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
