import Foundation

/// The rules of problem records (R6.3, R7.4): who manages them and how their status moves.
public enum Problems {
    public static let titleMaxLength = 200
    public static let textMaxLength = 10_000
    public static let ticketsMax = 200

    /// Problem managers, supervisors and admins manage problems; other staff read them.
    public static func manages(_ role: Role) -> Bool {
        switch role {
        case .problemManager, .supervisor, .admin: true
        case .requester, .agent: false
        }
    }

    /// The statuses a problem may be moved to by an update (confirm and reject have their own
    /// actions): forward to a known error once the cause and a workaround are written, to
    /// resolved once the permanent fix is, closed after that; a resolved problem that comes
    /// back is investigated again.
    public static func move(_ problem: ProblemRecord, to status: ProblemStatus) throws(ProblemError) -> ProblemStatus {
        guard status != problem.status else { return status }
        switch (problem.status, status) {
        case (.investigating, .knownError):
            guard filled(problem.rootCause), filled(problem.workaround) else {
                throw .missing(["rootCause", "workaround"])
            }
        case (.investigating, .resolved), (.knownError, .resolved):
            guard filled(problem.permanentFix) else { throw .missing(["permanentFix"]) }
        case (.knownError, .investigating), (.resolved, .closed), (.resolved, .investigating):
            break
        default:
            throw .illegalTransition(from: problem.status, to: status)
        }
        return status
    }

    /// Confirm (proposed → investigating, its tickets linked) or reject (proposed → rejected).
    public static func decide(_ problem: ProblemRecord, confirm: Bool) throws(ProblemError) -> ProblemStatus {
        guard problem.status == .proposed else {
            throw .illegalTransition(from: problem.status, to: confirm ? .investigating : .rejected)
        }
        return confirm ? .investigating : .rejected
    }

    /// A proposal is not made again for tickets a rejected one already held (no ticket new).
    public static func wasRejected(_ numbers: [String], rejected: [[String]]) -> Bool {
        let set = Set(numbers)
        return rejected.contains { set.isSubset(of: Set($0)) }
    }

    /// What the linked requesters are told when a workaround is recorded or the problem is
    /// resolved: the text as the manager wrote it, marked with the problem's number (no words
    /// of the desk's own, which would be in one language for requesters of either).
    public static func broadcast(_ problem: ProblemRecord, resolved: Bool) -> String? {
        let text = resolved ? problem.permanentFix : problem.workaround
        guard let text, filled(text) else { return nil }
        return "[PR-\(problem.id)] \(text)"
    }

    static func filled(_ text: String?) -> Bool {
        !(text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }
}

/// Why ``Problems`` refused a change.
public enum ProblemError: Error, Equatable, Sendable {
    case illegalTransition(from: ProblemStatus, to: ProblemStatus)
    /// The fields the new status needs.
    case missing([String])
}
