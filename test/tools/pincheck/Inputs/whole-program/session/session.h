#pragma once
#include <curl/curl.h>

class Session {
public:
  Session();
  ~Session();

private:
  CURL *Easy;
};
