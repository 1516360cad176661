"""Sanity checks run by build.py before anything is written.

They pin down the properties the app's tests rely on, so that an edit to
the data cannot silently break them.
"""

from collections import Counter
from datetime import datetime

SHORT_SLUG = "budget-eau-casablanca"
EDGE_SLUG = "marche-central-renovation"


def _when(s):
    d = datetime.fromisoformat(s)
    assert d.tzinfo is not None, s
    return d


def _depths(thread):
    by_id = {c["id"]: c for c in thread}
    out = {}
    for c in thread:
        d, p = 0, c["parent_id"]
        while p in by_id:
            d, p = d + 1, by_id[p]["parent_id"]
        out[c["id"]] = d
    return out


def run(arts, threads, words, sections, slug_re, id_re):
    slugs = [a["slug"] for a in arts]
    assert len(arts) == 18 and len(set(slugs)) == 18
    assert all(slug_re.match(s) for s in slugs), slugs
    assert Counter(a["lang"] for a in arts) == {"fr": 13, "en": 3, "ar": 2}
    per_section = Counter(a["section"] for a in arts)
    assert per_section["maroc"] == 8
    assert all(per_section[s] >= 2 for s, _, _ in sections)
    assert len({_when(a["published_at"]) for a in arts}) == 18
    assert {a["published_at"][:4] for a in arts} == {"2024", "2025", "2026"}
    updated = [a for a in arts if a["updated_at"]]
    assert 3 <= len(updated) <= 5
    assert all(_when(a["updated_at"]) > _when(a["published_at"]) for a in updated)
    assert sum(a["image"] is None for a in arts) == 2
    assert sum(len(a["authors"]) == 2 for a in arts) == 1
    assert all(1 <= len(a["authors"]) <= 2 for a in arts)
    assert sum(not a["tags"] for a in arts) == 1
    assert all(2 <= len(a["tags"]) <= 4 for a in arts if a["tags"])
    closed = [a for a in arts if not a["comments_open"]]
    assert len(closed) == 1 and closed[0]["lang"] == "fr"
    assert sum(1 for t in threads.values() if not t) >= 4
    assert threads[closed[0]["slug"]], "closed article keeps a few comments"

    # Body blocks
    kinds = Counter()
    full = 0
    for a in arts:
        b = a["body"]
        types = {x["type"] for x in b}
        kinds.update(types)
        has_all = (types >= {"paragraph", "heading", "quote", "image", "list"}
                   and any("spans" in x for x in b)
                   and any("text" in x for x in b if x["type"] == "paragraph")
                   and {("cite" in x) for x in b if x["type"] == "quote"} == {True, False}
                   and {x["ordered"] for x in b if x["type"] == "list"} == {True, False})
        full += has_all
    assert full >= 3, full
    hrefs = [s["href"] for a in arts for x in a["body"]
             for s in x.get("spans", []) if "href" in s]
    assert sum(h.startswith("javascript:") for h in hrefs) == 1
    assert any(h.startswith("mailto:") for h in hrefs)
    assert any(h.startswith("https://") for h in hrefs)
    assert "/section/culture" in hrefs
    unknown = [a["slug"] for a in arts for x in a["body"]
               if x["type"] not in ("paragraph", "heading", "quote", "image", "list")]
    assert len(unknown) == 1, unknown
    images = [x for a in arts for x in a["body"] if x["type"] == "image"]
    assert sum("width" not in x for x in images) == 1

    # Lengths
    short = next(a for a in arts if a["slug"] == SHORT_SLUG)
    assert 400 <= words[SHORT_SLUG] <= 420, words[SHORT_SLUG]
    assert not any(x["type"] == "image" for x in short["body"])
    longest = max((a for a in arts if a["lang"] == "en"), key=lambda a: words[a["slug"]])
    assert 1150 <= words[longest["slug"]] <= 1300, words[longest["slug"]]
    for a in arts:
        w = words[a["slug"]]
        if a["lang"] == "ar":
            assert 300 <= w <= 500, (a["slug"], w)
        elif a is not longest:
            assert 250 <= w <= 700, (a["slug"], w)

    # Comments
    for a in arts:
        t = threads[a["slug"]]
        ids = [c["id"] for c in t]
        assert len(set(ids)) == len(ids) and all(id_re.match(i) for i in ids)
        pub = _when(a["published_at"])
        assert all(_when(c["created_at"]) > pub for c in t), a["slug"]
        assert all(c["status"] in ("published", "pending", "deleted") for c in t)
        assert all(c["status"] == "deleted" or c["body"] for c in t)
        if len(t) < 300:
            stamps = [_when(c["created_at"]) for c in t]
            assert stamps == sorted(stamps), a["slug"]
        missing = {c["parent_id"] for c in t} - set(ids) - {None}
        assert not missing or a["slug"] == EDGE_SLUG, (a["slug"], missing)
    edge = threads[EDGE_SLUG]
    deleted = [c["id"] for c in edge if c["status"] == "deleted"]
    assert any(sum(c["parent_id"] == d for c in edge) >= 2 for d in deleted)
    assert any(c["status"] == "pending" for c in edge)
    assert max(_depths(edge).values()) >= 8
    assert any(len(c["body"]) >= 2800 for c in edge)
    assert any(c.get("title") == "" for c in edge)
    assert any("title" not in c for c in edge)
    big = [t for t in threads.values() if len(t) == 300]
    assert len(big) == 1 and max(_depths(big[0]).values()) >= 8
