"""Just enough Dutch grammar to join an object and a problem: singular or plural verb."""

import re

VERBS = ("is:zijn staat:staan ligt:liggen zit:zitten doet:doen brandt:branden gaat:gaan knippert:knipperen"
         " wordt:worden hangt:hangen heeft:hebben geeft:geven flikkert:flikkeren steekt:steken wiebelt:wiebelen"
         " puilt:puilen stroomt:stromen blaft:blaffen loopt:lopen maakt:maken bromt:brommen zoemt:zoemen"
         " stinkt:stinken draait:draaien leest:lezen klemt:klemmen groeit:groeien neemt:nemen blokkeert:blokkeren"
         " reageert:reageren springt:springen rijdt:rijden scheurt:scheuren handelt:handelen gebruikt:gebruiken"
         " bedelt:bedelen slaapt:slapen woont:wonen veroorzaakt:veroorzaken blaast:blazen begint:beginnen"
         " zet:zetten gooit:gooien laat:laten parkeert:parkeren verspreidt:verspreiden werkt:werken vaart:varen"
         " schreeuwt:schreeuwen blowt:blowen ziet:zien moet:moeten mist:missen rookt:roken stookt:stoken"
         " drijft:drijven plast:plassen rent:rennen valt:vallen poept:poepen jankt:janken walmt:walmen"
         " ruikt:ruiken kan:kunnen wil:willen heeft:hebben verzakt:verzakken brokkelt:brokkelen")
SING2PL = dict(p.split(":") for p in VERBS.split())
PL2SING = {v: k for k, v in SING2PL.items()}

PREPS = re.compile(r" (van|bij|op|in|langs|voor|zonder|aan|met|uit|tussen|achter|naast|tegen|op) ")
SINGULAR_EXCEPTIONS = {"bus", "gras", "lantaren", "wagen", "keuken", "bos", "haven", "tuin", "glas", "plas",
                       "kapstokken", "ijzel", "lossen", "heien", "laden", "karton", "lachgas"}


def is_plural(obj):
    o = obj.strip().lower()
    if o.startswith(("het ", "een ")):
        return False
    if o.startswith(("de ", "die ", "deze ")):
        o = o.split(" ", 1)[1]
    o = PREPS.split(o)[0].strip()
    head = o.split()[-1] if o.split() else o
    if head in SINGULAR_EXCEPTIONS:
        return False
    return head.endswith(("en", "'s", "s")) and not head.endswith(("ns", "ss", "us", "is", "as", "os"))


def agree(obj, prob):
    """Make the first verb of `prob` agree with `obj`."""
    first, _, rest = prob.partition(" ")
    plural = is_plural(obj)
    if plural and first in SING2PL:
        first = SING2PL[first]
    elif not plural and first in PL2SING:
        first = PL2SING[first]
    return (first + " " + rest).strip()
