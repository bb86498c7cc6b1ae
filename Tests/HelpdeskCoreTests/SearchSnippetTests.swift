import Testing

@testable import HelpdeskCore

@Suite("Search snippets (R6.2, R9.2)")
struct SearchSnippetTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let texts: [String]
        let query: String
        let text: String
        let marked: [String]
        var testDescription: String { "\(query) → \(text)" }
    }

    @Test(
        "the first text with a match, around it, with the matches marked and personal data hidden",
        arguments: [
            Case(texts: ["TS1", "打印机卡纸", "三楼的打印机又卡纸了"], query: "卡纸", text: "打印机卡纸", marked: ["卡纸"]),
            Case(
                texts: ["TS1", "无法办公", "三楼的打印机又卡纸了，换纸也卡纸"], query: "卡纸", text: "三楼的打印机又卡纸了，换纸也卡纸",
                marked: ["卡纸", "卡纸"]),
            Case(texts: ["TS1", "ＣＲＭ系统无法登录"], query: "crm系统", text: "ＣＲＭ系统无法登录", marked: ["ＣＲＭ系统"]),
            Case(
                texts: ["TS1", "网络问题", "zhangsan@corp.com 反馈 VPN 断开"], query: "vpn 断开",
                text: "z*@corp.com 反馈 VPN 断开", marked: ["VPN", "断开"]),
            Case(
                texts: ["TS1", "报修", "请拨13812345678找我，打印机坏了"], query: "打印机", text: "请拨***找我，打印机坏了",
                marked: ["打印机"]),
            Case(texts: ["TS1", "标题", "第一行\n\n  第二行 数据库"], query: "数据库", text: "第一行 第二行 数据库", marked: ["数据库"]),
            Case(texts: ["TS1", "标题", "描述里没有"], query: "TS1", text: "描述里没有", marked: []),
            Case(
                texts: [
                    "TS1", "标题", String(repeating: "甲", count: 60) + "数据库连接错误" + String(repeating: "乙", count: 200),
                ],
                query: "数据库",
                text: "…" + String(repeating: "甲", count: 24) + "数据库连接错误" + String(repeating: "乙", count: 69) + "…",
                marked: ["数据库"]),
        ])
    func snippet(_ example: Case) throws {
        let query = try #require(SearchQuery(example.query))
        let snippet = SearchSnippet.make(texts: example.texts, query: query)
        #expect(snippet.text == example.text)
        let characters = Array(snippet.text)
        #expect(snippet.highlights.map { String(characters[$0]) } == example.marked)
    }
}
