"""Small constructors for article body blocks (see CONTRACT.md, "Blocks").

Keeping the article files terse: each helper returns a plain dict with a
stable key order, so the JSON output is deterministic.
"""


def P(text):
    """Paragraph with plain text."""
    return {"type": "paragraph", "text": text}


def S(*parts):
    """Paragraph made of spans; a bare string is a plain span."""
    spans = [{"text": p} if isinstance(p, str) else p for p in parts]
    return {"type": "paragraph", "spans": spans}


def em(text):
    return {"text": text, "em": True}


def strong(text):
    return {"text": text, "strong": True}


def link(text, href, em=False, strong=False):
    span = {"text": text, "href": href}
    if em:
        span["em"] = True
    if strong:
        span["strong"] = True
    return span


def H(text):
    return {"type": "heading", "text": text}


def Q(text, cite=None):
    block = {"type": "quote", "text": text}
    if cite is not None:
        block["cite"] = cite
    return block


def IMG(name, alt, caption=None, credit=None, size=(800, 600)):
    """Body image; `size=None` leaves out width and height."""
    block = {"type": "image", "src": f"/media/{name}.svg", "alt": alt}
    if caption is not None:
        block["caption"] = caption
    if credit is not None:
        block["credit"] = credit
    if size is not None:
        block["width"], block["height"] = size
    return block


def UL(*items):
    return {"type": "list", "ordered": False, "items": list(items)}


def OL(*items):
    return {"type": "list", "ordered": True, "items": list(items)}


def RAW(**fields):
    """A block of a type the contract does not know (the app must skip it)."""
    return dict(fields)
