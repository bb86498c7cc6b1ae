import Foundation
import HelpdeskCore
import Testing

/// R6.2: the knowledge base's rules: who reads, writes and reviews an article, how its status
/// moves, and how a solved ticket becomes a masked draft.
@Suite("Knowledge base rules (R6.2)")
struct KnowledgeTests {
    static let author: Int64 = 10
    static let editor: Int64 = 11
    static let other: Int64 = 12

    static func article(_ status: KBStatus, visibility: KBVisibility = .public) -> KBArticle {
        KBArticle(
            content: KBContent(title: "VPN 无法连接", visibility: visibility), status: status, authorId: author,
            editorId: editor, createdAt: WorkflowFixture.now)
    }

    struct TransitionCase: Sendable, CustomTestStringConvertible {
        var name: String
        var status: KBStatus
        var action: KBAction
        var role: Role
        var by: Int64 = KnowledgeTests.other
        var separate = true
        /// Someone who wrote a revision between the first and the latest.
        var wroteBetween: Int64?
        /// The status after it, or the refusal.
        var outcome: Result<KBStatus, KnowledgeError>
        var testDescription: String { name }
    }

    @Test(
        "R6.2 an article moves draft → review → published → retired, published by a reviewer who wrote none of it",
        arguments: [
            TransitionCase(
                name: "an engineer sends their draft for review", status: .draft, action: .submit, role: .agent,
                by: author, outcome: .success(.review)),
            TransitionCase(
                name: "a supervisor publishes someone else's article", status: .review, action: .publish,
                role: .supervisor, outcome: .success(.published)),
            TransitionCase(
                name: "a problem manager publishes", status: .review, action: .publish, role: .problemManager,
                outcome: .success(.published)),
            TransitionCase(
                name: "an admin publishes", status: .review, action: .publish, role: .admin,
                outcome: .success(.published)),
            TransitionCase(
                name: "an engineer may not publish", status: .review, action: .publish, role: .agent,
                outcome: .failure(.notReviewer)),
            TransitionCase(
                name: "a requester may do nothing", status: .draft, action: .submit, role: .requester,
                outcome: .failure(.notReviewer)),
            TransitionCase(
                name: "its author may not publish it", status: .review, action: .publish, role: .supervisor,
                by: author, outcome: .failure(.reviewerIsWriter)),
            TransitionCase(
                name: "its last editor may not publish it", status: .review, action: .publish, role: .supervisor,
                by: editor, outcome: .failure(.reviewerIsWriter)),
            TransitionCase(
                name: "a reviewer who wrote a revision in between may not publish it", status: .review,
                action: .publish, role: .supervisor, wroteBetween: KnowledgeTests.other,
                outcome: .failure(.reviewerIsWriter)),
            TransitionCase(
                name: "with the setting off, its author may publish it", status: .review, action: .publish,
                role: .supervisor, by: author, separate: false, outcome: .success(.published)),
            TransitionCase(
                name: "a draft is not published without review", status: .draft, action: .publish, role: .supervisor,
                outcome: .failure(.illegalTransition(status: .draft, action: .publish))),
            TransitionCase(
                name: "a reviewer sends it back", status: .review, action: .return, role: .supervisor,
                outcome: .success(.draft)),
            TransitionCase(
                name: "an engineer may not send it back", status: .review, action: .return, role: .agent,
                outcome: .failure(.notReviewer)),
            TransitionCase(
                name: "a reviewer retires a published article", status: .published, action: .retire,
                role: .problemManager, outcome: .success(.retired)),
            TransitionCase(
                name: "its author may retire it", status: .published, action: .retire, role: .supervisor, by: author,
                outcome: .success(.retired)),
            TransitionCase(
                name: "a draft is not retired", status: .draft, action: .retire, role: .supervisor,
                outcome: .failure(.illegalTransition(status: .draft, action: .retire))),
            TransitionCase(
                name: "a retired article is reopened as a draft", status: .retired, action: .reopen, role: .admin,
                outcome: .success(.draft)),
            TransitionCase(
                name: "a published article is not submitted again", status: .published, action: .submit,
                role: .agent, outcome: .failure(.illegalTransition(status: .published, action: .submit))),
            TransitionCase(
                name: "a published article is not published again", status: .published, action: .publish,
                role: .supervisor, outcome: .failure(.illegalTransition(status: .published, action: .publish))),
        ])
    func transitions(_ test: TransitionCase) {
        let result = Result { () throws(KnowledgeError) -> KBStatus in
            try Knowledge.transition(
                Self.article(test.status), test.action, by: test.by, role: test.role, separateReviewer: test.separate,
                writers: [Self.author, Self.editor, test.wroteBetween].compactMap { $0 }.reduce(into: Set<Int64>()) {
                    $0.insert($1)
                })
        }
        #expect(result == test.outcome)
    }

    @Test(
        "R6.2 what requesters read has passed a reviewer: a change to a published article goes back to review, unless a reviewer may publish their own",
        arguments: [
            (KBStatus.published, Role.agent, true, KBStatus.review),
            (.published, .supervisor, true, .review),
            (.published, .admin, true, .review),
            (.published, .agent, false, .review),
            (.published, .supervisor, false, .published),
            (.published, .problemManager, false, .published),
            (.draft, .agent, true, .draft),
            (.review, .agent, true, .review),
            (.review, .supervisor, false, .review),
        ])
    func edits(status: KBStatus, role: Role, separate: Bool, after: KBStatus) {
        #expect(Knowledge.statusAfterEdit(Self.article(status), by: role, separateReviewer: separate) == after)
    }

    @Test(
        "requesters read published public articles only; staff every article; nobody edits a retired one",
        arguments: KBStatus.allCases)
    func reading(status: KBStatus) {
        for visibility in KBVisibility.allCases {
            let article = Self.article(status, visibility: visibility)
            #expect(Knowledge.mayRead(article, role: .requester) == (status == .published && visibility == .public))
            #expect(Knowledge.mayRead(article, role: .agent))
            #expect(!Knowledge.mayEdit(article, role: .requester))
            #expect(Knowledge.mayEdit(article, role: .agent) == (status != .retired))
            #expect((try? Knowledge.checkEditable(article, role: .agent)) != nil || status == .retired)
        }
    }

    @Test(
        "tags are trimmed, lower-cased, split at Chinese and Latin commas, unique; too many or too long are refused",
        arguments: [
            (["VPN", " vpn ", "#邮箱"], ["vpn", "邮箱"] as [String]?),
            (["windows 10"], ["windows", "10"]),
            (["VPN，邮箱、打印机,OA"], ["vpn", "邮箱", "打印机", "oa"]),
            (["", "  ", "#"], []),
            ((1...11).map { "t\($0)" }, nil),
            ([String(repeating: "长", count: 41)], nil),
            ([String(repeating: "长", count: 40)], [String(repeating: "长", count: 40)]),
        ])
    func tags(written: [String], expected: [String]?) {
        #expect(Knowledge.tags(written) == expected)
    }

    @Test("tags typed in one field are split at commas and spaces, then checked as a list")
    func tagsFromText() {
        let list = Knowledge.tagList(fromText: "VPN 邮箱，打印机、 OA,,")
        #expect(list == ["VPN", "邮箱", "打印机", "OA"])
        #expect(Knowledge.tags(list) == ["vpn", "邮箱", "打印机", "oa"])
        #expect(Knowledge.tags(Knowledge.tagList(fromText: (1...11).map { "t\($0)" }.joined(separator: " "))) == nil)
    }

    @Test("R6.2 R9.2 a solved ticket becomes an internal draft with its texts and the personal data masked")
    func draftFromTicket() {
        var ticket = WorkflowFixture.ticket(status: .resolved)
        ticket.title = "张小明的 VPN 无法连接"
        ticket.description = "张小明 报告：手机 13812345678 收不到验证码，邮箱 zhang.xm@corp.com"
        ticket.rootCause = "证书过期"
        ticket.solution = "1. 更新证书\n2. 重启客户端"
        ticket.workaround = "先用网页版"
        ticket.affectedSystem = "VPN"
        ticket.categoryId = 4
        let draft = Knowledge.draft(from: ticket)
        #expect(draft.title == "张小*的 VPN 无法连接")
        #expect(draft.symptom == "张小* 报告：手机 *** 收不到验证码，邮箱 z*@corp.com")
        #expect(draft.cause == "证书过期")
        #expect(draft.solution == "1. 更新证书\n2. 重启客户端\n\n先用网页版")
        #expect(draft.tags == ["vpn"] && draft.categoryId == 4 && draft.visibility == .internal)
        #expect(Knowledge.mayDraft(from: ticket))
        #expect(!Knowledge.mayDraft(from: WorkflowFixture.ticket(status: .inProgress)))
    }

    @Test(
        "revision notes are stored as codes and read back",
        arguments: [
            KBRevisionNote.created, .edited, .fromTicket("TS20261207001"), .restored(3),
        ])
    func notes(note: KBRevisionNote) {
        #expect(KBRevisionNote(code: note.code) == note)
    }

    @Test(
        "R6.2 who hears of a status change: reviewers on submit, the other writers on return and publish, nobody else",
        arguments: [
            (
                KBAction.submit, Int64(1), Set<Int64>(), "kb_review_requested",
                [Recipient.role(.supervisor), .role(.problemManager)]
            ),
            (.return, 5, [1, 2], "kb_returned", [.user(1), .user(2)]),
            (.publish, 5, [1, 5], "kb_published", [.user(1)]),
            (.publish, 5, [5], nil, []),
            (.retire, 5, [1], nil, []),
            (.reopen, 5, [1], nil, []),
        ] as [(KBAction, Int64, Set<Int64>, String?, [Recipient])])
    func notices(action: KBAction, actor: Int64, writers: Set<Int64>, kind: String?, recipients: [Recipient]) {
        let article = Self.article(.review)
        let notices = Knowledge.notices(article, action, by: (actor, "李主管"), writers: writers, at: Date())
        #expect(notices.map(\.kind.rawValue) == (kind.map { [$0] } ?? []))
        #expect(notices.first?.recipients ?? [] == recipients)
        #expect(notices.allSatisfy { $0.ticketNumber.isEmpty && $0.arguments["actor"] == "李主管" })
    }
}
