import ArgumentParser
import Foundation
import HelpdeskServer

#if canImport(Glibc)
    import Glibc
#endif

/// `helpdesk mailgate --url URL --channel ID`: one RFC 5322 message on stdin, for an MTA's
/// pipe or alias (issue #11). The token is read from `HELPDESK_MAILGATE_TOKEN`, never from the
/// command line (where `ps` shows it).
struct Mailgate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Post one e-mail from stdin to a mailgate channel; exit 0 once stored, 75 to make the MTA retry.")

    @Option(help: "The desk's base URL, e.g. https://desk.example.cn") var url: String
    @Option(help: "The mailgate channel's id.") var channel: Int64

    func run() async throws {
        guard let token = ProcessInfo.processInfo.environment["HELPDESK_MAILGATE_TOKEN"], !token.isEmpty else {
            FileHandle.standardError.write(Data("HELPDESK_MAILGATE_TOKEN is not set\n".utf8))
            throw ExitCode(MailgateClient.tempFail)
        }
        guard let base = URL(string: url), base.scheme == "http" || base.scheme == "https" else {
            throw ValidationError("--url must be an http(s) URL")
        }
        let message = FileHandle.standardInput.readDataToEndOfFile()
        let (code, detail) = await MailgateClient.post(base: base, channel: channel, token: token, message: message)
        if code != MailgateClient.ok { FileHandle.standardError.write(Data("mailgate: \(detail)\n".utf8)) }
        throw ExitCode(code)
    }
}
