#define BOOST_TEST_MODULE papersite
#include <boost/test/unit_test.hpp>
