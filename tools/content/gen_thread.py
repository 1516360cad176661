#!/usr/bin/env python3
"""Deterministic generator of large French comment threads.

Library:  generate(n, seed=42, start=BIG_THREAD_START) -> list of comments
CLI:      python3 tools/content/gen_thread.py N [--seed S] [--slug SLUG]
          prints a comments.json-shaped listing (see CONTRACT.md) on stdout.

With the defaults, `gen_thread.py 300` prints exactly the thread that
build.py writes for the big-thread article. Only `random.Random(seed)` is
used, so the output depends on N and the seed alone.
"""

import argparse
import json
import random
import sys
from datetime import datetime, timedelta

BIG_THREAD_SLUG = "stationnement-payant-centre"
BIG_THREAD_START = "2026-02-18T08:02:00+01:00"
MAX_DEPTH = 10          # a top-level comment has depth 0
TOP_LEVEL_SHARE = 0.4
DELETED_SHARE = 0.02

AUTHORS = [
    "Zineb_du_port", "karim.t", "Abdou75", "LectriceDuMardi", "Mehdi B.",
    "Sanaa", "vieux_tilwi", "Hajar K.", "rayane_93", "Touria", "Nabil",
    "Oum Yasmine", "le_pragmatique", "Samir de Sidi Bourja", "Kenza.L",
    "Bouchra", "Ahmed O.", "cycliste_en_colere", "Imad", "Latifa R.",
    "Soufiane", "Amal", "marchand_de_fruits", "Youssef K.", "Ghita",
    "Hamid l'ancien", "Salma B.", "Tarik", "Naïma", "un_riverain",
]

TITLES = [
    "Enfin", "Pas si simple", "Et les salariés ?", "Bonne idée", "Encore une taxe",
    "Bien vu", "Question", "Vécu ce matin", "Ça dépend", "Merci pour l'article",
    "N'importe quoi", "Réponse", "Précision", "Je confirme", "Et ailleurs ?",
    "Mon avis", "Exactement", "Hors sujet mais", "Les chiffres", "À suivre",
    "Le vrai problème", "Patience", "Et les livreurs ?", "Pas d'accord", "Oui mais",
]

OPENERS = [
    "Franchement, je ne m'attendais pas à ça.",
    "J'habite le centre depuis vingt ans.",
    "Je travaille avenue des Orangers et je viens de Hay Nakhla.",
    "Il faut regarder les choses en face.",
    "On en parlait justement hier au café.",
    "Je suis commerçant rue du Port.",
    "Je prends le bus tous les jours.",
    "Encore une décision prise sans nous demander notre avis.",
    "Pour une fois, la commune fait quelque chose.",
    "J'ai lu l'article deux fois.",
    "Ma mère ne conduit plus depuis longtemps.",
    "Ce matin j'ai tourné vingt minutes pour me garer.",
    "Je ne comprends pas tout ce débat.",
    "Soyons honnêtes deux secondes.",
    "Quand j'étais étudiant, on venait tous à pied.",
    "Les gardiens de voitures de mon quartier sont inquiets.",
    "J'ai vécu trois ans dans une ville qui a fait pareil.",
    "Je me permets de corriger un point.",
    "Rien de nouveau sous le soleil.",
    "Bravo à la journaliste pour le travail.",
]

MIDDLES = [
    "Quatre dirhams de l'heure, ce n'est pas rien quand on gagne le smic.",
    "Les places devant les boutiques sont prises par les mêmes voitures toute la journée.",
    "Sans vrais transports en commun, c'est mettre la charrue avant les bœufs.",
    "Le centre commercial va se frotter les mains.",
    "Ailleurs, ça a marché au bout de deux ou trois ans.",
    "Le tram de la ligne 3 devrait changer la donne.",
    "Les livreurs vont encore se garer en double file.",
    "L'abonnement résident est une bonne chose, il faut le reconnaître.",
    "Personne ne parle des personnes âgées qui ont besoin de leur voiture.",
    "Les recettes doivent aller à la voirie, pas ailleurs.",
    "Il faudrait déjà réparer les trottoirs.",
    "Un parking relais à l'entrée nord, on l'attend depuis des années.",
    "La première demi-heure gratuite, c'est le minimum.",
    "Les horodateurs vont tomber en panne au bout d'un mois.",
    "Les gardiens méritent un vrai contrat, c'est une bonne nouvelle pour eux.",
    "On verra bien au bilan de l'automne.",
    "Le problème, c'est qu'on a construit toute la ville pour la voiture.",
    "Je préfère payer que tourner en rond pendant une demi-heure.",
    "Le vélo, c'est bien, mais avec la côte de Hay Nakhla, bon courage.",
    "Il y a des places libres au parking souterrain, personne n'y va.",
    "Les commerçants se plaignent toujours, puis ils s'adaptent.",
    "Trois heures maximum, c'est trop court pour un rendez-vous médical.",
    "Les taxis ne s'arrêtent même plus au centre.",
    "Une ville qui respire, ça profite à tout le monde.",
    "On paie déjà assez d'impôts comme ça.",
]

CLOSERS = [
    "On en reparlera dans six mois.",
    "Bref, à voir.",
    "C'est mon avis, je le partage.",
    "Qui vivra verra.",
    "Je reste sceptique.",
    "Au moins, ça bouge.",
    "Merci de m'avoir lu.",
    "Voilà, c'est dit.",
    "Je suis curieux de voir la suite.",
    "Il faut essayer avant de juger.",
    "Dommage.",
    "Espérons que ça serve à quelque chose.",
]

REPLY_OPENERS = [
    "@{who} je ne suis pas d'accord.",
    "@{who} tout à fait.",
    "@{who} vous oubliez un détail.",
    "Je rejoins {who} sur ce point.",
    "@{who} vous avez des chiffres ?",
    "C'est exactement ce que je pense, {who}.",
    "@{who} ce n'est pas si simple.",
    "@{who} je vous rassure, ce n'est pas la fin du monde.",
    "Réponse à {who} :",
    "@{who} vous habitez où, au juste ?",
]


def _body(rng, parent_author):
    parts = []
    if parent_author is not None and rng.random() < 0.75:
        parts.append(rng.choice(REPLY_OPENERS).format(who=parent_author))
    elif rng.random() < 0.8:
        parts.append(rng.choice(OPENERS))
    parts.extend(rng.sample(MIDDLES, rng.randint(1, 3)))
    if rng.random() < 0.5:
        parts.append(rng.choice(CLOSERS))
    if len(parts) >= 3 and rng.random() < 0.25:
        cut = rng.randint(1, len(parts) - 1)
        return " ".join(parts[:cut]) + "\n\n" + " ".join(parts[cut:])
    return " ".join(parts)


def generate(n, seed=42, start=BIG_THREAD_START):
    """Return n comments (ids c1..cN), created_at strictly increasing."""
    rng = random.Random(seed)
    t = datetime.fromisoformat(start)
    comments, depth = [], []
    for i in range(n):
        t += timedelta(seconds=rng.randint(30, 900 + 3 * i))
        parent = None
        if i > 0 and rng.random() >= TOP_LEVEL_SHARE:
            if rng.random() < 0.35 and depth[i - 1] < MAX_DEPTH:
                parent = i - 1                       # a back-and-forth
            else:
                window = [j for j in range(max(0, i - 40), i)
                          if depth[j] < MAX_DEPTH]
                parent = rng.choice(window) if window else None
        depth.append(0 if parent is None else depth[parent] + 1)
        author = rng.choice(AUTHORS)
        parent_author = None if parent is None else comments[parent]["author"]
        if parent_author == author:
            author = AUTHORS[(AUTHORS.index(author) + 7) % len(AUTHORS)]
        c = {"id": f"c{i + 1}",
             "parent_id": None if parent is None else f"c{parent + 1}",
             "author": author}
        r = rng.random()
        if r < 0.8:
            c["title"] = rng.choice(TITLES)
        elif r < 0.88:
            c["title"] = ""
        c["body"] = _body(rng, parent_author)
        c["created_at"] = t.isoformat()
        c["status"] = "published"
        if i > 0 and rng.random() < DELETED_SHARE:
            c["status"], c["body"] = "deleted", ""
            c.pop("title", None)
        comments.append(c)
    return comments


def listing(slug, comments):
    published = sum(1 for c in comments if c["status"] == "published")
    return {"article": slug, "total": published, "comments": comments,
            "next": None}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of comments")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--slug", default=BIG_THREAD_SLUG)
    ap.add_argument("--start", default=BIG_THREAD_START,
                    help="RFC 3339 time of the first comment's predecessor")
    args = ap.parse_args(argv)
    if args.n < 0:
        ap.error("N must be >= 0")
    data = listing(args.slug, generate(args.n, args.seed, args.start))
    json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
