// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace sendguard::japanesetext {

// Japanese mail is mostly ISO-2022-JP as Windows writes it (code pages 50220/50221): besides
// JIS X 0208 it carries the NEC special characters (①, ㈱, ㍻ ...), the IBM extensions (髙, 﨑
// ...) and half-width katakana. The plain ISO-2022-JP converter that GMime uses turns each of
// them into "?", so a subject "①見積書" or a display name "㈱山田商事" would reach the dialog
// as "?見積書" and "?山田商事".

// True for the charset names such text is labelled with (ISO-2022-JP, its -MS variant,
// CP50220/50221/50222).
bool isIso2022Jp(const QByteArray& charset);

// `bytes` in ISO-2022-JP (with the extensions above) as Unicode. Returns false, and leaves `text`
// alone, when `bytes` is not such text (an unknown escape sequence, a byte outside 7 bits, a
// code no Japanese code page has); the caller then keeps the reading it had.
bool fromIso2022Jp(const QByteArray& bytes, QString* text);

} // namespace sendguard::japanesetext
