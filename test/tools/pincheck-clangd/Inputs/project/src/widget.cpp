#include "widget.h"

#ifdef WIDGET_CACHE
struct Gadget {
  char Buffer[8];
  char *Next = Buffer;
};
#endif
