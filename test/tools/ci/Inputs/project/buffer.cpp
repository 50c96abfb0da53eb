class Buffer {
public:
  Buffer() : cur_(buf_) {}

private:
  char buf_[8];
  char *cur_;
};
