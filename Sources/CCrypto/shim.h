// OpenSSL's libcrypto, as much of it as Wegwijzer uses: SHA-256, HMAC and
// constant-time comparison. Never hand-written crypto.
#ifndef WEGWIJZER_CCRYPTO_SHIM_H
#define WEGWIJZER_CCRYPTO_SHIM_H

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/sha.h>

// An HMAC-SHA256 context with its digest set and no key: fetched once, then duplicated per
// MAC, since HMAC() and EVP_Q_mac() look the algorithm up by name on every call.
static inline EVP_MAC_CTX *wegwijzer_hmac_sha256_template(void) {
    EVP_MAC *mac = EVP_MAC_fetch(NULL, OSSL_MAC_NAME_HMAC, NULL);
    if (mac == NULL) return NULL;
    EVP_MAC_CTX *context = EVP_MAC_CTX_new(mac);
    EVP_MAC_free(mac);
    if (context == NULL) return NULL;
    OSSL_PARAM parameters[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, (char *)"SHA256", 0),
        OSSL_PARAM_construct_end(),
    };
    if (EVP_MAC_CTX_set_params(context, parameters) != 1) {
        EVP_MAC_CTX_free(context);
        return NULL;
    }
    return context;
}

// HMAC-SHA256 of message under key into out (32 bytes), from a duplicate of the template;
// returns 1 on success. The template itself is only read, so threads may share it.
static inline int wegwijzer_hmac_sha256(const EVP_MAC_CTX *template_context, const unsigned char *key,
                                        size_t key_length, const unsigned char *message, size_t message_length,
                                        unsigned char *out) {
    EVP_MAC_CTX *context = EVP_MAC_CTX_dup(template_context);
    if (context == NULL) return 0;
    size_t length = 0;
    int ok = EVP_MAC_init(context, key, key_length, NULL) == 1
        && EVP_MAC_update(context, message, message_length) == 1
        && EVP_MAC_final(context, out, &length, 32) == 1
        && length == 32;
    EVP_MAC_CTX_free(context);
    return ok;
}

#endif
