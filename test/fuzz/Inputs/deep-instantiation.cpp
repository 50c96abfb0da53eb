template <int N> struct S { S<N - 1> in; char buf[2]; char *p = buf; };
template <> struct S<0> { char buf[2]; char *p = buf; };
S<300> deep;
