import Foundation
import HelpdeskCore
import Testing

@Suite("Masking of personal data")
struct MaskingTests {
    @Test(
        "R9.2 free text in lists and exports: numbers the detector knows, credentials and e-mail addresses",
        arguments: [
            ("打印机卡纸", "打印机卡纸"), ("回电 13812345678", "回电 ***"), ("密码：abcdef 登录失败", "密码：*** 登录失败"),
            ("发到 zhang.san@corp.com 谢谢", "发到 z*@corp.com 谢谢"), ("工单 HD-20261202-0001", "工单 HD-20261202-0001"),
            ("a@b", "a@b"),
        ])
    func freeText(text: String, masked: String) {
        #expect(Masking.text(text) == masked)
    }

    @Test(
        "R9.2 contacts keep only the last four characters or the e-mail's first letter and domain",
        arguments: [
            ("13812345678", "*5678"),
            ("8021-5678", "*5678"),
            ("+86 138 1234 5678", "*5678"),
            ("  13812345678  ", "*5678"),
            ("12345", "*2345"),
            // Four characters or fewer would be shown whole: fully masked instead
            ("5678", "*"),
            ("123", "*"),
            ("", "*"),
            ("zhangsan@corp.com", "z*@corp.com"),
            ("Li.Si@example.cn", "L*@example.cn"),
            ("@corp.com", "*@corp.com"),
        ])
    func contact(value: String, masked: String) {
        #expect(Masking.contact(value) == masked)
    }

    @Test(
        "R9.2 names keep at most two leading characters",
        arguments: [
            ("小明华", "小明*"), ("小明", "小*"), ("王", "*"), ("欧阳小明", "欧阳*"), ("Alice", "Al*"), ("Al", "A*"),
            (" 小明华 ", "小明*"), ("", ""), ("   ", ""),
        ])
    func name(value: String, masked: String) {
        #expect(Masking.name(value) == masked)
    }

    @Test(
        "R9.2 a masked name never shows the whole name",
        arguments: ["王", "小明", "小明华", "欧阳小明", "A", "Al", "Alice", "Dr. Li"])
    func nameNeverWhole(value: String) {
        let masked = Masking.name(value)
        #expect(masked != value)
        #expect(!masked.contains(value))
        #expect(masked.hasSuffix("*"))
        #expect(masked.dropLast().count < value.count)
    }

    @Test(
        "R9.2 a masked contact never shows the whole contact",
        arguments: ["13812345678", "12345", "5678", "1", "zs@corp.com", "zhangsan@corp.com"])
    func contactNeverWhole(value: String) {
        #expect(Masking.contact(value) != value)
        #expect(Masking.contact(value).contains("*"))
    }
}

@Suite("Access by role")
struct AccessTests {
    @Test(
        "R9.1 list scope per role",
        arguments: [
            (WorkflowActorKind.owner, Access.ListScope.requester(id: 100, department: nil)),
            (.otherRequester, .requester(id: 101, department: nil)),
            (.handler, .agent(id: 200, groupIds: [10])),
            (.outsideAgent, .agent(id: 202, groupIds: [20])),
            (.problemManager, .all), (.supervisor, .all), (.admin, .all),
        ])
    func listScope(kind: WorkflowActorKind, scope: Access.ListScope) {
        #expect(Access.listScope(for: kind.actor) == scope)
    }

    @Test(
        "R9.1 R9.2 who sees a ticket and who sees its personal data in full",
        arguments: [
            // (actor, can view, full access)
            (WorkflowActorKind.owner, true, true),
            (.otherRequester, false, false),
            (.handler, true, true),
            (.groupAgent, true, false),
            (.outsideAgent, false, false),
            (.problemManager, true, true),
            (.supervisor, true, true),
            (.admin, true, true),
        ])
    func viewAndFullAccess(kind: WorkflowActorKind, canView: Bool, fullAccess: Bool) {
        let ticket = WorkflowFixture.ticket(status: .inProgress)
        #expect(Access.canView(ticket, by: kind.actor) == canView)
        #expect(Access.hasFullAccess(ticket, by: kind.actor) == fullAccess)
    }

    @Test("R9.1 an agent outside the group sees a ticket assigned to them")
    func assignedOutsideGroup() {
        let ticket = WorkflowFixture.ticket(status: .assigned, assignee: WorkflowActorKind.outsideAgent.actor.id)
        #expect(Access.canView(ticket, by: WorkflowActorKind.outsideAgent.actor))
        #expect(Access.hasFullAccess(ticket, by: WorkflowActorKind.outsideAgent.actor))
    }

    @Test("R9.1 an agent sees no ticket without a group unless it is theirs")
    func ticketWithoutGroup() {
        var ticket = WorkflowFixture.ticket(status: .new, assignee: nil)
        ticket.groupId = nil
        #expect(!Access.canView(ticket, by: WorkflowActorKind.groupAgent.actor))
        #expect(Access.canView(ticket, by: WorkflowActorKind.problemManager.actor))
    }

    @Test("R9.1 a phone caller without an account is seen by no requester")
    func requesterWithoutAccount() {
        let caller = Requester(userId: nil, name: "来电客户", external: true)
        let ticket = WorkflowFixture.ticket(status: .new, requester: caller)
        #expect(!Access.canView(ticket, by: WorkflowActorKind.owner.actor))
        #expect(!Access.hasFullAccess(ticket, by: WorkflowActorKind.groupAgent.actor))
    }

    @Test("R9.2 an agent of the group sees the contact masked; the internal requester's name stays")
    func groupAgentSeesMaskedContact() {
        // given
        let ticket = WorkflowFixture.ticket(status: .inProgress)

        // when
        let shown = Access.presented(ticket, to: WorkflowActorKind.groupAgent.actor)

        // then
        #expect(shown.contact == "*5678")
        #expect(shown.requester.name == "张小明")
        #expect(shown.requester.employeeNumber == "E1001")
        #expect(shown.title == ticket.title)
    }

    @Test("R9.2 an external requester's name and employee number are masked too")
    func externalNameMasked() {
        // given
        let customer = Requester(
            userId: WorkflowActorKind.owner.actor.id, name: "小明华", employeeNumber: "C-77", external: true)
        let ticket = WorkflowFixture.ticket(status: .inProgress, requester: customer, contact: "xiaoming@customer.com")

        // when
        let shown = Access.presented(ticket, to: WorkflowActorKind.groupAgent.actor)

        // then
        #expect(shown.requester.name == "小明*")
        #expect(shown.requester.employeeNumber == nil)
        #expect(shown.contact == "x*@customer.com")
        #expect(shown.requester.external)
    }

    @Test(
        "R9.2 staff on the ticket and the requester see everything in full",
        arguments: [WorkflowActorKind.owner, .handler, .problemManager, .supervisor, .admin])
    func fullAccessUnmasked(kind: WorkflowActorKind) {
        let customer = Requester(
            userId: WorkflowActorKind.owner.actor.id, name: "小明华", employeeNumber: "C-77", external: true)
        let ticket = WorkflowFixture.ticket(status: .inProgress, requester: customer)
        #expect(Access.presented(ticket, to: kind.actor) == ticket)
    }
}
