// A class whose interior pointer is re-seated by its own copy.
class Clean {
public:
  Clean() : cur_(buf_) {}
  Clean(const Clean &other) : cur_(buf_ + (other.cur_ - other.buf_)) {}
  Clean &operator=(const Clean &) = delete;

private:
  char buf_[8];
  char *cur_;
};
