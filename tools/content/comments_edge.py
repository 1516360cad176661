"""The edge-case thread: every awkward comment the app must survive.

Same tuple shape as comments.py: c(id, parent, minutes, author, title, body,
status). Ids are plain ints (c2xx); c150 is referenced but never defined.
"""

EDGE_SLUG = "marche-central-renovation"

SCRIPT = '<script>alert("x")</script>'

LONG_BODY = "\n\n".join([
    "Je vais être un peu long, pardon d'avance, mais ce marché, c'est toute mon enfance et je ne peux pas lire cet article sans raconter ce qu'il représentait pour nous, les enfants du quartier des Tanneurs, dans les années quatre-vingt.",
    "Le samedi matin, ma grand-mère me tirait du lit avant sept heures. On descendait la rue à pied, avec deux couffins en osier qui me paraissaient immenses. Elle connaissait chaque marchand par son prénom, et chaque marchand connaissait le prénom de tous ses petits-enfants. On commençait toujours par le marchand d'herbes, un vieux monsieur qui sentait la menthe et la coriandre et qui me donnait une branche de verveine à mâchonner pendant que les adultes discutaient des prix, de la pluie et des mariages à venir.",
    "Ensuite, c'était le tour du poisson. Je détestais cette allée, l'odeur, le sol mouillé, les cris, mais j'adorais regarder les sardines briller sous la lumière grise qui tombait des verrières. Ces verrières, justement, étaient déjà sales et à moitié cassées à l'époque, et des pigeons entraient et sortaient comme chez eux. Je suis content de lire qu'on les a conservées. J'ai hâte de voir la lumière qu'elles donnent maintenant qu'elles sont propres.",
    "Il y avait aussi le coin des épices, tout au fond, où un homme très grand broyait le cumin dans un mortier en cuivre. Le bruit résonnait dans toute la halle, comme une horloge. Je ne sais pas s'il s'agit du père ou du grand-père du marchand cité dans l'article, mais si c'est le cas, je lui souhaite de tenir bien plus d'un an. Les loyers, je comprends qu'il faille payer les travaux, mais si le marché perd ses anciens marchands, il perd ce qui faisait de lui autre chose qu'un supermarché avec une belle charpente.",
    "Ce que je retiens surtout, c'est le bruit. Pas un bruit désagréable, plutôt une sorte de musique faite de dizaines de conversations en même temps, de balances qui cliquettent, de caisses en bois qu'on traîne sur le carrelage et de radios qui diffusaient trois chansons différentes à dix mètres d'écart. Dans mon souvenir, personne ne parlait à voix basse au marché, même pour dire un secret.",
    "Je vis à l'étranger depuis vingt ans maintenant. Je rentre deux fois par an et, à chaque fois, la première chose que je faisais était de passer au marché, même fermé, même derrière les palissades du chantier. Je regardais par les trous entre les planches. Un gardien a fini par me reconnaître et par me laisser jeter un coup d'œil l'été dernier. Il y avait des échafaudages partout et la charpente était démontée, posée au sol en pièces numérotées comme un immense jeu de construction.",
    "Tout ça pour dire merci à la journaliste pour cet article, et merci à ceux qui ont travaillé sur le chantier. J'espère que la commune saura tenir sa promesse d'aide pour les anciens occupants. Je reviens en avril, j'irai acheter de la menthe en pensant à ma grand-mère, et je vous dirai ici si la harira du fond de la halle est à la hauteur de celle d'autrefois.",
])


def c(cid, parent, minutes, author, title, body, status="published"):
    return dict(id=cid, parent=parent, minutes=minutes, author=author,
                title=title, body=body, status=status)


EDGE_THREAD = [
    c(201, None, 20, "Ghita", "Enfin rouvert", "Je suis passée ce matin. Les allées sont enfin praticables avec une poussette."),
    c(202, 201, 34, "Youssef K.", None, "Et les toilettes ! Une révolution."),
    c(203, None, 41, "anonyme_en_colere", None, "", status="deleted"),
    c(204, 203, 55, "Tarik", "Il a dit quoi ?", "J'ai raté le message supprimé. Quelqu'un peut résumer sans se faire supprimer à son tour ?"),
    c(205, None, 63, "Sanaa", "En attente ?", "Je poste ce commentaire pour voir s'il passe la modération.", status="pending"),
    c(206, 203, 70, "Latifa R.", "Modération", "Il insultait les marchands. La modération a bien fait."),
    c(207, "c150", 88, "vieux_tilwi", "Suite de la discussion d'hier", "Je réponds au message d'hier sur les loyers, qui semble avoir disparu. Mon voisin paie maintenant 2 400 dirhams par mois pour un étal de trois mètres."),
    c(208, None, 102, "سعيد", "سوق جميل", "زرت السوق صباح السبت، والسقف الجديد رائع. أتمنى أن تبقى الأسعار في متناول الجميع."),
    c(209, None, 130, "Naïma", "Trois choses",
      "Trois remarques après ma visite.\n\nUn : les étals sont plus hauts, c'est mieux pour le dos des marchands.\nDeux : la lumière est magnifique.\nTrois : il manque des bancs.\n\nEt une question pour finir :\nqui s'occupe des horaires ? Je travaille jusqu'à 19 heures.\n\nMerci."),
    c(210, None, 155, "Mehdi B.", "Liens utiles",
      "Le dossier du projet est en ligne ici : https://example.org/tilwa/marche-central/dossier.pdf et l'ancienne page de la commune, toujours en http, est encore là : http://example.org/tilwa/marche-ancien (attention, elle n'est plus à jour)."),
    c(211, None, 170, SCRIPT, SCRIPT, "Je teste si votre site échappe correctement les balises. Si vous voyez une alerte, il y a un problème."),
    c(212, None, 182, "curieux_du_web", "Balises", "Et celle-ci : <img src=x onerror=alert(1)> ? Et du <b>bold?</b> au milieu d'une phrase, pour voir."),
    c(213, None, 195, "Bouchra", "", "Pas de titre, j'ai la flemme. Le marché est beau, c'est tout."),
    c(214, None, 260, "ancien_des_tanneurs", "Souvenirs d'un enfant du marché", LONG_BODY),
    c(215, None, 300, "Soufiane", "Les loyers", "Les loyers ont doublé, c'est un scandale."),
    c(216, 215, 310, "Ahmed O.", "Re: Les loyers", "Les travaux ont coûté 64 millions, il faut bien payer."),
    c(217, 216, 318, "Soufiane", "Re: Re: Les loyers", "Pas sur le dos de ceux qui gagnent le moins."),
    c(218, 217, 325, "Ahmed O.", "Alors qui ?", "Alors qui ? Les impôts de tout le monde ?"),
    c(219, 218, 333, "Soufiane", "Oui", "Oui, c'est un équipement public, comme une école."),
    c(220, 219, 340, "Hajar K.", "Entre les deux", "Une aide sur trois ans, c'est déjà un compromis, non ?"),
    c(221, 220, 352, "Soufiane", None, "Si elle est versée. Plusieurs bouchers disent n'avoir rien reçu."),
    c(222, 221, 365, "Ahmed O.", "D'accord là-dessus", "Là-dessus, je vous rejoins : il faut que la commune publie les montants."),
    c(223, 222, 380, "Hajar K.", "Fin du débat ?", "Voilà, vous êtes d'accord. On peut aller acheter des clémentines maintenant."),
    c(224, None, 1450, "Touria", "Horaires du vendredi", "Merci pour la mise à jour sur les horaires du vendredi."),
]
