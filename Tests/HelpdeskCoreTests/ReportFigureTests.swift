import Foundation
import HelpdeskCore
import HelpdeskTestSupport
import Testing

@Suite("Reports: every figure names the tickets it counts (R7 reconciliation)")
struct ReportFigureTests {
    @Test(
        "the golden fixture's drill-downs, worked out by hand",
        arguments: [
            ("tickets", "ABCDEF"), ("outOfScope", "E"), ("counted", "ABCDF"), ("firstResponseMeasured", "ABCF"),
            ("resolutionMeasured", "ABC"), ("responseMet", "ABCF"), ("responseDecided", "ABCF"),
            ("resolutionMet", "AB"), ("resolutionDecided", "ABC"), ("resolved", "ABC"), ("everResolved", "ABC"),
            ("reopened", "C"), ("firstContact", "A"), ("backlog.3to7d", "DF"), ("backlog.lt1d", ""),
            ("breached", "C"), ("breaches.等待厂商", "C"), ("breaches.unrecorded", ""), ("escalated.L2", "BC"),
            ("escalated.L3", "C"), ("rated", "ABC"), ("satisfaction.neutral", "B"),
            ("satisfaction.dissatisfied", "C"), ("volume.channel.portal", "ADE"), ("volume.type.consultation", "BE"),
            ("volume.priority.P2", "ABF"), ("volume.category.none", "D"), ("volume.group.11", "CF"),
            ("volume.engineer.100", "AE"),
        ])
    func golden(text: String, numbers: String) throws {
        let figure = try #require(ReportFigure(text: text))
        let listed = Golden.all.filter { figure.includes($0, asOf: Golden.now) }.map(\.number).joined()
        #expect(listed == numbers)
        #expect(KPISet(Golden.all, asOf: Golden.now).count(of: figure) == numbers.count)
    }

    @Test(
        "on 400 generated tickets every figure's list is exactly as long as its number",
        arguments: [1, 2, 3] as [UInt64])
    func generated(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let facts = (0..<400).map { index in Self.shuffled(Golden.all[index % Golden.all.count], &random) }
        let asOf = Golden.now.addingTimeInterval(Double(Int.random(in: 0...40, using: &random)) * 86_400)
        let kpis = KPISet(facts, asOf: asOf)
        #expect(kpis.figures.count > 30)
        for figure in kpis.figures {
            #expect(
                facts.filter { figure.includes($0, asOf: asOf) }.count == kpis.count(of: figure), "\(figure.text)")
        }
    }

    @Test("a figure's text reads back as the same figure")
    func roundTrip() {
        let kpis = KPISet(Golden.all, asOf: Golden.now)
        for figure in kpis.figures { #expect(ReportFigure(text: figure.text) == figure) }
        #expect(ReportFigure(text: "breaches.v1.2 未升级") == .breachCause("v1.2 未升级"))
    }

    @Test(
        "a text that names no figure is refused",
        arguments: [
            "", "nope", "Tickets", "backlog", "backlog.2to3d", "breaches.", "escalated.L1", "escalated.L9",
            "satisfaction.meh", "volume.colour.red", "volume.channel.", "volume.channel", "tickets.x",
            String(repeating: "breaches.长", count: 40),
        ])
    func refused(text: String) {
        #expect(ReportFigure(text: text) == nil)
    }

    /// The fixture's facts with their measured properties drawn anew: every combination the
    /// fold and the figures must agree on, decided and undecided, in and out of scope.
    static func shuffled(_ base: TicketFacts, _ random: inout SeededRandom) -> TicketFacts {
        var fact = base
        func maybe<T>(_ value: T) -> T? { Bool.random(using: &random) ? value : nil }
        fact.submittedAt = Golden.now.addingTimeInterval(-Double(Int.random(in: 0...(45 * 24), using: &random)) * 3600)
        fact.tier = Tier.allCases.randomElement(using: &random)!
        fact.outOfScope = Int.random(in: 0..<8, using: &random) == 0
        fact.resolvedAt = maybe(
            fact.submittedAt.addingTimeInterval(Double(Int.random(in: 1...900, using: &random)) * 3600))
        fact.firstResponseMinutes = maybe(Int.random(in: 0...600, using: &random))
        fact.resolutionMinutes = fact.resolvedAt == nil ? nil : Int.random(in: 0...9000, using: &random)
        fact.responseMet = maybe(Bool.random(using: &random))
        fact.resolutionMet = maybe(Bool.random(using: &random))
        fact.reopened = Bool.random(using: &random)
        fact.breached = Bool.random(using: &random)
        fact.breachCause = maybe(["等待厂商", "v1.2 未升级", "备件未到"].randomElement(using: &random)!)
        fact.satisfaction = maybe(
            Satisfaction(
                level: SatisfactionLevel.allCases.randomElement(using: &random)!,
                score: Int.random(in: 1...5, using: &random)))
        fact.channel = Channel.allCases.randomElement(using: &random)!
        fact.priority = Priority.allCases.randomElement(using: &random)!
        fact.categoryId = maybe(Int64.random(in: 1...9, using: &random))
        fact.groupId = maybe(Int64.random(in: 1...4, using: &random))
        fact.assigneeId = maybe(Int64.random(in: 100...110, using: &random))
        return fact
    }
}
