// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace sendguard::japanesetext {

// Japanese mail is written by Windows mailers in Windows' versions of the Japanese charsets
// under the standard labels: ISO-2022-JP as code pages 50220/50221, "Shift_JIS" as code page 932,
// "EUC-JP" as eucJP-ms. Besides JIS X 0208 they carry the NEC special characters (①, ㈱, ㍻ ...),
// the IBM extensions (髙, 﨑 ...) and, in ISO-2022-JP, half-width katakana. The standard
// converters that GMime uses turn each of them into "?" (and may lose the next character too),
// so a subject "①見積書" or a display name "㈱山田商事" would reach the dialog as "?見積書" and
// "?山田商事".

// True for the labels of ISO-2022-JP (with its -MS variant and CP50220/50221/50222).
bool isIso2022Jp(const QByteArray& charset);
// True for the labels of ISO-2022-JP, Shift_JIS and EUC-JP (and of their Windows versions).
bool isJapanese(const QByteArray& charset);

// The converter to read text labelled `charset` with: Windows' superset for "Shift_JIS" (CP932)
// and "EUC-JP" (EUC-JP-MS); `charset` itself otherwise (ISO-2022-JP included: see
// fromIso2022Jp()).
QByteArray readingCharset(const QByteArray& charset);

// `bytes` in ISO-2022-JP (with the extensions above) as Unicode. Returns false, and leaves `text`
// alone, when `bytes` is not such text (an unknown escape sequence, a byte outside 7 bits, a
// code no Japanese code page has); the caller then keeps the reading it had.
bool fromIso2022Jp(const QByteArray& bytes, QString* text);

// `bytes` labelled with a Japanese `charset` (ISO-2022-JP, Shift_JIS, EUC-JP) read with the
// Windows extensions. False, `text` untouched, for any other charset or bytes that do not
// convert.
bool decode(const QByteArray& charset, const QByteArray& bytes, QString* text);

} // namespace sendguard::japanesetext
