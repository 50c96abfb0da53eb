template <int N> struct S { S<N - 1> in; char buf[2]; char *p = buf; };
