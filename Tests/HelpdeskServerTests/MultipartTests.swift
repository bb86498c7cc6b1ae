import Foundation
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
        body += Array("\r\n--XyZ\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"\"\r\n\r\n\r\n".utf8)
        body += Array("--XyZ--\r\n".utf8)
        let form = try Multipart.parse(body, boundary: boundary)
        #expect(form["title"] == "打印机坏了")
        #expect(form.files.count == 1)
        #expect(form.files[0].filename == "截图.png" && form.files[0].contentType == "image/png")
        #expect(Array(form.files[0].data) == [0x89, 0x50, 0x4E, 0x47, 13, 10, 0, 255])
    }

    @Test("the boundary comes from the content type; broken bodies are errors")
    func errors() {
        #expect(Multipart.boundary(contentType: "multipart/form-data; boundary=\"abc\"") == "abc")
        #expect(Multipart.boundary(contentType: "application/x-www-form-urlencoded") == nil)
        #expect(throws: Multipart.ParseError.missingBoundary) { try Multipart.parse(Array("nothing".utf8), boundary: "b") }
        #expect(throws: Multipart.ParseError.malformed) {
            try Multipart.parse(Array("--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nno end".utf8), boundary: "b")
        }
    }

    @Test("url-encoded forms decode plus signs and percent escapes")
    func urlEncoded() {
        let form = FormData.urlEncoded("title=%E6%89%93%E5%8D%B0+%E6%9C%BA&groupIds=1&groupIds=3&empty=")
        #expect(form["title"] == "打印 机" && form.all("groupIds") == ["1", "3"] && form["empty"] == "")
        #expect(form.text("empty") == nil)
    }
}
