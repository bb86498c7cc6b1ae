import Foundation
import Testing

@testable import HelpdeskCore

/// One input and what it must look like once redacted.
struct SensitiveRedactionCase: Sendable, CustomTestStringConvertible {
    let input: String
    let expected: String
    let kinds: [SensitiveDataKind]

    init(_ input: String, _ expected: String, _ kinds: [SensitiveDataKind]) {
        self.input = input
        self.expected = expected
        self.kinds = kinds
    }

    var testDescription: String { input.replacingOccurrences(of: "\n", with: "⏎") }
}

/// Fixtures. Resident IDs and card numbers were computed for these tests and checked:
/// GB 11643 check characters (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, "10X98765432"),
/// Luhn check digits.
enum SensitiveDataFixtures {
    static let validResidentIDs = [
        "110101199003074514", "11010519491231002X", "44030419900307123X", "310115198511205673",
        "510107200002298768", "320582198808080019", "330106197701010001", "441900200109150888",
    ]
    static let validCards = [
        "4111111111111111", "5555555555554444", "6222021234567894", "6228480012345678903", "378282246310005",
        "6011000099013942", "3530111333300000", "30569309025904", "4000000000006",
    ]
    static let jwt =
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"

    static let credentials: [SensitiveRedactionCase] = [
        // Chinese labels
        .init("密码：abc123", "密码：[已隐藏]", [.credential]),
        .init("密码:abc123", "密码:[已隐藏]", [.credential]),
        .init("我的密码是 Abc@1234，谢谢", "我的密码是 [已隐藏]，谢谢", [.credential]),
        .init("初始密码为123456", "初始密码为[已隐藏]", [.credential]),
        .init("新密码：Xy9#kLm2；旧密码：Qw3$rTy6", "新密码：[已隐藏]；旧密码：[已隐藏]", [.credential]),
        .init("登录密码=P@ssw0rd", "登录密码=[已隐藏]", [.credential]),
        .init("口令：Zx8!vB2n 已发给你", "口令：[已隐藏] 已发给你", [.credential]),
        .init("密钥：sk-live-9f8e7d6c5b4a、请保管", "密钥：[已隐藏]、请保管", [.credential]),
        .init("密码已重置为 Welcome2026!", "密码已重置为 [已隐藏]", [.credential]),
        .init("初始密码统一设为 Hd@2026，请尽快修改", "初始密码统一设为 [已隐藏]，请尽快修改", [.credential]),
        .init("密码改成了abc789。", "密码改成了[已隐藏]。", [.credential]),
        .init("账号 zhangsan，密码：“Abc 123”", "账号 zhangsan，密码：“[已隐藏]”", [.credential]),
        .init("【密码】：Pa55word", "【密码】：[已隐藏]", [.credential]),
        .init("密码是abc", "密码是[已隐藏]", [.credential]),
        .init("私钥：5Kb8kLf9zgWQnogidDA76MzPL6TsZZY36hWXMssSzNydYXYB9KF", "私钥：[已隐藏]", [.credential]),
        .init("令牌：ghp_16C7e42F292c6912E7710c838347Ae178B4a", "令牌：[已隐藏]", [.credential]),
        .init("wifi password是 12345678", "wifi password是 [已隐藏]", [.credential]),
        // English labels
        .init("password=hunter2", "password=[已隐藏]", [.credential]),
        .init("Password: Tr0ub4dor&3", "Password: [已隐藏]", [.credential]),
        .init("my password is Abc@1234", "my password is [已隐藏]", [.credential]),
        .init("Your password has been reset to Welcome2026!", "Your password has been reset to [已隐藏]", [.credential]),
        .init(
            #"{"username":"alice","password":"s3cr3t!"}"#, #"{"username":"alice","password":"[已隐藏]"}"#,
            [.credential]),
        .init("DB_PASSWORD=Sup3rS3cret", "DB_PASSWORD=[已隐藏]", [.credential]),
        .init("passwd: qwerty123", "passwd: [已隐藏]", [.credential]),
        .init("PWD=abc123", "PWD=[已隐藏]", [.credential]),
        .init("pass=letmein99", "pass=[已隐藏]", [.credential]),
        .init("userPassword: Qwe!2345", "userPassword: [已隐藏]", [.credential]),
        .init(
            "client_secret=8f14e45fceea167a5a36dedd4bea2543, scope=read", "client_secret=[已隐藏], scope=read",
            [.credential]),
        .init("api_key: AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY", "api_key: [已隐藏]", [.credential]),
        .init("x-api-key: 3f9a1c2b7d4e", "x-api-key: [已隐藏]", [.credential]),
        .init("apiKey = 'abcd1234efgh'", "apiKey = '[已隐藏]'", [.credential]),
        .init("access_token=ya29.a0AfH6SMBx3", "access_token=[已隐藏]", [.credential]),
        .init(
            "https://api.example.com/v1/me?access_token=abc123def456&format=json",
            "https://api.example.com/v1/me?access_token=[已隐藏]&format=json", [.credential]),
        .init("token 9f8e7d6c5b4a3f2e1d0c", "token [已隐藏]", [.credential]),
        .init("secret: 'my secret value'", "secret: '[已隐藏]'", [.credential]),
        .init("private_key=MIIEvQIBADANBgkq", "private_key=[已隐藏]", [.credential]),
        .init(
            "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws_secret_access_key = [已隐藏]",
            [.credential]),
        // Authorization headers, bearer tokens, JWTs
        .init("Authorization: Bearer \(jwt)", "Authorization: Bearer [已隐藏]", [.credential]),
        .init(
            "curl -H 'Authorization: Basic dXNlcjpwYXNz' https://x.example.com",
            "curl -H 'Authorization: Basic [已隐藏]' https://x.example.com", [.credential]),
        .init("Bearer abcdef0123456789ABCDEF", "Bearer [已隐藏]", [.credential]),
        .init("会话凭证 \(jwt) 请查收", "会话凭证 [已隐藏] 请查收", [.credential]),
        // AWS access key IDs
        .init("aws_access_key_id = AKIAIOSFODNN7EXAMPLE", "aws_access_key_id = [已隐藏]", [.credential]),
        .init("临时凭证 ASIAY34FZKBOKMUTVV7A 已过期", "临时凭证 [已隐藏] 已过期", [.credential]),
        // URL credentials
        .init(
            "连接串 postgres://app:S3cretPw@db.internal:5432/helpdesk",
            "连接串 postgres://app:[已隐藏]@db.internal:5432/helpdesk", [.credential]),
        // PEM private keys
        .init(
            "见附件：\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7\nabc+/def==\n-----END RSA PRIVATE KEY-----\n谢谢",
            "见附件：\n[已隐藏]\n谢谢", [.credential]),
        .init(
            "key:\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAA\nAAAABG5vbmU=", "key:\n[已隐藏]",
            [.credential]),
    ]

    static let personalNumbers: [SensitiveRedactionCase] = [
        // Resident identity numbers
        .init("身份证号110101199003074514", "身份证号[已隐藏]", [.residentID]),
        .init("身份证：11010519491231002X，请核实", "身份证：[已隐藏]，请核实", [.residentID]),
        .init("ID 44030419900307123x.", "ID [已隐藏].", [.residentID]),
        .init("310115198511205673", "[已隐藏]", [.residentID]),
        .init("生日在闰日 510107200002298768 的用户", "生日在闰日 [已隐藏] 的用户", [.residentID]),
        // Mobile numbers
        .init("手机13812345678", "手机[已隐藏]", [.mobileNumber]),
        .init("联系电话：138 1234 5678", "联系电话：[已隐藏]", [.mobileNumber]),
        .init("call 138-1234-5678 please", "call [已隐藏] please", [.mobileNumber]),
        .init("+86 13912345678", "[已隐藏]", [.mobileNumber]),
        .init("+86-139-1234-5678", "[已隐藏]", [.mobileNumber]),
        .init("0086 15012345678", "[已隐藏]", [.mobileNumber]),
        .init("8618612345678", "[已隐藏]", [.mobileNumber]),
        .init("(+86)17712345678", "(+86)[已隐藏]", [.mobileNumber]),
        .init("电话13812345678，备用19987654321", "电话[已隐藏]，备用[已隐藏]", [.mobileNumber]),
        // Card numbers
        .init("卡号 4111 1111 1111 1111", "卡号 [已隐藏]", [.cardNumber]),
        .init("card 5555-5555-5555-4444 exp 12/28", "card [已隐藏] exp 12/28", [.cardNumber]),
        .init("银行卡6222021234567894", "银行卡[已隐藏]", [.cardNumber]),
        .init("借记卡 6228480012345678903。", "借记卡 [已隐藏]。", [.cardNumber]),
        .init("Amex 3782 822463 10005", "Amex [已隐藏]", [.cardNumber]),
        .init("JCB 3530111333300000 / Diners 30569309025904", "JCB [已隐藏] / Diners [已隐藏]", [.cardNumber]),
        .init("Visa 4000000000006", "Visa [已隐藏]", [.cardNumber]),
        // Several kinds at once, reported in `allCases` order
        .init(
            "手机13812345678，身份证110101199003074514，密码：abc123",
            "手机[已隐藏]，身份证[已隐藏]，密码：[已隐藏]", [.credential, .residentID, .mobileNumber]),
        .init("卡 4111111111111111 手机 13812345678", "卡 [已隐藏] 手机 [已隐藏]", [.mobileNumber, .cardNumber]),
        // Overlaps: the credential wins
        .init("密码：13812345678", "密码：[已隐藏]", [.credential]),
    ]

    static let positives = credentials + personalNumbers

    static let negatives: [String] = [
        // Chinese text about passwords, without a value
        "忘记密码了", "重置密码", "密码错误", "密码过期", "修改密码后无法登录", "密码：", "密码是什么？", "密码为空",
        "我的密码一直提示错误", "请问如何修改密码？", "密码已过期，请重置", "密码重置成功", "密码：******", "密码：[已隐藏]",
        "验证码：123456", "密码学课程报名", "新密码：请联系管理员获取",
        // English text about passwords and tokens, without a value
        "password reset", "token expired", "Password reset link sent", "The password is incorrect",
        "Your token has expired", "Please enter your password:", "token: expired", "password: ******",
        "Password Policy: 8 characters", "the API key was rotated", "pass the ball", "bypass=1",
        "Bearer token required", "Authorization header missing", "secret santa 活动报名",
        "https://example.com/help/reset-password?lang=zh", "https://example.com/docs/token/refresh",
        "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0B\n-----END PUBLIC KEY-----",
        "-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIE\n-----END CERTIFICATE-----",
        "ASIA region", "AKIAIOSFODNN7EXAMPL",
        // Ticket numbers, dates, times, addresses, versions
        "HD-20261202-0001", "INC000123", "HD-2026-000123", "工单 HD-13812345678", "2026-12-02", "2026年12月2日",
        "20261202", "14:30:00", "2026-12-02T14:30:00+08:00", "192.168.1.10", "10.0.0.1", "v1.13.2",
        "5.15.0-91-generic",
        // Numbers that are none of the kinds
        "订单号 202612021530001234", "订单 20261202138123456789", "分机 8021", "010-62345678", "12345",
        "1234567890", "1381234567", "IMEI 356938035643809", "secret: N/A", "password=xxxx", "12812345678",
        "13812345678901", "timestamp 1733112000000",
        "550e8400-e29b-41d4-a716-446655440000",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        // Check-character-valid resident IDs with an impossible birth date or region
        "110101199013074518", "110101199002304517", "110101189903074510", "990101199003074518",
    ]

    /// Valid numbers with a wrong check character or check digit.
    static let wrongResidentIDs = [
        "110101199003074510", "110105194912310020", "310115198511205670", "510107200002298760",
        "320582198808080010", "440304199003071232",
    ]
    static let luhnInvalidCards = [
        "4111111111111112", "5555555555554445", "6222021234567895", "378282246310006", "6228480012345678904",
        "4111 1111 1111 1112", "5555-5555-5555-4445",
    ]

    /// Inputs and the secret in each that must never survive redaction.
    static let secrets: [(String, String)] = [
        ("密码：abc123", "abc123"), ("password=hunter2", "hunter2"), ("我的密码是 Abc@1234，谢谢", "Abc@1234"),
        ("Authorization: Bearer \(jwt)", jwt), ("Authorization: Basic dXNlcjpwYXNz", "dXNlcjpwYXNz"),
        ("AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE"),
        ("aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        ("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----", "MIIEvQIBADAN"),
        ("身份证 110101199003074514", "110101199003074514"), ("手机 138 1234 5678", "1234 5678"),
        ("+86 13812345678", "13812345678"), ("卡号 6222 0212 3456 7894", "3456 7894"),
        ("postgres://app:S3cretPw@db", "S3cretPw"),
    ]
}

@Suite("R9.4 Sensitive data detection and redaction")
struct SensitiveDataDetectorTests {
    @Test("R9.4 credentials are redacted, the label kept", arguments: SensitiveDataFixtures.credentials)
    func credentials(_ example: SensitiveRedactionCase) {
        let redaction = SensitiveDataDetector.redact(example.input)
        #expect(redaction.text == example.expected)
        #expect(redaction.kinds == example.kinds)
        #expect(redaction.redacted)
    }

    @Test(
        "R9.4 resident IDs, mobile and card numbers are redacted",
        arguments: SensitiveDataFixtures.personalNumbers)
    func personalNumbers(_ example: SensitiveRedactionCase) {
        let redaction = SensitiveDataDetector.redact(example.input)
        #expect(redaction.text == example.expected)
        #expect(redaction.kinds == example.kinds)
        #expect(redaction.redacted)
    }

    @Test("R9.4 text without sensitive data comes back unchanged", arguments: SensitiveDataFixtures.negatives)
    func unchanged(_ input: String) {
        let redaction = SensitiveDataDetector.redact(input)
        #expect(redaction.text == input)
        #expect(redaction.kinds.isEmpty)
        #expect(!redaction.redacted)
        #expect(SensitiveDataDetector.matches(in: input).isEmpty)
    }

    @Test("R9.4 checksum-valid resident IDs are found", arguments: SensitiveDataFixtures.validResidentIDs)
    func validResidentID(_ id: String) {
        #expect(SensitiveDataDetector.redact("证件 \(id) 。").kinds == [.residentID])
    }

    @Test(
        "R9.4 resident IDs with a wrong check character are not flagged",
        arguments: SensitiveDataFixtures.wrongResidentIDs)
    func wrongResidentID(_ id: String) {
        let redaction = SensitiveDataDetector.redact("身份证号 \(id)")
        #expect(!redaction.kinds.contains(.residentID))
        #expect(redaction.text.contains(id))
    }

    @Test("R9.4 Luhn-valid card numbers are found", arguments: SensitiveDataFixtures.validCards)
    func validCard(_ card: String) {
        #expect(SensitiveDataDetector.redact("card \(card)") == Redaction(text: "card [已隐藏]", kinds: [.cardNumber]))
    }

    @Test("R9.4 Luhn-invalid card numbers are not flagged", arguments: SensitiveDataFixtures.luhnInvalidCards)
    func luhnInvalidCard(_ card: String) {
        let redaction = SensitiveDataDetector.redact("卡号 \(card)")
        #expect(redaction.text == "卡号 \(card)")
        #expect(redaction.kinds.isEmpty)
    }

    @Test("R9.4 the redacted text never contains the original secret", arguments: SensitiveDataFixtures.secrets)
    func secretNeverSurvives(input: String, secret: String) {
        let redaction = SensitiveDataDetector.redact(input)
        #expect(redaction.redacted)
        #expect(!redaction.text.contains(secret))
    }

    @Test("R9.4 matches cover only the values, in ascending order without overlaps")
    func matchRanges() {
        let text = "手机 13812345678，密码：abc123，卡 4111 1111 1111 1111，身份证 11010519491231002X"
        let found = SensitiveDataDetector.matches(in: text)
        #expect(found.map(\.kind) == [.mobileNumber, .credential, .cardNumber, .residentID])
        #expect(
            found.map { String(text[$0.range]) } == [
                "13812345678", "abc123", "4111 1111 1111 1111", "11010519491231002X",
            ])
        for (earlier, later) in zip(found, found.dropFirst()) {
            #expect(earlier.range.upperBound <= later.range.lowerBound)
        }
    }

    @Test("R9.4 a custom placeholder replaces each value")
    func customPlaceholder() {
        let redaction = SensitiveDataDetector.redact("password=hunter2 手机13812345678", placeholder: "***")
        #expect(redaction == Redaction(text: "password=*** 手机***", kinds: [.credential, .mobileNumber]))
    }

    @Test("R9.4 redacting a redacted text changes nothing more", arguments: SensitiveDataFixtures.positives)
    func idempotent(_ example: SensitiveRedactionCase) {
        let once = SensitiveDataDetector.redact(example.input)
        let twice = SensitiveDataDetector.redact(once.text)
        #expect(twice.text == once.text)
        #expect(twice.kinds.isEmpty)
    }

    @Test("R9.4 a long work log is scanned whole")
    func longText() {
        let filler = String(repeating: "处理记录：已联系用户，重启服务 v1.13.2，工单 HD-20261202-0001。\n", count: 800)
        let text = "密码：abc123\n" + filler + "token=9f8e7d6c5b4a3f2e1d0c\n" + filler + "手机13812345678"
        let redaction = SensitiveDataDetector.redact(text)
        #expect(text.utf8.count > 40_000)
        #expect(redaction.kinds == [.credential, .mobileNumber])
        #expect(redaction.text == "密码：[已隐藏]\n" + filler + "token=[已隐藏]\n" + filler + "手机[已隐藏]")
    }

    @Test("R9.4 an empty text is not redacted")
    func emptyText() {
        #expect(SensitiveDataDetector.redact("") == Redaction(text: "", kinds: []))
        #expect(SensitiveDataDetector.matches(in: "").isEmpty)
    }
}
