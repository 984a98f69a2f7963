// libcurl, through typed wrappers: curl_easy_setopt and curl_easy_getinfo are variadic, which
// Swift cannot call. Each wrapper fixes the type of the value it passes.
#ifndef WEGWIJZER_CCURL_SHIM_H
#define WEGWIJZER_CCURL_SHIM_H

#define CURL_DISABLE_TYPECHECK 1
#include <curl/curl.h>

/// Sets an option that takes a long (flags, counts, milliseconds).
static inline CURLcode wegwijzer_curl_set_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets an option that takes a C string; libcurl copies it.
static inline CURLcode wegwijzer_curl_set_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets the URL as a parsed handle, which must outlive the transfers: libcurl copies it per
/// transfer instead of parsing the URL text again.
static inline CURLcode wegwijzer_curl_set_url_handle(CURL *handle, CURLU *url) {
    return curl_easy_setopt(handle, CURLOPT_CURLU, url);
}

/// Sets the request headers; the list must outlive the transfer.
static inline CURLcode wegwijzer_curl_set_headers(CURL *handle, struct curl_slist *headers) {
    return curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers);
}

/// Makes the request a POST of `size` bytes at `bytes`, which must outlive the transfer.
static inline CURLcode wegwijzer_curl_set_post_body(CURL *handle, const void *bytes, curl_off_t size) {
    CURLcode code = curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE, size);
    if (code != CURLE_OK) return code;
    return curl_easy_setopt(handle, CURLOPT_POSTFIELDS, bytes);
}

/// Sets the function that receives the response body, and its context pointer.
static inline CURLcode wegwijzer_curl_set_write_function(CURL *handle, curl_write_callback function, void *context) {
    CURLcode code = curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, function);
    if (code != CURLE_OK) return code;
    return curl_easy_setopt(handle, CURLOPT_WRITEDATA, context);
}

/// Sets the progress function (called about once a second, and on progress), which can abort a
/// transfer by returning non-zero, and its context pointer.
static inline CURLcode wegwijzer_curl_set_progress_function(CURL *handle, curl_xferinfo_callback function, void *context) {
    CURLcode code = curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, function);
    if (code != CURLE_OK) return code;
    code = curl_easy_setopt(handle, CURLOPT_XFERINFODATA, context);
    if (code != CURLE_OK) return code;
    return curl_easy_setopt(handle, CURLOPT_NOPROGRESS, 0L);
}

/// Sets the buffer (CURL_ERROR_SIZE bytes) that receives the text of the last error.
static inline CURLcode wegwijzer_curl_set_error_buffer(CURL *handle, char *buffer) {
    return curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, buffer);
}

/// Sets the SMTP recipients (`CURLOPT_MAIL_RCPT`); the list must outlive the transfer.
static inline CURLcode wegwijzer_curl_set_mail_recipients(CURL *handle, struct curl_slist *recipients) {
    return curl_easy_setopt(handle, CURLOPT_MAIL_RCPT, recipients);
}

/// Makes the transfer an upload read through `function` with its context pointer.
static inline CURLcode wegwijzer_curl_set_read_function(CURL *handle, curl_read_callback function, void *context) {
    CURLcode code = curl_easy_setopt(handle, CURLOPT_READFUNCTION, function);
    if (code != CURLE_OK) return code;
    code = curl_easy_setopt(handle, CURLOPT_READDATA, context);
    if (code != CURLE_OK) return code;
    return curl_easy_setopt(handle, CURLOPT_UPLOAD, 1L);
}

/// Reads information that is a long (response code, connection count).
static inline CURLcode wegwijzer_curl_get_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

#endif
