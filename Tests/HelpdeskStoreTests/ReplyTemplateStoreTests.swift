import Foundation
import HelpdeskCore
import HelpdeskStore
import HelpdeskTestSupport
import SQLKit
import Testing

@Suite("Reply templates in the store (R8.1, M010)")
struct ReplyTemplateStoreTests {
    @Test(
        "a desk from before reply templates gets the defaults once, even from two instances at once; deleted ones stay deleted",
        arguments: TestStores.kinds)
    func seededOnce(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            // given: a new desk has them
            #expect(try await store.replyTemplates().map(\.name) == Seeder.replyTemplates.map(\.name))
            // and a desk from before M010 has neither the templates nor the marker
            try await store.database.transaction { db in
                try await db.raw("DELETE FROM reply_templates").run()
                try await db.raw("DELETE FROM settings WHERE key = 'reply_templates.seeded'").run()
            }

            // when: two instances start together after the upgrade
            async let first = Seeder.seedReplyTemplates(store, now: Date())
            async let second = Seeder.seedReplyTemplates(store, now: Date())
            let seeded = try await [first, second]

            // then: one of them added the defaults, once
            #expect(seeded.filter { $0 }.count == 1)
            let templates = try await store.replyTemplates()
            #expect(templates.count == Seeder.replyTemplates.count)
            #expect(templates.allSatisfy { ReplyTemplates.unknownPlaceholders(in: $0.body + $0.bodyEn).isEmpty })

            // when: an admin deletes them all and the desk restarts
            for template in templates { try await store.deleteReplyTemplate(id: template.id) }
            // then: they do not come back
            #expect(try await Seeder.seedReplyTemplates(store, now: Date()) == false)
            #expect(try await store.replyTemplates().isEmpty)
            await #expect(throws: StoreError.self) { try await store.deleteReplyTemplate(id: templates[0].id) }
        }
    }
}
