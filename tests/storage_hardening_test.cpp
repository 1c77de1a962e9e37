// Hardening tests (issue 13): each reproduces a finding and fails without its fix.
#include <doctest/doctest.h>
