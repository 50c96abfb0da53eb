class Silenced { // NOLINT(pin-self-referential-type)
public:
  Silenced() : cur_(buf_) {}

private:
  char buf_[8];
  char *cur_;
};
