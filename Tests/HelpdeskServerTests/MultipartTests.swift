import Foundation
import HelpdeskTestSupport
import HummingbirdTesting
import NIOCore
import Testing

@testable import HelpdeskServer

@Suite("multipart/form-data parsing")
struct MultipartTests {
    @Test("fields and files, UTF-8 names, binary content, empty file inputs skipped")
    func parse() throws {
        let boundary = "XyZ"
        var body = Array("preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n打印机坏了\r\n".utf8)
        body += Array(
            "--XyZ\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"截图.png\"\r\nContent-Type: image/png\r\n\r\n"
                .utf8)
        body += [0x89, 0x50, 0x4E, 0x47, 13, 10, 0, 255]
        body += Array(
            "\r\n--XyZ\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"\"\r\n\r\n\r\n".utf8)
        body += Array("--XyZ--\r\n".utf8)
        let form = try Multipart.parse(body, boundary: boundary)
        #expect(form["title"] == "打印机坏了")
        #expect(form.files.count == 1)
        #expect(form.files[0].filename == "截图.png" && form.files[0].contentType == "image/png")
        #expect(Array(form.files[0].data) == [0x89, 0x50, 0x4E, 0x47, 13, 10, 0, 255])
    }

    @Test("repeated fields keep their order; Chinese file names and field names arrive intact")
    func repeatedAndChinese() throws {
        let body = Self.body(
            "--b",
            "Content-Disposition: form-data; name=\"groupIds\"", "", "1",
            "--b",
            "Content-Disposition: form-data; name=\"groupIds\"", "", "3",
            "--b",
            "Content-Disposition: form-data; name=\"描述\"", "", "无法登录 VPN，提示“证书过期”",
            "--b",
            "Content-Disposition: form-data; name=\"attachments\"; filename=\"错误日志 2026-11-20.txt\"",
            "Content-Type: text/plain; charset=utf-8", "", "第一行\r\n第二行",
            "--b",
            "Content-Disposition: form-data; name=\"attachments\"; filename=\"报告.pdf\"", "", "%PDF",
            "--b--", "")
        let form = try Multipart.parse(body, boundary: "b")
        #expect(form.all("groupIds") == ["1", "3"])
        #expect(form["描述"] == "无法登录 VPN，提示“证书过期”")
        #expect(form.files.map(\.filename) == ["错误日志 2026-11-20.txt", "报告.pdf"])
        #expect(form.files.map(\.field) == ["attachments", "attachments"])
        #expect(form.files[0].contentType == "text/plain; charset=utf-8")
        #expect(String(decoding: form.files[0].data, as: UTF8.self) == "第一行\r\n第二行")
        // No Content-Type on a file part: the RFC 7578 default.
        #expect(form.files[1].contentType == "application/octet-stream")
    }

    @Test("the boundary comes from the content type")
    func boundary() {
        #expect(Multipart.boundary(contentType: "multipart/form-data; boundary=\"abc\"") == "abc")
        #expect(Multipart.boundary(contentType: "multipart/form-data; charset=utf-8; boundary=----x1") == "----x1")
        #expect(Multipart.boundary(contentType: "application/x-www-form-urlencoded") == nil)
        #expect(Multipart.boundary(contentType: "multipart/form-data; boundary=") == nil)
    }

    @Test(
        "a body with no delimiter, cut short or without its closing delimiter is an error",
        arguments: [
            ("nothing", Multipart.ParseError.missingBoundary),
            ("--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nno end", .malformed),
            ("--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nvalue\r\n--b", .malformed),
            ("--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nvalue\r\n--b\r\n", .malformed),
            ("--b\r\nContent-Disposition: form-data; name=\"x\"\r\nContent-Ty", .malformed),
            ("--b\r\nnot a header\r\n\r\nvalue\r\n--b--", .malformed),
            ("--b\r\nContent-Type: text/plain\r\n\r\nno name\r\n--b--", .malformed),
        ])
    func errors(body: String, error: Multipart.ParseError) {
        #expect(throws: error) { try Multipart.parse(Array(body.utf8), boundary: "b") }
    }

    @Test("a form posted without its closing delimiter is refused with 400 and the invalid_form message")
    func truncatedFormIsRefused() async throws {
        try await APIHarness.run(.sqlite) { api in
            // given
            let body = Self.body(
                "--b", "Content-Disposition: form-data; name=\"username\"", "", "admin",
                "--b", "Content-Disposition: form-data; name=\"password\"", "", TestStores.adminPassword)
            // when
            let response = try await api.client.execute(
                uri: "/login", method: .post, headers: [.contentType: "multipart/form-data; boundary=b"],
                body: ByteBuffer(bytes: body)
            ) { WebResponse(status: $0.status, html: String(buffer: $0.body), headers: $0.headers) }
            // then
            #expect(response.status == .badRequest)
            #expect(response.html.contains("表单内容无效"))
            #expect(response.headers[.setCookie] == nil)
        }
    }

    /// Lines joined with CRLF, as browsers send them.
    static func body(_ lines: String...) -> [UInt8] {
        Array(lines.joined(separator: "\r\n").utf8)
    }

    @Test("url-encoded forms decode plus signs and percent escapes")
    func urlEncoded() {
        let form = FormData.urlEncoded("title=%E6%89%93%E5%8D%B0+%E6%9C%BA&groupIds=1&groupIds=3&empty=")
        #expect(form["title"] == "打印 机" && form.all("groupIds") == ["1", "3"] && form["empty"] == "")
        #expect(form.text("empty") == nil)
    }
}
