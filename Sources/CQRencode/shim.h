#ifndef PLENARY_CQRENCODE_SHIM_H
#define PLENARY_CQRENCODE_SHIM_H
/*
 * libqrencode (Debian's libqrencode-dev), for the QR code of the voting page's address (issue 17).
 * Only the PlenaryQRCode module imports this.
 *
 * The library is opened the first time a code is made, not linked: only a workshop with a voting page draws a
 * code, and a linked library (with the libpthread it needs) was mapped and bound at every start, before `main`
 * (decision 110). The header still comes from libqrencode-dev; the library is Debian's libqrencode4.
 */
#include <qrencode.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>

/* The library's ABI name (Debian's libqrencode4); its two functions Plenary calls. */
#define PLENARY_QRENCODE_LIBRARY "libqrencode.so.4"

typedef struct {
    QRcode *(*encodeString8bit)(const char *string, int version, QRecLevel level);
    void (*free)(QRcode *code);
} plenary_qrencode_functions;

/* The functions once loaded (both NULL when the library is missing). Held by a function, not a file-level static,
 * which Swift's importer would leave undefined. */
static inline plenary_qrencode_functions *plenary_qrencode_loaded(void) {
    static plenary_qrencode_functions functions;
    return &functions;
}

static inline void plenary_qrencode_load(void) {
    void *library = dlopen(PLENARY_QRENCODE_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) return;
    void *encode = dlsym(library, "QRcode_encodeString8bit");
    void *release = dlsym(library, "QRcode_free");
    if (encode == NULL || release == NULL) return;
    plenary_qrencode_loaded()->encodeString8bit = (QRcode *(*)(const char *, int, QRecLevel))encode;
    plenary_qrencode_loaded()->free = (void (*)(QRcode *))release;
}

/* True once the library is open (opened on the first call, by one thread); false when the laptop lacks it. */
static inline int plenary_qrencode_available(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, plenary_qrencode_load);
    return plenary_qrencode_loaded()->encodeString8bit != NULL;
}

/* QRcode_encodeString8bit, or NULL when the library is missing. */
static inline QRcode *plenary_qrencode_encode_8bit(const char *string, int version, QRecLevel level) {
    if (!plenary_qrencode_available()) return NULL;
    return plenary_qrencode_loaded()->encodeString8bit(string, version, level);
}

/* QRcode_free for a code plenary_qrencode_encode_8bit made. */
static inline void plenary_qrencode_free(QRcode *code) {
    if (code != NULL && plenary_qrencode_available()) plenary_qrencode_loaded()->free(code);
}
#endif
