import Testing

@testable import HelpdeskCore

@Suite("E-mail addresses")
struct EmailAddressTests {
    @Test(
        "addresses people use are accepted",
        arguments: [
            "zhangsan@corp.com", "li.si+helpdesk@example.cn", "o'brien@example.ie", "a@b.co", "x_y-z@sub.corp.com.cn",
            "用户@例子.中国", "support@xn--fiqs8s.cn", "ops-team@mail.1corp.net", "UPPER@EXAMPLE.COM",
        ])
    func valid(address: String) {
        #expect(EmailAddress.isValid(address))
    }

    @Test(
        "anything that is not one address, or could break a header or an SMTP command, is refused",
        arguments: [
            "", "plain", "@corp.com", "zhangsan@", "zhangsan@corp", "zs@corp..com", "zs@.corp.com", "zs@corp.com.",
            ".zs@corp.com", "zs.@corp.com", "z..s@corp.com", "zs @corp.com", "zs@corp .com",
            "zs@corp.com\r\nRCPT TO:<x@evil.com>",
            "zs@corp.com\nBcc: x@evil.com", "<zs@corp.com>", "a@b@corp.com", "zs@corp.com,other@corp.com",
            "zs;rm@corp.com", "zs@-corp.com", "zs@corp-.com", "zs@cor_p.com", "\"zs\"@corp.com", "zs\u{0}@corp.com",
            String(repeating: "a", count: 65) + "@corp.com", "a@" + String(repeating: "b", count: 64) + ".com",
        ])
    func invalid(address: String) {
        #expect(!EmailAddress.isValid(address))
    }
}
