"""RSS and Atom feeds to one document per entry."""

from __future__ import annotations

import pytest

from tollwatch.errors import SourceTooLarge, UnreadableSource
from tollwatch.model import Document, FailedDocument
from tollwatch.ingest.feeds import read_feed


def test_feeds_rss_gives_one_item_per_entry_in_order(fixture_bytes):
    items = list(read_feed(fixture_bytes("feed.rss"), source="feed.rss"))
    assert [type(item) for item in items] == [Document, Document, FailedDocument]
    first, second, blank = items
    assert first.title == "Two hurt as grenade hits Brenn checkpoint"
    assert first.text == (
        "Two police officers were hurt when a grenade was thrown at a checkpoint in Brenn, officials said.\n"
        "The attackers fled on a motorcycle."
    )
    assert first.url == "https://courier.example.org/2026/03/brenn-grenade"
    assert first.publisher == "The Valley Courier"
    assert first.source == "feed.rss#https://courier.example.org/2026/03/brenn-grenade"
    assert second.source == "feed.rss#courier-1002"  # no link: the guid names it
    assert second.url is None
    assert blank.source == "feed.rss#https://courier.example.org/2026/03/blank"
    assert "no title or text" in blank.reason


def test_feeds_entry_date_is_the_day_in_its_own_time_zone(fixture_bytes):
    # 23:30 on 3 March at UTC-5 is already 4 March in UTC; the report's own day is the 3rd.
    rss = list(read_feed(fixture_bytes("feed.rss"), source="f"))
    assert [item.published_at for item in rss[:2]] == ["2026-03-03", "2026-03-04"]
    [atom] = read_feed(fixture_bytes("feed.atom"), source="f")
    assert atom.published_at == "2026-02-10"  # 01:30 at UTC+6, 9 February in UTC


def test_feeds_atom_prefers_full_content_over_summary(fixture_bytes):
    [entry] = read_feed(fixture_bytes("feed.atom"), source="ridge.atom")
    assert entry.text == (
        "Gunmen ambushed a supply convoy on the Ostrava road, killing at least six drivers, a monitor said.\n"
        "Six drivers killed\nTwo trucks burned"
    )
    assert entry.publisher == "Ridge Monitor"
    assert entry.url == "https://ridge.example.net/reports/1"
    assert entry.source == "ridge.atom#https://ridge.example.net/reports/1"


def test_feeds_entry_with_only_a_title_uses_it_as_text():
    feed = (b'<rss version="2.0"><channel><title>C</title><item><title>Three killed in Brenn raid</title>'
            b"<guid>g1</guid></item></channel></rss>")
    [entry] = read_feed(feed, source="f")
    assert entry.text == entry.title == "Three killed in Brenn raid"


def test_feeds_plain_text_title_keeps_angle_brackets():
    feed = (b'<feed xmlns="http://www.w3.org/2005/Atom"><title>R</title><entry><id>e1</id>'
            b'<title type="text">Toll &lt; 10, officials say</title><summary type="text">Fewer than 10 &lt;dead&gt;.</summary></entry></feed>')
    [entry] = read_feed(feed, source="f")
    assert entry.title == "Toll < 10, officials say"
    assert entry.text == "Fewer than 10 <dead>."


def test_feeds_not_a_feed_fails():
    with pytest.raises(UnreadableSource, match="is not an RSS or Atom feed"):
        list(read_feed(b"just some words, no markup at all", source="words.xml"))
    with pytest.raises(UnreadableSource, match="is not an RSS or Atom feed"):
        list(read_feed(b"<html><body><p>An article page, not a feed.</p></body></html>", source="page.xml"))
    with pytest.raises(UnreadableSource, match="is a malformed feed with no entries"):
        list(read_feed(b"<?xml version='1.0'?><rss version='2.0'><channel><title>Cut", source="cut.xml"))


def test_feeds_cut_short_feed_keeps_its_whole_entries():
    feed = (b"<?xml version='1.0'?><rss version='2.0'><channel><title>T</title>"
            b"<item><title>Six killed in Brenn</title><guid>a</guid></item><item><title>Hal")
    whole, broken = read_feed(feed, source="cut.xml")
    assert whole.text == "Six killed in Brenn"
    assert isinstance(broken, FailedDocument)
    assert broken.source == "cut.xml#entry-2"
    assert "the feed is malformed (" in broken.reason


def test_feeds_empty_feed_gives_nothing():
    assert list(read_feed(b'<rss version="2.0"><channel><title>Quiet</title></channel></rss>', source="f")) == []


def test_feeds_external_entities_are_not_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("the-secret-value")
    feed = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY leak SYSTEM "file://{secret}">]>'
            '<rss version="2.0"><channel><title>T</title><item><title>Leak &leak; here</title>'
            "<description>Four killed.</description><guid>x</guid></item></channel></rss>").encode()
    items = list(read_feed(feed, source="f"))
    assert items and all("the-secret-value" not in str(item) for item in items)


def test_feeds_over_the_limit_fail(fixture_bytes):
    with pytest.raises(SourceTooLarge):
        list(read_feed(fixture_bytes("feed.rss"), source="f", max_bytes=100))


def test_feeds_date_with_a_trailing_zone_name_keeps_its_own_day():
    # Bug fix: a date with a zone name after its offset fell back to feedparser's UTC day.
    feed = (b'<rss version="2.0"><channel><title>C</title><item><title>T</title>'
            b"<description>Two guards were hurt.</description>"
            b"<pubDate>2026-03-03T23:30:00-05:00 EST</pubDate><guid>g1</guid></item></channel></rss>")
    [entry] = read_feed(feed, source="f")
    assert entry.published_at == "2026-03-03"
