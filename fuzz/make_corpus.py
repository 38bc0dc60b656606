#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the seed corpus for fuzz_analyzer into fuzz/corpus/ (CRLF line ends, as spooled).

    python3 fuzz/make_corpus.py [DIR]

The files are kept in the repository; run this again only to change them."""
import base64
import os
import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")


def b64w(text, charset="utf-8"):
    return "=?%s?B?%s?=" % (charset, base64.b64encode(text.encode(charset)).decode())


def jis(text):
    return "=?ISO-2022-JP?B?%s?=" % base64.b64encode(text.encode("iso2022_jp")).decode()


def crlf(text):
    return text.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")


def b64body(data):
    s = base64.b64encode(data).decode()
    return "\n".join(s[i:i + 76] for i in range(0, len(s), 76))


HDR = "Date: Mon, 1 Jul 2024 10:00:00 +0900\nMessage-ID: <{id}@corpus.sendguard.test>\nMIME-Version: 1.0\n"
seeds = {}

seeds["01-plain.eml"] = crlf(
    "From: Sender <sender@example.co.jp>\nTo: taro@example.co.jp\nSubject: Lunch\n" + HDR.format(id=1) +
    "Content-Type: text/plain; charset=us-ascii\n\nHello,\n.\n..leading dots\nBye.\n")

zip_encrypted = b"PK\x03\x04\x14\x00\x01\x00\x08\x00" + b"\x00" * 40
seeds["02-multipart-attachments.eml"] = crlf(
    "From: sender@example.co.jp\nTo: alice@example.net, bob@partner.example.com\nCc: taro@example.co.jp\n"
    "Subject: Quarterly figures\n" + HDR.format(id=2) +
    "Content-Type: multipart/mixed; boundary=\"b1\"\n\nPreamble\n--b1\n"
    "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\nPlease find the files attached.\n"
    "--b1\nContent-Type: application/zip; name=\"data.zip\"\nContent-Disposition: attachment; filename=\"data.zip\"\n"
    "Content-Transfer-Encoding: base64\n\n" + b64body(zip_encrypted) + "\n"
    "--b1\nContent-Type: application/pdf\nContent-Disposition: attachment;\n filename*=UTF-8''%E8%A6%8B%E7%A9%8D%E6%9B%B8.pdf\n"
    "Content-Transfer-Encoding: base64\n\n" + b64body(b"%PDF-1.4\n%%EOF\n" * 20) + "\n--b1--\nEpilogue\n")

seeds["03-becky-iso2022jp.eml"] = (
    b"From: " + jis("山田 太郎").encode() + b" <sender@example.co.jp>\r\n"
    b"To: " + jis("鈴木 様").encode() + b" <suzuki@example.net>\r\n"
    b"Cc: " + jis("佐藤").encode() + b" <sato@example.co.jp>\r\n"
    b"Bcc: boss@example.co.jp\r\n"
    b"Subject: " + jis("お見積りの件（社外秘）").encode() + b"\r\n" + HDR.format(id=3).replace("\n", "\r\n").encode() +
    b"X-Mailer: Becky! ver. 2.81.04\r\nContent-Type: text/plain; charset=\"ISO-2022-JP\"\r\n"
    b"Content-Transfer-Encoding: 7bit\r\n\r\n" +
    "鈴木様\r\n\r\nいつもお世話になっております。\r\n極秘資料をお送りします。\r\n".encode("iso2022_jp") + b"\r\n")

seeds["04-utf8-subject-sjis-body.eml"] = (
    crlf("From: sender@example.co.jp\nTo: alice@example.net\nSubject: " + b64w("社外秘: 新製品の計画") + "\n" +
         HDR.format(id=4) + "Content-Type: text/plain; charset=Shift_JIS\nContent-Transfer-Encoding: 8bit\n\n") +
    "カード番号 4111-1111-1111-1111 です。\r\n".encode("shift_jis"))

seeds["05-groups.eml"] = crlf(
    "From: sender@example.co.jp\nTo: undisclosed-recipients:;\n"
    "Cc: Team: alice@example.net, \"Bob B.\" <bob@partner.example.com>;, taro@example.co.jp,\n"
    " Empty:;, Nested: carol@examp1e.co.jp;\nSubject: Groups\n" + HDR.format(id=5) +
    "Content-Type: text/plain\n\nGroup syntax.\n")

seeds["06-bcc-folded.eml"] = crlf(
    "From: sender@example.co.jp\nTo: alice@example.net\nBcc: hidden1@example.org,\n\thidden2@example.co.jp\n"
    "Subject: Blind\nResent-Bcc: r@example.org\nBCC:\n" + HDR.format(id=6) +
    "Content-Type: text/plain\n\nbcc\n")

names = ["田中", "Tanaka, Ichiro", "佐々木 \"Sasaki\"", "O'Brien", "高橋", "Müller", "伊藤", "渡辺", "山本", "中村",
         "小林", "加藤"]
doms = ["example.net", "example.co.jp", "partner.example.com", "example.org", "sales.example.co.jp",
        "blocked.example", "bank-example.com", "例え.jp"]
to = ",\n ".join("%s <u%d@%s>" % (b64w(n) if not n.isascii() else '"%s"' % n.replace('"', '\\"'), i, doms[i % len(doms)])
                 for i, n in enumerate(names))
seeds["07-mass-japanese-names.eml"] = crlf(
    "From: " + b64w("送信者") + " <sender@example.co.jp>\nTo: " + to + "\nCc: alice@example.net, taro@example.co.jp\n"
    "Subject: " + b64w("全体連絡") + "\n" + HDR.format(id=7) + "Content-Type: text/plain; charset=utf-8\n"
    "Content-Transfer-Encoding: base64\n\n" + b64body("皆様へ\nご連絡です。\n".encode()) + "\n")

seeds["08-nested-rfc822.eml"] = crlf(
    "From: sender@example.co.jp\nTo: alice@example.net\nSubject: Fwd: [urgent] report\n" + HDR.format(id=8) +
    "Content-Type: multipart/mixed; boundary=outer\n\n--outer\nContent-Type: multipart/alternative; boundary=alt\n\n"
    "--alt\nContent-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\nCaf=E9 =\nsoft break\n"
    "--alt\nContent-Type: text/html; charset=utf-8\n\n<p>Caf\u00e9</p>\n--alt--\n"
    "--outer\nContent-Type: message/rfc822\nContent-Disposition: attachment\n\n"
    "From: x@example.org\nTo: y@example.org\nSubject: " + b64w("転送メール") + "\n\nInner body.\n--outer--\n")

seeds["09-smime-pgp.eml"] = crlf(
    "From: sender@example.co.jp\nTo: alice@example.net\nSubject: Encrypted\n" + HDR.format(id=9) +
    "Content-Type: multipart/mixed; boundary=\"=-=x\"\n\n--=-=x\nContent-Type: text/plain\n\nsee attached\n"
    "--=-=x\nContent-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m\n"
    "Content-Transfer-Encoding: base64\nContent-Disposition: attachment; filename=smime.p7m\n\n" + b64body(b"\x30\x82\x01\x00" * 30) +
    "\n--=-=x\nContent-Type: application/octet-stream; name=\"secret.txt.gpg\"\nContent-Disposition: attachment\n\n"
    "-----BEGIN PGP MESSAGE-----\nhQEMA\n-----END PGP MESSAGE-----\n--=-=x--\n")

seeds["10-qp-body-keywords.eml"] = crlf(
    "From: other@example.org\nTo: alice@example.net\nCc: bob@partner.example.com\nSubject: =?utf-8?Q?=E3=83=9E=E3=83=AB=E7=A7=98?= notes\n" +
    HDR.format(id=10) + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
    "Card: 4111 1111 1111 1111=0A=E6=A5=B5=E7=A7=98 =E8=B3=87=E6=96=99=\n continues\n")

seeds["11-bad-attachment-names.eml"] = crlf(
    "From: sender@example.co.jp\nTo: jiro@" + "例え.jp" + ", mallory@blocked.example\nSubject: tools\n" + HDR.format(id=11) +
    "Content-Type: multipart/mixed; boundary=zz\n\n--zz\nContent-Type: application/octet-stream; name=\"setup.exe\"\n"
    "Content-Transfer-Encoding: base64\n\nTVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAA=\n--zz\n"
    "Content-Type: application/pdf\nContent-Disposition: attachment; filename=\"" + b64w("請求書 invoice.pdf") + "\"\n\n%PDF\n"
    "--zz\nContent-Type: image/png\nContent-ID: <img1>\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n--zz--\n")

seeds["12-malformed.eml"] = (
    b"From: <sender@example.co.jp\r\nTo: ,,, <a@>, @b, \"unterminated <x@y.z>, c@example.net (comment\r\n"
    b"Cc: =?utf-8?B?invalid*base64?= <d@example.net>, =?iso-2022-jp?B?GyRCJUYlOSVIGyhC?= <e@example.net>\r\n"
    b"Subject: \xe7\xa4\xbe\xe5\xa4\x96\xe7\xa7\x98 raw utf-8\r\nNo colon header line\r\n"
    b"Content-Type: multipart/mixed; boundary=\"never\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
    b"--not-the-boundary\r\n" + b"x" * 1200 + b"\r\n--never\r\nContent-Type: text/plain; charset=bogus-charset\r\n\r\nunterminated")

seeds["13-lookalikes-idn.eml"] = crlf(
    "From: sender@example.co.jp\nTo: carol@examp1e.co.jp, dave@bank-example.com, x@exmaple.co.jp, y@xn--eckwd4c7c.example,\n"
    " z@example.co.jp.evil.test, w@EXAMPLE.CO.JP, v@sub.partner.example.com, u@例え.jp\nSubject: look-alikes\n" +
    HDR.format(id=13) + "Content-Type: text/plain\n\nx\n")

# Japanese as Windows writes it: ISO-2022-JP with NEC/IBM characters (JIS rows 13 and 89-92, which
# Python's codec does not write), half-width kana, words glued or in quotes; Shift_JIS meaning CP932;
# EUC-JP meaning eucJP-ms.
def jis_bytes_word(raw):
    return "=?iso-2022-jp?B?%s?=" % base64.b64encode(raw).decode()


kabu = b"\x1b$B-j;3ED>&;v\x1b(B"            # ㈱山田商事
maru = b"\x1b$B-!8+@Q=q\x1b(B"              # ①見積書
seeds["14-windows-japanese.eml"] = crlf(
    "From: " + jis_bytes_word(kabu) + " <sender@example.co.jp>\n"
    "To: \"" + jis_bytes_word(b"\x1b$B;3yu\x1b(B") + " " + jis("様") + "\" <a@partner.example.com>,\n " +
    jis_bytes_word(b"\x1b(I12\x1b(B") + jis_bytes_word(kabu) + "<b@example.net>\n"
    "Subject: " + jis_bytes_word(maru) + "=?Shift_JIS?B?h0CMqZDPj5E=?=\n" + HDR.format(id=14) +
    "Content-Type: multipart/mixed; boundary=jp\n\n--jp\nContent-Type: text/plain; charset=ISO-2022-JP\n\n"
    "\x1b$B-!8+@Q=q\x1b(B \x1b(I12\x1b(B\n--jp\nContent-Type: text/plain; charset=EUC-JP\n"
    "Content-Transfer-Encoding: base64\n\n" + b64body(b"\xad\xa1\xad\xea") + "\n--jp\n"
    "Content-Type: application/pdf; name=\"" + jis_bytes_word(maru) + ".pdf\"\n"
    "Content-Transfer-Encoding: base64\n\n" + b64body(b"%PDF-1.4") + "\n--jp--\n") + \
    b"\r\n--trailing Shift_JIS bytes: \x87\x40\x87\x8a\r\n"

os.makedirs(OUT, exist_ok=True)
for name, data in sorted(seeds.items()):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)
print("wrote %d seeds to %s" % (len(seeds), OUT))
