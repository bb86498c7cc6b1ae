import Foundation
import Testing

@testable import HelpdeskCore

@Suite("Reports: a resolved ticket's stored facts (M028)")
struct SettledFactsTests {
    static let resolved = Golden.specs.filter { ["A", "B", "C", "E"].contains($0.number) }.map(\.number)
    static let open = Golden.specs.filter { ["D", "F"].contains($0.number) }.map(\.number)
    static let later: [TimeInterval] = [0, 60, 86_400 * 3, 86_400 * 400]

    static func spec(_ number: String) throws -> Golden.Spec {
        try #require(Golden.specs.first { $0.number == number })
    }

    @Test("a resolved ticket's facts are those of any later instant", arguments: resolved, later)
    func settledEqualsLive(number: String, after seconds: TimeInterval) throws {
        let ticket = Golden.ticket(try Self.spec(number))
        let settled = try #require(SettledFacts(ticket: ticket, policy: Golden.policy, calendar: Golden.calendar))
        let live = TicketFacts(
            ticket: ticket, policy: Golden.policy, calendar: Golden.calendar, at: Golden.now.addingTimeInterval(seconds)
        )
        #expect(settled.facts == live)
        #expect(settled.majorIncident == false)
    }

    @Test("an open ticket has none: its facts still depend on the report's instant", arguments: open)
    func openHasNone(number: String) throws {
        let ticket = Golden.ticket(try Self.spec(number))
        #expect(SettledFacts(ticket: ticket, policy: Golden.policy, calendar: Golden.calendar) == nil)
    }

    @Test("the rating is kept without its comment, and a major incident is marked")
    func ratingAndMajor() throws {
        var ticket = Golden.ticket(try Self.spec("A"))
        ticket.satisfaction = Satisfaction(level: .satisfied, score: 5, comment: "很快 | 谢谢")
        ticket.majorIncident = true
        let settled = try #require(SettledFacts(ticket: ticket, policy: Golden.policy, calendar: Golden.calendar))
        #expect(settled.facts.satisfaction == Satisfaction(level: .satisfied, score: 5))
        #expect(settled.majorIncident)
        #expect(SettledFacts(text: settled.text, id: 0) == settled)
    }

    /// Variations of the golden facts that exercise every field of the text.
    static let variants: [(String, @Sendable (inout TicketFacts) -> Void)] = [
        ("as computed", { _ in }),
        ("cause with separators", { $0.breachCause = "等待厂商|备件 100% 缺货 %7C" }),
        ("empty cause", { $0.breachCause = "" }),
        ("no cause", { $0.breachCause = nil }),
        ("number with separators", { $0.number = "INC|2026%12" }),
        ("every extension", { $0.extensions = [.pending, .approved, .rejected, .approved] }),
        ("neutral rating", { $0.satisfaction = Satisfaction(level: .neutral, score: 3) }),
        ("dissatisfied", { $0.satisfaction = Satisfaction(level: .dissatisfied, score: 1) }),
        ("no rating", { $0.satisfaction = nil }),
        (
            "no ids",
            {
                $0.categoryId = nil
                $0.groupId = nil
                $0.assigneeId = nil
            }
        ),
        (
            "large ids",
            {
                $0.categoryId = .max
                $0.groupId = 0
                $0.assigneeId = -1
            }
        ),
        (
            "every flag",
            {
                $0.outOfScope = true
                $0.reopened = true
                $0.breached = true
            }
        ),
        (
            "undecided",
            {
                $0.responseMet = nil
                $0.resolutionMet = nil
                $0.resolvedAt = nil
            }
        ),
        (
            "missed",
            {
                $0.responseMet = false
                $0.resolutionMet = false
            }
        ),
        (
            "odd instants",
            {
                $0.submittedAt = Date(timeIntervalSinceReferenceDate: 0.1 + 0.2)
                $0.resolvedAt = Date(timeIntervalSince1970: 1_796_000_000.123_456_7)
            }
        ),
        (
            "long durations",
            {
                $0.firstResponseMinutes = 0
                $0.resolutionMinutes = 5_000_000
            }
        ),
        (
            "every channel and type",
            {
                $0.channel = .walkIn
                $0.type = .suggestion
                $0.tier = .l3
                $0.priority = .p0
            }
        ),
    ]

    @Test(
        "the text reads back to the same facts",
        arguments: Golden.specs.map(\.number), variants.indices)
    func roundTrip(number: String, variant: Int) throws {
        var facts = Golden.facts(try Self.spec(number))
        Self.variants[variant].1(&facts)
        facts.id = 42
        for major in [false, true] {
            let settled = SettledFacts(facts: facts, majorIncident: major)
            #expect(SettledFacts(text: settled.text, id: 42) == settled, "\(Self.variants[variant].0): \(settled.text)")
        }
    }

    @Test(
        "a text of another version or a damaged one is not read",
        arguments: [
            "", "f1|", "f2|" + String(Golden.facts(Golden.specs[0]).submittedAt.timeIntervalSinceReferenceDate),
            "F1|x", "f1|||||||||||||||||",
        ] + damaged)
    func damagedText(text: String) {
        #expect(SettledFacts(text: text, id: 1) == nil)
    }

    /// The golden ticket A's text with one field spoiled at a time.
    static let damaged: [String] = {
        let text = SettledFacts(facts: Golden.facts(Golden.specs[0]), majorIncident: false).text
        let fields = text.dropFirst(SettledFacts.prefix.count).split(separator: "|", omittingEmptySubsequences: false)
        let spoiled = [
            "x", "bug", "fax", "P9", "c", "g", "a", "L4", "", "soon", "1.5", "-", "2", "yes", "z", "x5", "", "",
        ]
        var texts: [String] = []
        for index in fields.indices where !spoiled[index].isEmpty {
            var copy = fields.map(String.init)
            copy[index] = spoiled[index]
            texts.append(SettledFacts.prefix + copy.joined(separator: "|"))
        }
        texts.append(text + "|extra")
        texts.append(String(text.dropLast(text.count - text.lastIndex(of: "|")!.utf16Offset(in: text))))
        return texts
    }()
}

@Suite("Reports: the reports' part of a stored ticket")
struct ReportTicketTests {
    /// A golden ticket with every optional part the reports read filled in.
    static func full(_ spec: Golden.Spec) -> Ticket {
        var ticket = Golden.ticket(spec)
        ticket.id = 7
        ticket.majorIncident = true
        ticket.breaches = [SLABreach(target: .response, dueAt: spec.inputs[0].at, recordedAt: spec.inputs[0].at)]
        ticket.extensions = spec.extensions.enumerated().map { index, status in
            ExtensionRequest(
                id: index + 1, requestedById: 2, requestedByName: "李工", requestedAt: spec.inputs[0].at,
                reason: "等待厂商", requestedDueAt: Golden.now, originalDueAt: spec.inputs[0].at, status: status)
        }
        return ticket
    }

    @Test(
        "decoded from the stored document it equals the ticket's own, and so do its facts",
        arguments: Golden.specs.map(\.number), [false, true])
    func decodedEqualsTicket(number: String, full: Bool) throws {
        let spec = try #require(Golden.specs.first { $0.number == number })
        let ticket = full ? Self.full(spec) : Golden.ticket(spec)
        let decoded = try JSONDecoder().decode(ReportTicket.self, from: JSONEncoder().encode(ticket))
        #expect(decoded == ReportTicket(ticket))
        #expect(
            TicketFacts(ticket: decoded, policy: Golden.policy, calendar: Golden.calendar, at: Golden.now)
                == TicketFacts(ticket: ticket, policy: Golden.policy, calendar: Golden.calendar, at: Golden.now))
    }
}
