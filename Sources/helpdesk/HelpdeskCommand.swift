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
        subcommands: [Serve.self, Migrate.self, CreateUser.self, Audit.self, Mailgate.self, Generate.self],
        defaultSubcommand: Serve.self)
}
