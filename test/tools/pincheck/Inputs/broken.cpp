// Does not compile.
class Broken {
  undeclared_type member_;
};
