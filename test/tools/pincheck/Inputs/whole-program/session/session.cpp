#include "session.h"

Session::Session() : Easy(curl_easy_init()) {
  curl_easy_setopt(Easy, CURLOPT_WRITEDATA, this);
}

Session::~Session() { curl_easy_cleanup(Easy); }
