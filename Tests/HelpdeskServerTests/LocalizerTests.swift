import Testing

@testable import HelpdeskServer

@Suite("Localisation catalogue")
struct LocalizerTests {
    let localizer = Localizer(catalogues: [
        "zh-CN": ["greet": "你好，{name}！工单 {number}，{unknown} 保留", "only": "仅中文"],
        "en": ["greet": "Hello, {name}! Ticket {number}"],
    ])

    @Test("placeholders are filled in one pass; unknown ones stay; missing keys fall back to zh-CN, then the key")
    func text() {
        #expect(
            localizer.text("greet", locale: "zh-CN", ["name": "小明", "number": "TS1"]) == "你好，小明！工单 TS1，{unknown} 保留")
        #expect(
            localizer.text("greet", locale: "en", ["name": "{number}", "number": "TS1"])
                == "Hello, {number}! Ticket TS1")
        #expect(localizer.text("only", locale: "en") == "仅中文")
        #expect(localizer.text("missing.key", locale: "en") == "missing.key")
    }

    @Test(
        "Accept-Language negotiation",
        arguments: [
            (nil, nil, "zh-CN"), ("en", nil, "en"), (nil, "en-US,en;q=0.9", "en"), (nil, "zh-TW,en;q=0.5", "zh-CN"),
            (nil, "fr-FR, en;q=0.8", "en"), (nil, "fr-FR", "zh-CN"), ("zh", "en", "zh-CN"),
        ] as [(String?, String?, String)])
    func negotiate(explicit: String?, header: String?, expected: String) {
        #expect(Localizer.negotiate(explicit: explicit, acceptLanguage: header) == expected)
    }

    @Test("both bundled catalogues have the same keys")
    func bundledCataloguesAgree() throws {
        let bundled = try Localizer.bundled()
        #expect(bundled.keys("zh-CN") == bundled.keys("en"))
        #expect(bundled.keys("zh-CN").count >= 75)
        for key in [
            "error.illegal_transition", "ack.message", "status.waiting_on_requester", "action.escalate", "detail.steps",
        ] {
            #expect(bundled.text(key, locale: "zh-CN") != key)
            #expect(bundled.text(key, locale: "en") != bundled.text(key, locale: "zh-CN"))
        }
    }
}
