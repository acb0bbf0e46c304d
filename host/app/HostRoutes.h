#pragma once
#include "http/Router.h"

namespace killrvideo::host {

class Metrics;

// The routes the host serves itself: GET / (health) and GET /metrics (Prometheus).
void add_host_routes(Router& router, const Metrics& metrics);

}  // namespace killrvideo::host
