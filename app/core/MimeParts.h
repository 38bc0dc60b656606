// SPDX-License-Identifier: GPL-3.0-or-later
// What counts as an attachment and what as a signature: one rule for MessageAnalyzer (what the
// dialog lists) and MessageEncryptor (what encryption.mode "attachments" replaces, or must not);
// the walk over an address list; and an owner of GObject references. Core-internal: needs
// GMime.
#pragma once

#include <gmime/gmime.h>

namespace sendguard {

// Owns one reference to a GObject (GMime streams, parsers, parts).
template <typename T> struct GPtr
{
    T* p = nullptr;
    explicit GPtr(T* ptr = nullptr) : p(ptr) {}
    ~GPtr()
    {
        if (p)
            g_object_unref(p);
    }
    GPtr(const GPtr&) = delete;
    GPtr& operator=(const GPtr&) = delete;
};

} // namespace sendguard

namespace sendguard::mimeparts {

// Calls `visit(InternetAddressMailbox*)` for every mailbox of `list`, the members of groups
// included (groups in groups at most 8 deep: deeper ones are hostile and skipped).
template <typename Visit>
inline void forEachMailbox(InternetAddressList* list, const Visit& visit, int depth = 0)
{
    if (!list || depth > 8)
        return;
    const int n = internet_address_list_length(list);
    for (int i = 0; i < n; ++i) {
        InternetAddress* a = internet_address_list_get_address(list, i);
        if (INTERNET_ADDRESS_IS_MAILBOX(a))
            visit(INTERNET_ADDRESS_MAILBOX(a));
        else if (INTERNET_ADDRESS_IS_GROUP(a))
            forEachMailbox(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(a)), visit,
                           depth + 1);
    }
}

// A leaf part is an attachment when its disposition says so, or when it is named and neither
// text nor a picture the HTML body shows (multipart/related with a Content-ID): mail clients
// list exactly those. Attached messages (message/rfc822) are attachments too; the caller
// handles GMimeMessagePart itself.
inline bool isAttachmentPart(GMimeObject* object, bool inRelated)
{
    if (!GMIME_IS_PART(object))
        return false;
    GMimePart* part = GMIME_PART(object);
    GMimeContentType* ct = g_mime_object_get_content_type(object);
    const char* mediaType = ct ? g_mime_content_type_get_media_type(ct) : nullptr;
    const bool isText = mediaType && g_ascii_strcasecmp(mediaType, "text") == 0;
    const char* fileName = g_mime_part_get_filename(part);
    const bool named = fileName && *fileName;
    GMimeContentDisposition* disposition = g_mime_object_get_content_disposition(object);
    const bool isAttachment = disposition && g_mime_content_disposition_is_attachment(disposition);
    const char* contentId = g_mime_object_get_content_id(object);
    const bool embedded = inRelated && contentId && *contentId;
    return isAttachment || (named && !isText && !embedded);
}

// True for a multipart/related container (its children are "in related").
inline bool isRelated(GMimeObject* multipart)
{
    const char* subtype =
        g_mime_content_type_get_media_subtype(g_mime_object_get_content_type(multipart));
    return subtype && g_ascii_strcasecmp(subtype, "related") == 0;
}

// A signature over (part of) the message: multipart/signed (S/MIME or OpenPGP), S/MIME
// signed-data (application/(x-)pkcs7-mime; smime-type=signed-data) or a detached S/MIME
// signature part (application/(x-)pkcs7-signature). Any change inside the entity it covers
// breaks it.
inline bool isSignature(GMimeObject* object)
{
    GMimeContentType* ct = object ? g_mime_object_get_content_type(object) : nullptr;
    if (!ct)
        return false;
    if (GMIME_IS_MULTIPART_SIGNED(object) || g_mime_content_type_is_type(ct, "multipart", "signed"))
        return true;
    if (g_mime_content_type_is_type(ct, "application", "pkcs7-signature") ||
        g_mime_content_type_is_type(ct, "application", "x-pkcs7-signature"))
        return true;
    if (g_mime_content_type_is_type(ct, "application", "pkcs7-mime") ||
        g_mime_content_type_is_type(ct, "application", "x-pkcs7-mime")) {
        const char* type = g_mime_content_type_get_parameter(ct, "smime-type");
        return type && g_ascii_strcasecmp(type, "signed-data") == 0;
    }
    return false;
}

// True when `object` is or contains a signature (isSignature). Attached messages
// (message/rfc822) are not looked into: they travel whole, and so do their signatures. Beyond
// `maxDepth` levels nothing is looked at (callers refuse such messages).
inline bool containsSignature(GMimeObject* object, int maxDepth, int depth = 0)
{
    if (!object || depth > maxDepth)
        return false;
    if (isSignature(object))
        return true;
    if (GMIME_IS_MULTIPART(object)) {
        GMimeMultipart* mp = GMIME_MULTIPART(object);
        const int n = g_mime_multipart_get_count(mp);
        for (int i = 0; i < n; ++i) {
            if (containsSignature(g_mime_multipart_get_part(mp, i), maxDepth, depth + 1))
                return true;
        }
    }
    return false;
}

} // namespace sendguard::mimeparts
