"""Small abstract SVG illustrations, derived deterministically from a name.

No text, no external references, no scripts: gradients and flat shapes only.
Every file carries width, height and a matching viewBox.
"""

import hashlib

PALETTES = {
    "terracotta": ("#f4a259", "#bc4b51", "#5b8e7d", "#f4e285"),
    "ocean": ("#1d3557", "#457b9d", "#a8dadc", "#f1faee"),
    "oasis": ("#264653", "#2a9d8f", "#e9c46a", "#f4a261"),
    "dusk": ("#3d405b", "#e07a5f", "#f2cc8f", "#81b29a"),
    "night": ("#0b132b", "#3a506b", "#5bc0be", "#fcbf49"),
    "ochre": ("#6b4226", "#c08552", "#f3e9dc", "#895737"),
}

# Motif and palette per file, chosen so that the alt texts stay truthful.
ART = {
    "tram-ligne-3-tilwa": ("sun", "terracotta"),
    "tram-chantier": ("grid", "terracotta"),
    "stationnement-payant-centre": ("grid", "dusk"),
    "marche-central-renovation": ("arcs", "ochre"),
    "marche-halles": ("arcs", "terracotta"),
    "budget-eau-casablanca": ("waves", "ocean"),
    "bibliotheque-municipale-reouverture": ("grid", "oasis"),
    "ecoles-rurales-bus-scolaire": ("waves", "oasis"),
    "cooperative-argan-ida-ouzal": ("sun", "ochre"),
    "startup-livraison-velo": ("arcs", "oasis"),
    "festival-cinema-tilwa": ("waves", "night"),
    "festival-ecran": ("sun", "night"),
    "conservatoire-musique-andalouse": ("arcs", "terracotta"),
    "saison-chabab-tilwa": ("sun", "oasis"),
    "solar-valley-long-read": ("sun", "terracotta"),
    "solar-night-shift": ("grid", "night"),
    "tilwa-half-marathon": ("waves", "ocean"),
    "coastal-cities-water-forum": ("arcs", "ocean"),
    "qura-al-atlas-miyah": ("waves", "ocean"),
    "maarid-al-khatt": ("arcs", "night"),
    "khatt-motif": ("arcs", "ochre"),
}


class _Dice:
    """Deterministic numbers drawn from the SHA-256 of a name."""

    def __init__(self, name):
        self.data = b""
        self.seed = name.encode("utf-8")
        self.pos = 0
        self.counter = 0

    def byte(self):
        if self.pos >= len(self.data):
            self.data = hashlib.sha256(self.seed + bytes([self.counter])).digest()
            self.counter = (self.counter + 1) % 256
            self.pos = 0
        self.pos += 1
        return self.data[self.pos - 1]

    def int(self, lo, hi):
        return lo + (self.byte() * 256 + self.byte()) % (hi - lo + 1)


def _sun(d, w, h, pal):
    cx, cy, r = d.int(w // 4, 3 * w // 4), d.int(h // 4, h // 2), d.int(h // 6, h // 3)
    out = [f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="{pal[3]}" opacity=".9"/>']
    y = h * 3 // 5
    for i in range(4):
        band = d.int(h // 16, h // 9)
        out.append(f'<rect x="0" y="{y}" width="{w}" height="{band}" '
                   f'fill="{pal[i % 3]}" opacity=".{6 + i}"/>')
        y += band + d.int(4, h // 20)
    return out


def _waves(d, w, h, pal):
    out = []
    segs, flip = d.int(2, 6), d.int(0, 1)
    for i in range(5):
        y0 = h * (i + 3) // 9 - d.int(0, h // 12)
        a = d.int(h // 30, h // 8)
        seg = w // segs
        path = f"M0 {y0}"
        for k in range(segs):
            x1, x2 = k * seg + seg // 2, (k + 1) * seg
            sign = a if (k + flip) % 2 == 0 else -a
            path += f" Q{x1} {y0 - sign} {x2} {y0}"
        path += f" L{w} {y0} V{h} H0Z"
        out.append(f'<path d="{path}" fill="{pal[i % 4]}" opacity=".{5 + i}"/>')
    return out


def _grid(d, w, h, pal):
    out = []
    cols, rows = d.int(5, 8), d.int(3, 5)
    cw, ch = w // cols, h // rows
    for r in range(rows):
        for k in range(cols):
            if d.byte() % 3 == 0:
                continue
            pad = d.int(6, cw // 5)
            out.append(f'<rect x="{k * cw + pad}" y="{r * ch + pad}" '
                       f'width="{cw - 2 * pad}" height="{ch - 2 * pad}" rx="{pad}" '
                       f'fill="{pal[d.byte() % 4]}" opacity=".8"/>')
    return out[:20]


def _arcs(d, w, h, pal):
    cx, cy = d.int(0, w), d.int(h // 2, h)
    out = []
    for i in range(7, 0, -1):
        r = i * max(w, h) // 9
        out.append(f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="none" '
                   f'stroke="{pal[i % 4]}" stroke-width="{d.int(8, 40)}" opacity=".7"/>')
    return out


MOTIFS = {"sun": _sun, "waves": _waves, "grid": _grid, "arcs": _arcs}


def make_svg(name, width, height):
    """Return the SVG document (str) for `name` at width x height."""
    d = _Dice(name)
    pal_name = sorted(PALETTES)[d.byte() % len(PALETTES)]
    motif_name = sorted(MOTIFS)[d.byte() % len(MOTIFS)]
    motif_name, pal_name = ART.get(name, (motif_name, pal_name))
    pal, motif = PALETTES[pal_name], MOTIFS[motif_name]
    angle = d.int(0, 1)
    x2, y2 = ("1", "1") if angle else ("0", "1")
    shapes = "\n".join(motif(d, width, height, pal))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">\n'
        f'<defs><linearGradient id="g" x1="0" y1="0" x2="{x2}" y2="{y2}">'
        f'<stop offset="0" stop-color="{pal[0]}"/>'
        f'<stop offset="1" stop-color="{pal[1]}"/></linearGradient></defs>\n'
        f'<rect width="{width}" height="{height}" fill="url(#g)"/>\n'
        f"{shapes}\n</svg>\n"
    )
