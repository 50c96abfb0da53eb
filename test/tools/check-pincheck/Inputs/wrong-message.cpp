struct Buggy {
  char buf[4];
  char *cur = buf;
};
// CHECK-MESSAGES: :[[@LINE-4]]:8: warning: copying or moving 'Buggy' leaves 'buf' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE-3]]:9: note: interior pointer 'cur' declared here
// CHECK-MESSAGES: :[[@LINE-4]]:15: note: 'cur' is set here to the address of member 'buf' (inline storage)
// CHECK-MESSAGES: :[[@LINE-7]]:8: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'cur' unchanged
// CHECK-FIXES: {{^}}  Buggy(const Buggy &) = delete;{{$}}
