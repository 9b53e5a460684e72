#include "paper_id.hpp"

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

using namespace papersite;

BOOST_AUTO_TEST_SUITE(paper_id)

BOOST_AUTO_TEST_CASE(arxiv_id_of_abs_pdf_and_html_urls) {
  BOOST_TEST(*arxiv_id("https://arxiv.org/abs/2405.18218") == "2405.18218");
  BOOST_TEST(*arxiv_id("https://arxiv.org/pdf/2405.18218") == "2405.18218");
  BOOST_TEST(*arxiv_id("https://arxiv.org/pdf/2405.18218v3.pdf") ==
             "2405.18218");
  BOOST_TEST(*arxiv_id("https://arxiv.org/html/2405.18832v1") == "2405.18832");
  BOOST_TEST(*arxiv_id("http://www.arxiv.org/abs/2405.18218/") == "2405.18218");
  BOOST_TEST(*arxiv_id("https://export.arxiv.org/abs/1412.6980") ==
             "1412.6980");
  BOOST_TEST(*arxiv_id("HTTPS://ArXiv.org/abs/2405.18218#section") ==
             "2405.18218");
}

BOOST_AUTO_TEST_CASE(arxiv_id_drops_version_without_scheme) {
  BOOST_TEST(*arxiv_id("arxiv.org/abs/2405.18218v2") == "2405.18218");
}

BOOST_AUTO_TEST_CASE(arxiv_id_of_old_style_ids) {
  BOOST_TEST(*arxiv_id("https://arxiv.org/abs/cs/0112017") == "cs/0112017");
  BOOST_TEST(*arxiv_id("https://arxiv.org/pdf/hep-th/9901001v2") ==
             "hep-th/9901001");
  BOOST_TEST(*arxiv_id("https://arxiv.org/abs/math.GT/0309136") ==
             "math.GT/0309136");
}

BOOST_AUTO_TEST_CASE(arxiv_id_rejects_other_pages_and_malformed_ids) {
  BOOST_TEST(!arxiv_id("https://arxiv.org/list/cs.LG/recent"));
  BOOST_TEST(!arxiv_id("https://arxiv.org/abs/2405.182"));
  BOOST_TEST(!arxiv_id("https://arxiv.org/abs/24051.8218"));
  BOOST_TEST(!arxiv_id("https://arxiv.org/html/2405.18832v1/x4.png"));
  BOOST_TEST(!arxiv_id("https://arxiv.org/abs/CS/0112017"));
}

BOOST_AUTO_TEST_CASE(arxiv_id_checks_month_and_digits_of_its_time) {
  BOOST_TEST(!arxiv_id("https://arxiv.org/abs/2413.12345"));
  BOOST_TEST(!arxiv_id("https://arxiv.org/abs/2400.12345"));
  BOOST_TEST(!arxiv_id("https://arxiv.org/pdf/2401.0001v2"));
  BOOST_TEST(!arxiv_id("https://arxiv.org/abs/1412.69801"));
  BOOST_TEST(*arxiv_id("https://arxiv.org/abs/1412.6980") == "1412.6980");
  BOOST_TEST(*arxiv_id("https://arxiv.org/abs/1501.00001") == "1501.00001");
  BOOST_TEST(!arxiv_id("https://arxiv.org/abs/cs/0113017"));
  BOOST_TEST(!arxiv_id("https://example.org/abs/2405.18218"));
  BOOST_TEST(!arxiv_id("https://notarxiv.org/abs/2405.18218"));
}

BOOST_AUTO_TEST_CASE(parse_arxiv_reference_accepts_ids_and_urls) {
  BOOST_TEST(*parse_arxiv_reference("2405.18218") == "2405.18218");
  BOOST_TEST(*parse_arxiv_reference(" 2405.18218v2 ") == "2405.18218");
  BOOST_TEST(*parse_arxiv_reference("arXiv:2405.18218") == "2405.18218");
  BOOST_TEST(*parse_arxiv_reference("cs/0112017v1") == "cs/0112017");
  BOOST_TEST(*parse_arxiv_reference("https://arxiv.org/pdf/2405.18218v1") ==
             "2405.18218");
  BOOST_TEST(!parse_arxiv_reference("2405"));
  BOOST_TEST(!parse_arxiv_reference("finercut"));
}

BOOST_AUTO_TEST_CASE(normalise_url_drops_scheme_www_slash_fragment_pdf) {
  BOOST_TEST(normalise_url("https://www.Example.ORG/Paper/") ==
             "example.org/Paper");
  BOOST_TEST(normalise_url("http://example.org/a.pdf#page=2") ==
             "example.org/a");
  BOOST_TEST(normalise_url("https://example.org:443/a/pdf/b.PDF") ==
             "example.org/a/abs/b");
  BOOST_TEST(normalise_url("https://aclanthology.org/2024.acl-long.1.pdf") ==
             normalise_url("https://aclanthology.org/2024.acl-long.1/"));
  BOOST_TEST(normalise_url("https://example.org/x?id=1") ==
             "example.org/x?id=1");
}

BOOST_AUTO_TEST_CASE(normalise_url_of_arxiv_keeps_only_the_id) {
  BOOST_TEST(normalise_url("https://arxiv.org/pdf/2405.18218v2.pdf") ==
             "arxiv.org/abs/2405.18218");
  BOOST_TEST(normalise_url("http://arxiv.org/abs/2405.18218v2.pdf") ==
             "arxiv.org/abs/2405.18218");
}

BOOST_AUTO_TEST_CASE(normalise_url_joins_openreview_pdf_and_forum) {
  BOOST_TEST(normalise_url("https://openreview.net/pdf?id=AbC") ==
             "openreview.net/forum?id=AbC");
  BOOST_TEST(normalise_url("https://openreview.net/forum?id=AbC") ==
             "openreview.net/forum?id=AbC");
}

BOOST_AUTO_TEST_CASE(normalise_url_is_idempotent) {
  std::vector<std::string> urls = {
      "https://arxiv.org/abs/2405.18218v2.pdf",
      "https://arxiv.org/pdf/pdf/x.pdf/",
      "https://www.www.example.org:443:443/a.pdf/.pdf//",
      "http://example.org/a /",
      "https://openreview.net/pdf/?id=x#y",
      "example.org./a",
      "  HTTPS://Example.org/A/B.Pdf  ",
      "",
      "not a url",
      "ftp://host/pdf/x",
  };
  for (const std::string& url : urls) {
    std::string once = normalise_url(url);
    BOOST_TEST(normalise_url(once) == once, "url: '" << url << "'");
  }
}

// Found by fuzz_url: each pass exposed one more trailing space or slash, and
// a cap of 16 passes stopped short of the fixed point.
BOOST_AUTO_TEST_CASE(normalise_url_is_idempotent_however_many_parts_repeat) {
  std::string slashes_and_spaces;
  std::string schemes;
  std::string pdfs = "https://example.org/a";
  std::string ports = "example.org";
  for (int i = 0; i < 40; ++i) {
    slashes_and_spaces += "/\t/\r/";
    schemes += "http://";
    pdfs += "/.pdf";
    ports += ":80.";
  }
  for (const std::string& url :
       {slashes_and_spaces, schemes + "example.org/a", pdfs, ports + "/a"}) {
    std::string once = normalise_url(url);
    BOOST_TEST(normalise_url(once) == once, "url: '" << url << "'");
  }
  BOOST_TEST(normalise_url(slashes_and_spaces) == "");
  BOOST_TEST(normalise_url(schemes + "example.org/a") == "example.org/a");
  BOOST_TEST(normalise_url(pdfs) == "example.org/a");
  BOOST_TEST(normalise_url(ports + "/a") == "example.org/a");
}

BOOST_AUTO_TEST_CASE(paper_identifier_prefers_the_arxiv_id) {
  BOOST_TEST(paper_identifier("https://arxiv.org/pdf/2405.18218v2") ==
             "arxiv:2405.18218");
  BOOST_TEST(paper_identifier("https://openreview.net/pdf?id=x") ==
             "url:openreview.net/forum?id=x");
  BOOST_TEST(paper_identifier("https://arxiv.org/abs/nonsense") ==
             "url:arxiv.org/abs/nonsense");
}

BOOST_AUTO_TEST_CASE(is_http_url_accepts_http_and_https_only) {
  BOOST_TEST(is_http_url("https://arxiv.org/abs/2405.18218"));
  BOOST_TEST(is_http_url("http://example.org"));
  BOOST_TEST(is_http_url("HTTPS://example.org:8080/a?b=c#d"));
  BOOST_TEST(!is_http_url("javascript:alert(1)"));
  BOOST_TEST(!is_http_url("data:text/html,x"));
  BOOST_TEST(!is_http_url("file:///etc/passwd"));
  BOOST_TEST(!is_http_url("ftp://example.org/x"));
  BOOST_TEST(!is_http_url("//example.org/x"));
  BOOST_TEST(!is_http_url("example.org"));
}

BOOST_AUTO_TEST_CASE(is_http_url_rejects_bad_hosts_and_characters) {
  BOOST_TEST(!is_http_url("https://"));
  BOOST_TEST(!is_http_url("https:///path"));
  BOOST_TEST(!is_http_url("https://user@example.org/"));
  BOOST_TEST(!is_http_url("https://example.org/a b"));
  BOOST_TEST(!is_http_url("https://example.org/\"x"));
  BOOST_TEST(!is_http_url("https://example.org/<script>"));
  BOOST_TEST(!is_http_url("https://example.org\\x"));
  BOOST_TEST(!is_http_url("https://example.org:port/"));
  BOOST_TEST(!is_http_url("https://.example.org/"));
  BOOST_TEST(!is_http_url("https://example.org/\n"));
}

BOOST_AUTO_TEST_SUITE_END()
