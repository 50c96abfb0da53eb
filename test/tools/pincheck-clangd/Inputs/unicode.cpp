// Columns are UTF-16 code units: é is one, 😀 two, and each is more than
// one byte.
/* é😀 */ struct Wide { char B[4]; char *P = B; };
