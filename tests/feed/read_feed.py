#!/usr/bin/python3
"""Reads an RSS feed as a feed reader does and prints what it found, one
`key: value` line each, values as JSON strings, so the C++ suite can assert
on data rather than on the feed's bytes.

feedparser gives the reader's view (titles unescaped exactly once, dates,
GUIDs, categories); ElementTree gives the raw element tree for what
feedparser normalises away (namespaces, the atom:link, the raw HTML of each
description, which html.parser then lists tag by tag).

Usage: read_feed.py FEED.xml
"""

import html.parser
import json
import sys
import xml.etree.ElementTree as ET

import feedparser

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"


def show(key, value, indent=""):
    print(f"{indent}{key}: {json.dumps(value, ensure_ascii=False)}")


class Markup(html.parser.HTMLParser):
    """Collects every tag, attribute name and URL of an HTML fragment."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attrs, self.urls = set(), set(), []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for name, value in attrs:
            self.attrs.add(name)
            if name in ("href", "src"):
                self.urls.append(value)


def main(path):
    raw = open(path, "rb").read()
    parsed = feedparser.parse(raw)
    show("bozo", bool(parsed.bozo))
    show("version", parsed.version)
    show("encoding", parsed.encoding)
    channel = parsed.feed
    show("title", channel.get("title"))
    show("link", channel.get("link"))
    show("description", channel.get("subtitle"))
    show("language", channel.get("language"))
    show("lastBuildDate", channel.get("updated"))

    root = ET.fromstring(raw)
    raw_channel = root.find("channel")
    selfs = raw_channel.findall(ATOM + "link")
    show("self_links", [(l.get("rel"), l.get("href"), l.get("type"))
                        for l in selfs])
    raw_items = raw_channel.findall("item")
    show("items", len(parsed.entries))

    for entry, raw_item in zip(parsed.entries, raw_items):
        print("item:")
        show("title", entry.get("title"), "  ")
        show("link", entry.get("link"), "  ")
        show("guid", entry.get("id"), "  ")
        show("guid_is_permalink", entry.get("guidislink"), "  ")
        guid = raw_item.find("guid")
        show("guid_attr", guid.get("isPermaLink"), "  ")
        show("pubDate", raw_item.findtext("pubDate"), "  ")
        show("categories", [t.term for t in entry.get("tags", [])], "  ")
        show("creators", [c.text for c in raw_item.findall(DC + "creator")],
             "  ")
        description = raw_item.findtext("description")
        markup = Markup()
        markup.feed(description)
        show("description_tags", sorted(markup.tags), "  ")
        show("description_attrs", sorted(markup.attrs), "  ")
        show("description_urls", markup.urls, "  ")
        show("description", description, "  ")


if __name__ == "__main__":
    main(sys.argv[1])
