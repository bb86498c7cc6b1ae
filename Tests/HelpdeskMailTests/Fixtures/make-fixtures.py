#!/usr/bin/env python3
"""Writes the fixture mails (bytes exactly as mailers send them). Run from this folder:
python3 make-fixtures.py. The expectations live in MailFixtureTests.swift."""
import base64, quopri, hashlib

CRLF = b"\r\n"


def b64(data, width=76):
    text = base64.b64encode(data)
    return CRLF.join(text[i:i + width] for i in range(0, len(text), width))


def word(text, charset, codec=None):
    return b"=?" + charset.encode() + b"?B?" + base64.b64encode(text.encode(codec or charset)) + b"?="


def write(name, lines, eol=CRLF):
    data = eol.join(line if isinstance(line, bytes) else line.encode() for line in lines)
    open(name, "wb").write(data)


ATTACHMENT = bytes(range(256)) * 3 + b"\r\n\x00end"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")

# 1. GB2312-labelled subject holding an en-dash (GBK-only A8 43): Zammad #6054.
write("01-gb2312-endash.eml", [
    "From: =?gb2312?B?" + base64.b64encode("张三".encode("gb18030")).decode() + "?= <zhangsan@corp.example.cn>",
    "To: support@desk.example.cn",
    b"Subject: " + word("打印机故障–三楼", "gb2312", "gb18030"),
    "Date: Thu, 3 Dec 2026 09:05:01 +0800",
    "Message-ID: <20261203090501.1234@corp.example.cn>",
    "MIME-Version: 1.0",
    'Content-Type: text/plain; charset="gb2312"',
    "Content-Transfer-Encoding: base64",
    "",
    b64("三楼打印机卡纸–请尽快处理。\r\n谢谢！\r\n".encode("gb18030")),
    ""])

# 2. Big5 with an HKSCS character (9D B7 = U+23CB7), subject and quoted-printable body.
write("02-big5-hkscs.eml", [
    "From: =?big5?B?" + base64.b64encode("陳大文".encode("big5hkscs")).decode() + "?= <chan@hk.example.com>",
    "To: support@desk.example.cn",
    b"Subject: " + word("香港分行𣲷系統無法登入", "big5", "big5hkscs"),
    "Date: Thu, 3 Dec 2026 10:00:00 +0800",
    "Message-ID: <big5-1@hk.example.com>",
    "Content-Type: text/plain; charset=big5",
    "Content-Transfer-Encoding: quoted-printable",
    "",
    quopri.encodestring("分行同事𣲷無法登入內聯網。\r\n".encode("big5hkscs")),
    ""])

# 3. One UTF-8 subject split across two encoded words inside a character (GLPI #8495), and a
#    Q-encoded display name split the same way.
subject = "服务器宕机，请紧急处理".encode("utf-8")
cut = 4  # inside 务 (3 bytes each)
name = "王五".encode("utf-8")
write("03-split-encoded-word.eml", [
    "From: =?utf-8?Q?" + "".join("=%02X" % b for b in name[:2]) + "?= =?utf-8?Q?"
    + "".join("=%02X" % b for b in name[2:]) + "?= <wangwu@corp.example.cn>",
    "To: support@desk.example.cn",
    b"Subject: =?UTF-8?B?" + base64.b64encode(subject[:cut]) + b"?=",
    b" =?UTF-8?B?" + base64.b64encode(subject[cut:]) + b"?=",
    "Message-ID: <split-1@corp.example.cn>",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: 8bit",
    "",
    "数据库服务器 db-01 今早宕机。".encode("utf-8"),
    ""])

# 4. RFC 2231 filename* with continuations and charset; a second name in GB18030 percent-encoded.
fn = "报销单（十二月）.xlsx".encode("utf-8")
pct = "".join("%%%02X" % b for b in fn)
gbname = "网络拓扑图.pdf".encode("gb18030")
gbpct = "".join("%%%02X" % b for b in gbname)
write("04-rfc2231-continuations.eml", [
    "From: lisi@corp.example.cn",
    "To: support@desk.example.cn",
    "Subject: =?utf-8?B?" + base64.b64encode("报销系统附件".encode()).decode() + "?=",
    "Message-ID: <rfc2231-1@corp.example.cn>",
    'Content-Type: multipart/mixed; boundary="----=_Part_0_1"',
    "",
    "This is a multi-part message in MIME format.",
    "",
    "------=_Part_0_1",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: base64",
    "",
    b64("附件是十二月的报销单。".encode()),
    "------=_Part_0_1",
    "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "Content-Transfer-Encoding: base64",
    "Content-Disposition: attachment;",
    " filename*0*=UTF-8''" + pct[:30] + ";",
    " filename*1*=" + pct[30:60] + ";",
    " filename*2*=" + pct[60:],
    "",
    b64(ATTACHMENT),
    "------=_Part_0_1",
    "Content-Type: application/pdf",
    "Content-Transfer-Encoding: base64",
    "Content-Disposition: attachment; filename*=gb2312'zh-cn'" + gbpct,
    "",
    b64(PNG),
    "------=_Part_0_1--",
    ""])

# 5. Outlook: mixed > related > alternative (GB2312 quoted-printable plain + HTML) + inline image
#    by cid, and an attachment whose quoted name is an RFC 2047 word (against the RFC, common).
write("05-outlook-related.eml", [
    "From: \"Zhao Liu\" <zhaoliu@corp.example.cn>",
    "To: \"IT Support\" <support@desk.example.cn>, ops@corp.example.cn",
    "Cc: =?gb2312?B?" + base64.b64encode("主管".encode("gb18030")).decode() + "?= <boss@corp.example.cn>",
    "Subject: =?gb2312?B?" + base64.b64encode("邮件客户端报错截图".encode("gb18030")).decode() + "?=",
    "Thread-Topic: =?gb2312?B?" + base64.b64encode("邮件客户端报错截图".encode("gb18030")).decode() + "?=",
    "Date: Wed, 2 Dec 2026 17:30:12 +0000",
    "Message-ID: <SG2PR06MB1234ABCD@SG2PR06MB1234.apcprd06.prod.outlook.com>",
    "Content-Language: zh-CN",
    "X-MS-Has-Attach: yes",
    "Content-Type: multipart/mixed;",
    '\tboundary="_004_SG2PR06MB_"',
    "MIME-Version: 1.0",
    "",
    "--_004_SG2PR06MB_",
    "Content-Type: multipart/related;",
    '\tboundary="_003_SG2PR06MB_";',
    '\ttype="multipart/alternative"',
    "",
    "--_003_SG2PR06MB_",
    "Content-Type: multipart/alternative;",
    '\tboundary="_000_SG2PR06MB_"',
    "",
    "--_000_SG2PR06MB_",
    'Content-Type: text/plain; charset="gb2312"',
    "Content-Transfer-Encoding: quoted-printable",
    "",
    quopri.encodestring("打开 Outlook 时报错，截图如下：\r\n\r\n[cid:image001.png@01DB4C]\r\n\r\n赵六\r\n".encode("gb18030")),
    "",
    "--_000_SG2PR06MB_",
    'Content-Type: text/html; charset="gb2312"',
    "Content-Transfer-Encoding: quoted-printable",
    "",
    quopri.encodestring('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>打开 Outlook 时报错，截图如下：</p><img src="cid:image001.png@01DB4C"><p>赵六</p></body></html>'.encode("gb18030")),
    "",
    "--_000_SG2PR06MB_--",
    "",
    "--_003_SG2PR06MB_",
    'Content-Type: image/png; name="image001.png"',
    "Content-Description: image001.png",
    'Content-Disposition: inline; filename="image001.png"; size=68;',
    "Content-ID: <image001.png@01DB4C>",
    "Content-Transfer-Encoding: base64",
    "",
    b64(PNG),
    "",
    "--_003_SG2PR06MB_--",
    "",
    "--_004_SG2PR06MB_",
    'Content-Type: application/octet-stream; name="=?gb2312?B?' + base64.b64encode("错误日志.log".encode("gb18030")).decode() + '?="',
    'Content-Disposition: attachment; filename="=?gb2312?B?' + base64.b64encode("错误日志.log".encode("gb18030")).decode() + '?="',
    "Content-Transfer-Encoding: base64",
    "",
    b64(ATTACHMENT),
    "",
    "--_004_SG2PR06MB_--",
    ""])

# 6. Raw 8-bit headers: a UTF-8 subject and display name without encoded words.
write("06-raw-8bit-utf8.eml", [
    "From: 孙七 <sunqi@corp.example.cn>".encode(),
    "To: support@desk.example.cn",
    "Subject: VPN 连接不上".encode(),
    "Message-ID: <raw8-1@corp.example.cn>",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "在家连 VPN 一直超时。".encode(),
    ""])

# 7. Raw GBK header bytes, the body labelled gbk (the header follows the body's charset).
write("07-raw-8bit-gbk.eml", [
    b"From: " + "周八".encode("gbk") + b" <zhouba@corp.example.cn>",
    "To: support@desk.example.cn",
    b"Subject: " + "邮箱容量满了".encode("gbk"),
    "Message-ID: <raw8-2@corp.example.cn>",
    "Content-Type: text/plain; charset=gbk",
    "Content-Transfer-Encoding: 8bit",
    "",
    "收件箱提示容量已满。".encode("gbk"),
    ""])

# 8. A reply: threading headers (References folded over lines), full-width colon prefix, tag.
write("08-reply-threading.eml", [
    "From: zhangsan@corp.example.cn",
    "To: support@desk.example.cn",
    "Subject: =?utf-8?B?" + base64.b64encode("回复：[#TS20261202001] 打印机故障".encode()).decode() + "?=",
    "Message-ID: <reply-2@corp.example.cn>",
    "In-Reply-To: <ticket-TS20261202001.1@desk.example.cn>",
    "References: <20261203090501.1234@corp.example.cn>",
    "\t<ticket-TS20261202001.1@desk.example.cn>",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "换了硒鼓以后好了。".encode(),
    ""])

# 9. HTML only, with a style block, entities and line breaks.
write("09-html-only.eml", [
    "From: it-notice@corp.example.cn",
    "To: support@desk.example.cn",
    "Subject: =?utf-8?Q?=E5=91=8A=E8=AD=A6=EF=BC=9A_=E7=A3=81=E7=9B=98?=",
    "Message-ID: <html-1@corp.example.cn>",
    "Content-Type: text/html; charset=utf-8",
    "Content-Transfer-Encoding: quoted-printable",
    "",
    quopri.encodestring("<html><head><style>p{color:red}</style></head><body><p>磁盘使用率&nbsp;95%</p><p>主机：a&amp;b<br>请处理</p><script>alert(1)</script></body></html>".encode()),
    ""])

# 10. Unlabelled 8-bit bodies: GBK and Big5, no charset anywhere (RT guesses Latin-1).
write("10-unlabelled-gbk.eml", [
    "From: wu@corp.example.cn",
    "To: support@desk.example.cn",
    "Subject: no charset",
    "Message-ID: <unlabelled-1@corp.example.cn>",
    "",
    "财务系统打不开，显示错误代码五零三。".encode("gbk"),
    ""])
write("11-unlabelled-big5.eml", [
    "From: lam@hk.example.com",
    "To: support@desk.example.cn",
    "Subject: no charset",
    "Message-ID: <unlabelled-2@hk.example.com>",
    "",
    "會計系統無法開啟，顯示錯誤代碼五零三。".encode("big5"),
    ""])

# 12. LF-only line ends (an MTA pipe), a preamble, no close delimiter, GB18030 four-byte char
#     in a body labelled gb2312.
write("12-lf-no-close-delimiter.eml", [
    "From: zheng@corp.example.cn",
    "To: support@desk.example.cn",
    "Subject: LF only",
    "Message-ID: <lf-1@corp.example.cn>",
    "Content-Type: multipart/mixed; boundary=XYZ",
    "",
    "preamble",
    "--XYZ",
    "Content-Type: text/plain; charset=gb2312",
    "",
    "罕见字：".encode("gb18030") + "\U00020000".encode("gb18030"),
    "--XYZ",
    "Content-Type: text/plain; name=notes.txt",
    "Content-Disposition: attachment",
    "",
    "line one",
    "line two",
    ""], eol=b"\n")

# 13. An auto-reply.
write("13-auto-reply.eml", [
    "From: zhangsan@corp.example.cn",
    "To: support@desk.example.cn",
    "Subject: =?utf-8?B?" + base64.b64encode("自动回复：休假中".encode()).decode() + "?=",
    "Auto-Submitted: auto-replied",
    "X-Auto-Response-Suppress: All",
    "Message-ID: <auto-1@corp.example.cn>",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "我 12 月 10 日前休假。".encode(),
    ""])

# 14. Poison: not a message at all.
open("14-poison-binary.eml", "wb").write(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))

# 15. Poison: headers but no sender.
write("15-poison-no-sender.eml", ["To: support@desk.example.cn", "Subject: who?", "", "body", ""])

print("attachment sha256", hashlib.sha256(ATTACHMENT).hexdigest(), len(ATTACHMENT))
print("png sha256", hashlib.sha256(PNG).hexdigest(), len(PNG))
