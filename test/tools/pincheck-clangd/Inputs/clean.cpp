// Nothing here for pincheck or for clangd.
struct Point {
  int X = 0;
  int Y = 0;
};

int sum(const Point &P) { return P.X + P.Y; }
