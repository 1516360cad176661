#!/usr/bin/env python3
"""Build the static demo API of La Gazette.

    python3 tools/content/build.py        (from the repo root)

Deletes and rewrites public/api/ and public/media/ from the data modules in
this folder. The output is deterministic: same bytes on every run.
"""

import json
import os
import re
import shutil
import sys
from datetime import datetime, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # keep tools/content/ free of __pycache__

import articles_ar  # noqa: E402
import articles_en  # noqa: E402
import articles_fr1  # noqa: E402
import articles_fr2  # noqa: E402
import articles_fr3  # noqa: E402
import comments  # noqa: E402
from svg import make_svg  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(HERE))
API = os.path.join(ROOT, "public", "api")
MEDIA = os.path.join(ROOT, "public", "media")

FRONT_PAGE_SIZE = 10
SECTION_PAGE_SIZE = 6
HERO_SIZE = (1200, 675)
BODY_IMAGE_SIZE = (800, 600)

SECTIONS = [
    ("maroc", "Maroc", "L'actualité de Tilwa, de ses quartiers et des régions du Royaume."),
    ("economie", "Économie", "Entreprises, coopératives, emploi et budgets publics."),
    ("culture", "Culture", "Cinéma, musique, livres, expositions et patrimoine."),
    ("sport", "Sport", "Football, athlétisme et sport amateur, du stade au quartier."),
    ("monde", "Monde", "Ce qui se passe ailleurs et qui nous concerne ici."),
]
SECTION_NAMES = {slug: name for slug, name, _ in SECTIONS}

SITE = {
    "name": "La Gazette",
    "tagline": "L'actualité de Tilwa et d'ailleurs, sans hâte et sans cris",
    "lang": "fr",
    "sections": [{"slug": s, "name": n, "description": d} for s, n, d in SECTIONS],
    "footer_links": [
        {"label": "À propos", "href": "/article/a-propos-de-la-gazette"},
        {"label": "Mentions légales", "href": "https://example.org/gazette/mentions-legales"},
        {"label": "Nous contacter", "href": "https://example.org/gazette/contact"},
    ],
    "comments": {"enabled": True, "posting": True, "max_body": 4000,
                 "max_title": 120, "max_author": 60},
}

SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,80}$")
ID_RE = re.compile(r"^c[0-9]+$")
ELIDED_RE = re.compile(r"^(?:jusqu|lorsqu|puisqu|qu|[ldjnscmt])['’](.+)$",
                       re.IGNORECASE)


# --------------------------------------------------------------- word count

def count_words(text, lang):
    """Words in `text`: whitespace-separated tokens holding an alphanumeric
    char; in French an elided token (l'eau, qu'il, jusqu'à) counts twice."""
    n = 0
    for token in text.split():
        if not any(ch.isalnum() for ch in token):
            continue
        n += 1
        if lang == "fr":
            m = ELIDED_RE.match(token)
            if m and any(ch.isalnum() for ch in m.group(1)):
                n += 1
    return n


def body_text(body):
    """All countable text of a body: paragraphs, headings, quotes (+cite),
    list items and image captions. Unknown blocks contribute nothing."""
    parts = []
    for b in body:
        t = b.get("type")
        if t == "paragraph":
            parts.append(b["text"] if "text" in b
                         else "".join(s["text"] for s in b["spans"]))
        elif t == "heading":
            parts.append(b["text"])
        elif t == "quote":
            parts.append(b["text"] + " " + b.get("cite", ""))
        elif t == "list":
            parts.extend(b["items"])
        elif t == "image":
            parts.append(b.get("caption", ""))
    return "\n".join(parts)


# ----------------------------------------------------------------- articles

def load_articles():
    arts = (articles_fr1.ARTICLES + articles_fr2.ARTICLES + articles_fr3.ARTICLES
            + articles_en.ARTICLES + articles_ar.ARTICLES)
    return sorted(arts, key=lambda a: when(a["published_at"]), reverse=True)


def when(stamp):
    return datetime.fromisoformat(stamp)


def build_comments(article):
    """Contract-shaped comments for one article, oldest first."""
    slug = article["slug"]
    big_slug, big = comments.big_thread()
    if slug == big_slug:
        return big
    pub = when(article["published_at"])
    out = []
    for raw in comments.THREADS.get(slug, []):
        parent = raw["parent"]
        if isinstance(parent, int):
            parent = f"c{parent}"
        c = {"id": f"c{raw['id']}", "parent_id": parent, "author": raw["author"]}
        if raw["title"] is not None:
            c["title"] = raw["title"]
        c["body"] = raw["body"]
        c["created_at"] = (pub + timedelta(minutes=raw["minutes"])).isoformat()
        c["status"] = raw["status"]
        out.append(c)
    out.sort(key=lambda c: (when(c["created_at"]), int(c["id"][1:])))
    return out


def hero(article):
    img = article["image"]
    w, h = HERO_SIZE
    return {"src": f"/media/{article['slug']}.svg", "alt": img["alt"],
            "credit": img["credit"], "width": w, "height": h}


def summary(a, words, n_comments):
    s = {"slug": a["slug"], "title": a["title"], "lede": a["lede"],
         "section": {"slug": a["section"], "name": SECTION_NAMES[a["section"]]},
         "lang": a["lang"], "published_at": a["published_at"],
         "updated_at": a["updated_at"]}
    if a["image"] is not None:
        s["image"] = hero(a)
    s["word_count"] = words
    s["comment_count"] = n_comments
    return s


def pick_related(a, arts):
    def score(b):
        return (3 * (b["section"] == a["section"])
                + 2 * len(set(a["tags"]) & set(b["tags"]))
                + (b["lang"] == a["lang"]))
    others = [b for b in arts if b["slug"] != a["slug"]]
    others.sort(key=lambda b: (-score(b), -when(b["published_at"]).timestamp(),
                               b["slug"]))
    n = 3 if score(others[2]) >= 2 else 2
    return [b["slug"] for b in others[:n]]


# -------------------------------------------------------------------- write

def write_json(rel, data):
    path = os.path.join(API, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.write("\n")


def write_pages(first, rest_dir, section, items, size):
    pages = [items[i:i + size] for i in range(0, len(items), size)] or [[]]
    for k, page in enumerate(pages, start=1):
        rel = first if k == 1 else f"{rest_dir}/page-{k}.json"
        nxt = f"{rest_dir}/page-{k + 1}.json" if k < len(pages) else None
        write_json(rel, {"section": section, "articles": page, "next": nxt})


def media_files(arts):
    files = {}
    for a in arts:
        if a["image"] is not None:
            files[a["slug"]] = HERO_SIZE
        for b in a["body"]:
            if b.get("type") == "image":
                name = b["src"][len("/media/"):-len(".svg")]
                size = (b["width"], b["height"]) if "width" in b else BODY_IMAGE_SIZE
                assert files.get(name, size) == size, name
                files.setdefault(name, size)
    return files


def main():
    arts = load_articles()
    threads = {a["slug"]: build_comments(a) for a in arts}
    words = {a["slug"]: count_words(body_text(a["body"]), a["lang"]) for a in arts}
    counts = {s: sum(c["status"] == "published" for c in t)
              for s, t in threads.items()}
    summ = {a["slug"]: summary(a, words[a["slug"]], counts[a["slug"]]) for a in arts}

    import checks  # validation lives apart to keep this file short
    checks.run(arts, threads, words, SECTIONS, SLUG_RE, ID_RE)

    for d in (API, MEDIA):
        shutil.rmtree(d, ignore_errors=True)
    os.makedirs(MEDIA)

    write_json("site.json", SITE)
    write_pages("front.json", "front", None,
                [summ[a["slug"]] for a in arts], FRONT_PAGE_SIZE)
    for slug, name, desc in SECTIONS:
        items = [summ[a["slug"]] for a in arts if a["section"] == slug]
        write_pages(f"sections/{slug}.json", f"sections/{slug}",
                    {"slug": slug, "name": name, "description": desc},
                    items, SECTION_PAGE_SIZE)
    for a in arts:
        slug = a["slug"]
        art = dict(summ[slug])
        art["authors"] = [{"name": n} for n in a["authors"]]
        art["body"] = a["body"]
        art["tags"] = a["tags"]
        art["related"] = [summ[r] for r in pick_related(a, arts)]
        art["comments_open"] = a["comments_open"]
        write_json(f"articles/{slug}.json", art)
        write_json(f"articles/{slug}/comments.json",
                   {"article": slug, "total": counts[slug],
                    "comments": threads[slug], "next": None})

    for name, (w, h) in sorted(media_files(arts).items()):
        svg = make_svg(name, w, h).encode("utf-8")
        assert len(svg) < 3072, (name, len(svg))
        with open(os.path.join(MEDIA, f"{name}.svg"), "wb") as f:
            f.write(svg)

    if "-q" not in sys.argv:
        for a in arts:
            s = a["slug"]
            print(f"{s:38} {a['lang']}  {a['section']:9} {words[s]:5} words "
                  f"{counts[s]:4} comments")


if __name__ == "__main__":
    main()
