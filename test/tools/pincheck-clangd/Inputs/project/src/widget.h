// Self-referential only when the build defines WIDGET_CACHE, which the
// compile command of widget.cpp does: the header gets that command too.
#ifdef WIDGET_CACHE
struct Widget {
  char Name[8];
  char *Cache = Name;
};
#endif
