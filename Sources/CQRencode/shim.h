#ifndef PLENARY_CQRENCODE_SHIM_H
#define PLENARY_CQRENCODE_SHIM_H
/*
 * libqrencode (Debian's libqrencode-dev), for the QR code of the voting page's address (issue 17).
 * Only the PlenaryQRCode module imports this.
 */
#include <qrencode.h>
#endif
