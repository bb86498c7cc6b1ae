import Foundation
import HelpdeskMail

/// The mailbox commands intake needs: select a folder, list the unseen messages, fetch them
/// whole without setting \Seen (BODY.PEEK), then mark or move them once they are stored.
extension IMAPSession {
    mutating func select(_ folder: String) async throws {
        try await run([.atom("SELECT"), .mailbox(folder)])
    }

    /// The UIDs of the messages without \Seen, lowest first.
    mutating func unseenUIDs() async throws -> [UInt32] {
        try await run([.atom("UID SEARCH UNSEEN")]).compactMap(\.searchResults).flatMap { $0 }.sorted()
    }

    /// The raw messages of `uids` (at most a batch), in UID order; a UID the server no longer
    /// has is left out.
    mutating func fetch(_ uids: [UInt32]) async throws -> [(uid: UInt32, raw: [UInt8])] {
        guard !uids.isEmpty else { return [] }
        let responses = try await run([.atom("UID FETCH \(Self.set(uids)) (UID BODY.PEEK[])")])
        return responses.compactMap { response in
            guard let uid = response.fetchUID, let raw = response.literals.first else { return nil }
            return (uid, raw)
        }.sorted { $0.uid < $1.uid }
    }

    mutating func markSeen(_ uids: [UInt32]) async throws {
        guard !uids.isEmpty else { return }
        try await run([.atom("UID STORE \(Self.set(uids)) +FLAGS.SILENT (\\Seen)")])
    }

    /// MOVE where the server has it (RFC 6851), else COPY, \Deleted and (UID) EXPUNGE. The
    /// messages are marked \Seen first, so an interrupted fallback leaves them read, not twice.
    mutating func move(_ uids: [UInt32], to folder: String) async throws {
        guard !uids.isEmpty else { return }
        let set = Self.set(uids)
        if capabilities.contains("MOVE") {
            try await markSeen(uids)
            try await run([.atom("UID MOVE \(set)"), .mailbox(folder)])
            return
        }
        try await markSeen(uids)
        try await run([.atom("UID COPY \(set)"), .mailbox(folder)])
        try await run([.atom("UID STORE \(set) +FLAGS.SILENT (\\Deleted)")])
        try await run([.atom(capabilities.contains("UIDPLUS") ? "UID EXPUNGE \(set)" : "EXPUNGE")])
    }

    /// Creates the folder unless it exists (the move target).
    mutating func ensureFolder(_ folder: String) async throws {
        let listed = try await run([.atom("LIST"), .quoted(""), .mailbox(folder)])
        if listed.isEmpty { try await run([.atom("CREATE"), .mailbox(folder)]) }
    }

    /// Appends a message (the tests fill a mailbox with it).
    mutating func append(_ raw: [UInt8], to folder: String) async throws {
        try await run([.atom("APPEND"), .mailbox(folder), .literal(raw)])
    }

    /// `3,5,7:9`: runs of consecutive UIDs as ranges.
    static func set(_ uids: [UInt32]) -> String {
        var parts: [String] = []
        var index = 0
        let sorted = uids.sorted()
        while index < sorted.count {
            var end = index
            while end + 1 < sorted.count, sorted[end + 1] == sorted[end] + 1 { end += 1 }
            parts.append(end == index ? "\(sorted[index])" : "\(sorted[index]):\(sorted[end])")
            index = end + 1
        }
        return parts.joined(separator: ",")
    }
}
