// A class whose implicit copy and move leave 'cur_' in the source.
class Buggy {
public:
  Buggy() : cur_(buf_) {}

private:
  char buf_[8];
  char *cur_;
};
