"""Hand-written comment threads, plus the generated big thread.

A comment is written as c(id, parent, minutes, author, title, body, status):
`minutes` counts from the article's publication time; `title=None` leaves the
field out. build.py turns these into contract-shaped dicts sorted by time.
"""

from comments_edge import EDGE_SLUG, EDGE_THREAD
from gen_thread import BIG_THREAD_SLUG, BIG_THREAD_START, generate


def c(cid, parent, minutes, author, title, body, status="published"):
    return dict(id=cid, parent=parent, minutes=minutes, author=author,
                title=title, body=body, status=status)


THREADS = {
    "tram-ligne-3-tilwa": [
        c(101, None, 42, "Zineb_du_port", "Enfin !", "Quinze ans qu'on attend ça. Je prendrai le tram dès le premier jour, même si c'est pour aller nulle part."),
        c(102, 101, 58, "karim.t", "Pas si vite", "Attendez de voir les prix du ticket avant de sortir les youyous."),
        c(103, 102, 71, "Zineb_du_port", "Re: Pas si vite", "Le ticket unique est annoncé au même prix que le bus, c'est écrit dans l'article."),
        c(104, 103, 95, "karim.t", "Autant pour moi", "J'avais lu en diagonale. Bon, alors je retire mes youyous ironiques."),
        c(105, None, 130, "Hajar K.", "Et le boulevard de la Source ?", "Deux voies en moins pour les voitures, ça va être l'enfer aux heures de pointe, au moins au début."),
        c(106, 105, 151, "cycliste_en_colere", "Tant mieux", "Moins de voitures, c'est exactement le but. Et les arbres, vous les oubliez ?"),
        c(107, 106, 187, "Hajar K.", "Re: Tant mieux", "Je ne suis pas contre, je dis juste qu'il faudra de la patience.\nEt des feux mieux réglés."),
        c(108, None, 240, "vieux_tilwi", "Les canalisations", "Huit mois de retard pour des tuyaux que personne n'avait mis sur un plan. Ça ne m'étonne pas du tout de cette ville."),
        c(109, None, 410, "Oum Yasmine", "Merci pour la carte", "Vivement la carte des stations. Est-ce qu'il y aura un arrêt près de l'école Al Amal ?"),
        c(110, 109, 452, "Mehdi B.", "Réponse", "D'après le plan affiché à la mairie, oui, à deux cents mètres environ."),
        c(111, None, 1500, "Samir de Sidi Bourja", "Le bruit des essais", "Les essais de nuit passent sous mes fenêtres à deux heures du matin. J'ai écrit à l'adresse indiquée, on verra."),
        c(112, 111, 1620, "Touria", "Pareil", "Même chose rue des Tisserands. Au moins ça ne dure qu'un mois."),
    ],
    "budget-eau-casablanca": [
        c(121, None, 25, "Abdou75", "Il était temps", "Un litre sur quatre perdu, c'est énorme. On culpabilise les gens pour leurs douches pendant que les tuyaux fuient."),
        c(122, 121, 48, "LectriceDuMardi", "Les deux", "Il faut faire les deux, réparer et économiser. Ce n'est pas l'un ou l'autre."),
        c(123, 122, 66, "Abdou75", "Re: Les deux", "D'accord, mais commencez par ceux qui gaspillent le plus. Les golfs, par exemple."),
        c(124, None, 180, "Kenza.L", "Coupures", "Chez nous les coupures commencent vers minuit. On remplit des bidons tous les soirs."),
        c(125, None, 305, "le_pragmatique", "Et le tableau de bord ?", "Si le tableau de bord mensuel n'est pas dans le texte voté, il n'existera jamais."),
        c(126, 125, 340, "Ghita", None, "Il est prévu dans un amendement, d'après le compte rendu de séance."),
    ],
    "festival-cinema-tilwa": [
        c(131, None, 60, "Salma B.", "Le pull", "Le conseil du pull est le meilleur conseil de l'article. J'ai eu froid trois soirs l'an dernier."),
        c(132, None, 95, "Tarik", "Ciné-concert", "Quelqu'un sait quel film est projeté pour l'ouverture ?"),
        c(133, 132, 120, "Naïma", "Réponse", "Un film muet restauré, accompagné par un orchestre de la ville. Je n'en sais pas plus."),
        c(134, 133, 170, "Tarik", "Merci", "Parfait, j'y serai."),
        c(135, None, 600, "Imad", "Le documentaire", "J'ai vu le documentaire sur les pêcheurs en avant-première. Allez-y, c'est magnifique, on sent le sel."),
        c(136, 135, 690, "Amal", "D'accord", "Mon oncle est dedans ! Il est très fier, même s'il dit qu'il parle trop."),
        c(137, 136, 720, "Imad", None, "Il ne parle pas trop, il raconte bien."),
        c(138, None, 2880, "un_riverain", "Stationnement", "Prévoyez de venir à pied, la corniche était bloquée toute la soirée d'hier."),
    ],
    "startup-livraison-velo": [
        c(141, None, 33, "cycliste_en_colere", "Les pistes", "Le dernier paragraphe dit tout. Sans pistes cyclables, les coursiers risquent leur vie tous les jours."),
        c(142, 141, 77, "Youssef K.", "Pas que", "Les motos risquent aussi leur vie. Le problème, c'est la circulation en général."),
        c(143, None, 210, "Bouchra", "Salariés", "Bravo pour les contrats. Ça devrait être la norme, pas une exception."),
        c(144, None, 600, "Ahmed O.", "Question", "Ils recrutent ? Mon fils cherche un travail pour l'été."),
    ],
    "saison-chabab-tilwa": [
        c(151, None, 5, "vieux_tilwi", "Quelle soirée", "Quarante ans que je vais au stade, je n'ai jamais eu aussi peur. Et jamais été aussi heureux."),
        c(152, 151, 9, "rayane_93", "Pareil", "J'ai perdu ma voix à la 87e. Ouali président !"),
        c(153, 152, 14, "Soufiane", "Re: Pareil", "Ouali président, mais il faudrait qu'il arrête de concéder des penaltys."),
        c(154, 153, 20, "rayane_93", "Re: Re: Pareil", "Laisse-nous profiter ce soir, les critiques c'est pour demain."),
        c(155, None, 35, "Latifa R.", "L'entraîneur", "Saadi a fait un travail incroyable depuis janvier. Il faut le prolonger tout de suite."),
        c(156, 155, 62, "Hamid l'ancien", "Oui mais", "Il faudra aussi des renforts, on ne peut pas compter que sur les jeunes."),
        c(157, 156, 80, "Latifa R.", None, "Les jeunes nous ont sauvés ce soir. Je leur fais confiance."),
        c(158, None, 140, "Nabil", "Le public", "18 000 personnes un dimanche soir. Voilà la vraie victoire de la saison."),
        c(159, None, 700, "Sanaa", "Sécurité", "La sortie du stade était très mal organisée. Une seule porte ouverte côté corniche, on a attendu une heure."),
        c(160, 159, 760, "Nabil", "Vrai", "C'est vrai, il faudra le signaler au club."),
    ],
    "bibliotheque-municipale-reouverture": [
        c(171, None, 90, "Imane_bac", "Merci !", "C'est moi dans l'article. Venez réviser, il reste de la place le soir !"),
        c(172, 171, 130, "Oum Yasmine", "Bon courage", "Bon courage pour le bac, ma fille. Tu as raison de t'accrocher."),
        c(173, None, 400, "Hamid l'ancien", "Des livres à donner", "J'ai deux cartons de romans en français et en arabe. Qui dois-je contacter ?"),
        c(174, 173, 460, "LectriceDuMardi", "Réponse", "Il faut les déposer à l'accueil, du mardi au samedi. Ils trient eux-mêmes."),
        c(175, None, 1300, "Naïma", "Le jardin", "La salle vitrée sur le jardin est superbe. Enfin un bâtiment public agréable."),
    ],
    "cooperative-argan-ida-ouzal": [
        c(181, None, 120, "Ghita", "Bravo", "Bravo aux productrices. J'ai commandé la semaine dernière, l'huile est arrivée en deux jours."),
        c(182, None, 300, "le_pragmatique", "Et les grossistes ?", "Les grossistes vont-ils se laisser faire ? J'ai des doutes."),
        c(183, 182, 420, "Sofia_agadir", "Réponse", "Ils achètent toujours les deux tiers de la production. Personne n'a coupé les ponts."),
    ],
    "conservatoire-musique-andalouse": [
        c(191, None, 150, "Hamid l'ancien", "Belle nouvelle", "Mon père jouait du rebab. Je suis heureux de voir que la relève est là."),
        c(192, 191, 260, "Kenza.L", "Et vous ?", "Vous jouez aussi ? Il y a une classe pour adultes le samedi."),
        c(193, 192, 300, "Hamid l'ancien", None, "À mon âge ? Pourquoi pas, après tout. Merci."),
    ],
    "a-propos-de-la-gazette": [
        c(91, None, 200, "LectriceDuMardi", "Bonne chance", "Bienvenue à La Gazette. Un journal local en ligne qui prend son temps, ça manquait."),
        c(92, None, 1440, "karim.t", "Question", "Est-ce que vous comptez publier plus d'articles en arabe ?"),
        c(93, 92, 1500, "La rédaction", "Réponse de la rédaction", "Oui, nous y travaillons. Merci pour votre question et bonne lecture."),
    ],
    "tilwa-half-marathon": [
        c(301, None, 50, "Sam_runs", "Great race", "Ran it with my sister, our first half marathon. The fishermen in yellow were the best part."),
        c(302, 301, 85, "Rita O.", "Congrats!", "Well done to both of you. What was your time?"),
        c(303, 302, 120, "Sam_runs", "Re: Congrats!", "Just under two hours and ten minutes. Not fast, but we finished smiling."),
        c(304, None, 300, "coastal_jogger", "The wind", "That headwind on the way back along the corniche was brutal. Respect to the winners."),
        c(305, None, 900, "M. Alaoui", "Wheelchair race", "Great to see the wheelchair category. I hope it grows next year."),
    ],
    "maarid-al-khatt": [
        c(401, None, 70, "أمين", "معرض رائع", "زرت المعرض أمس مع أبنائي. الجدارية الكبيرة مدهشة فعلا."),
        c(402, None, 160, "خديجة ب.", "سؤال", "هل الورشات مفتوحة للكبار أيضا أم للتلاميذ فقط؟"),
        c(403, 402, 210, "مريم", "جواب", "سألت في الرواق، ويوجد موعد خاص للكبار يوم السبت صباحا."),
        c(404, None, 480, "يوسف", "شكرا للكاتبة", "مقال جميل يعيد الاعتبار لفن يستحق الاهتمام."),
        c(405, None, 1200, "سلمى", "الإنارة", "الأعمال رائعة لكن الإنارة في القاعة الثانية ضعيفة بعض الشيء."),
        c(406, None, 2900, "عبد الله", "أتمنى أن يستمر", "أتمنى أن يصبح المعرض موعدا سنويا كما قالت المديرة."),
    ],
    EDGE_SLUG: EDGE_THREAD,
}

EMPTY = [
    "coastal-cities-water-forum",
    "qura-al-atlas-miyah",
    "solar-valley-long-read",
    "ecoles-rurales-bus-scolaire",
    "accord-peche-mediterranee",
]


def big_thread():
    """The 300-comment thread (same generator as the gen_thread.py CLI)."""
    return BIG_THREAD_SLUG, generate(300, seed=42, start=BIG_THREAD_START)
