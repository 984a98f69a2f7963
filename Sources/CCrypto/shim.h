// OpenSSL's libcrypto, as much of it as Wegwijzer uses: SHA-256, HMAC and
// constant-time comparison. Never hand-written crypto.
#ifndef WEGWIJZER_CCRYPTO_SHIM_H
#define WEGWIJZER_CCRYPTO_SHIM_H

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>
#include <openssl/crypto.h>

#endif
