#ifndef CONNECTAGE_CBLUEZ_SHIM_H
#define CONNECTAGE_CBLUEZ_SHIM_H

#include <sys/socket.h>
#include <bluetooth/bluetooth.h>
#include <bluetooth/hci.h>
#include <bluetooth/hci_lib.h>
#include <bluetooth/rfcomm.h>
#include <bluetooth/l2cap.h>

/* BDADDR_ANY is a compound-literal macro, which Swift cannot import. */
static inline bdaddr_t cbluez_any_address(void) {
  bdaddr_t any = {{0, 0, 0, 0, 0, 0}};
  return any;
}

#endif
