"""Report material about companies, installations and pollution (Milieu), and the few reports
that go to the contact centre itself (KCC: questions, complaints about handling, other).
Same fields as topics_beheer.
"""

TOPICS = [
    dict(cat="Bedrijven - stank", w=0.8,
         objs="de fabriek|het bedrijf|de bakkerij|de garage|de slachterij|de composteerderij"
              "|het bedrijf op het industrieterrein|de meubelmakerij|de spuiterij|de varkenshouderij",
         probs="stinkt enorm|veroorzaakt stankoverlast|geeft een chemische lucht|stinkt de hele wijk uit"
               "|blaast een vieze lucht uit",
         sents="Er hangt een chemische lucht in de wijk|Het stinkt naar verf en oplosmiddel door de spuiterij"
               "|Er komt een rotte lucht van het industrieterrein|Een bedrijf verderop verspreidt een zure lucht"
               "|Er hangt al dagen een brandlucht van de fabriek|Het stinkt naar mest vanaf de boerderij",
         short="stank bedrijf|stank fabriek|chemische lucht|stankoverlast bedrijf",
         details="We kunnen de ramen niet open doen|Ik krijg er hoofdpijn van|Vooral als de wind uit het westen komt",
         asks="Kan de omgevingsdienst dit controleren?|Graag onderzoeken"),

    dict(cat="Bedrijven - geluid", w=0.7,
         objs="het bedrijf|de fabriek|de distributiehal|de vrachtwagens bij het bedrijf|de koelinstallatie van de supermarkt"
              "|het laden en lossen|de houtzagerij|de betoncentrale",
         probs="maakt 's nachts herrie|bromt de hele nacht|maakt veel lawaai|begint om 5 uur al",
         sents="Bij de supermarkt wordt om 5 uur 's ochtends gelost met veel lawaai|Het bedrijf achter ons maakt dag en nacht een zoemend geluid"
               "|De koelmotoren van de vrachtwagens draaien de hele nacht|De fabriek maakt een constant brommend geluid"
               "|Op het bedrijventerrein wordt 's nachts met containers gesmeten",
         short="geluid bedrijf|lawaai fabriek|brom geluid bedrijf|laden en lossen herrie",
         details="We slapen er slecht van|Het geluid is ook binnen met de ramen dicht te horen",
         asks="Graag meten|Mag dit zomaar 's nachts?"),

    dict(cat="Horeca - geluid", w=0.8,
         objs="het café|de kroeg|het restaurant|de bar|de snackbar|het feestzaaltje|het terras|de shishalounge",
         probs="draait harde muziek|heeft muziek tot 3 uur|maakt veel lawaai|heeft de deuren open met muziek",
         sents="Het café op de hoek draait tot diep in de nacht harde muziek|Elke vrijdag een dj bij de kroeg met dreunende bas"
               "|De muziek van het restaurant is tot in onze slaapkamer te horen|Het feestzaaltje heeft elk weekend een bruiloft met keiharde muziek",
         short="muziek cafe|geluidsoverlast kroeg|harde muziek horeca|bas van de bar",
         details="De bas dreunt door de muren|Het gaat door tot sluitingstijd en daarna",
         asks="Graag controleren|Mag dit volgens de vergunning?"),

    dict(cat="Horeca - stank en afzuiging", w=0.4,
         objs="de afzuiging|het restaurant|de snackbar|de pizzeria|de shoarmazaak|de wokkeuken|het afzuigkanaal",
         probs="stinkt|blaast vet de tuin in|maakt herrie|zoemt de hele dag|stinkt naar frituur",
         sents="De afzuiging van de snackbar blaast frituurlucht zo onze tuin in|Het afzuigkanaal van het restaurant bromt tot middernacht"
               "|Onze was stinkt naar het vet van de afzuiging",
         short="afzuiging stinkt|frituurlucht|afzuigkap herrie",
         details="We kunnen niet meer in de tuin zitten",
         asks="Graag onderzoeken"),

    dict(cat="Installaties - geluid", w=0.6,
         objs="de warmtepomp|de airco|de buitenunit|het aggregaat|de ventilator|de warmtepomp van de buren"
              "|de luchtbehandeling|de compressor|de koelunit|de zonnepanelen omvormer",
         probs="bromt de hele nacht|maakt veel lawaai|zoemt|maakt een hoge piep|staat dag en nacht aan",
         sents="De warmtepomp van de buren maakt een brommend geluid|Er staat een aggregaat bij de bouw dat dag en nacht draait"
               "|De airco-unit op het dak van de winkel maakt veel lawaai|Een ventilator op het dak van het kantoor zoemt constant",
         short="warmtepomp lawaai|airco herrie|aggregaat geluid|brommend geluid",
         details="Het geluid hoor je zelfs in de slaapkamer|Ik kan niet meer slapen",
         asks="Kan dit gemeten worden?|Graag onderzoeken"),

    dict(cat="Houtrook en stookoverlast", w=0.7,
         objs="de houtkachel|de kachel van de buren|de open haard|de schoorsteen van de buren|de vuurkorf"
              "|de allesbrander|de houtkachel van nr {nr}",
         probs="rookt heel erg|stinkt het hele huis in|geeft zwarte rook|brandt elke avond|walmt enorm",
         sents="De buren stoken elke avond de houtkachel en de rook trekt ons huis in"
               "|Er komt zwarte rook uit de schoorsteen van de buren|Mijn buurman stookt afval in zijn tuin"
               "|Iemand verbrandt plastic in een vuurkorf|Door de houtrook kan ik niet buiten zijn",
         short="houtrook|rook houtkachel|stookoverlast|buurman stookt afval",
         details="Ik heb astma|We moeten alle ramen dicht houden|Onze was stinkt naar rook",
         asks="Kan hier iets aan gedaan worden?"),

    dict(cat="Bodem- en waterverontreiniging", w=0.6,
         objs="het water|de sloot|de grond|de vijver|het slootwater|de berm bij het bedrijf",
         probs="is verkleurd|stinkt naar diesel|is vervuild|heeft een olielaag|ruikt naar benzine",
         sents="Er drijft een olielaag op de gracht|Er drijven dode vissen in de vijver"
               "|Iemand loost verf in de put|Er wordt afvalwater in de sloot geloosd"
               "|Er komt een blauwe vloeistof uit de grond bij het bedrijf|De sloot kleurt wit en er drijft schuim op"
               "|Er is diesel weggelopen op de parkeerplaats|Een garage loost olie in het riool",
         short="olie op water|dode vissen|olie in sloot|lozing|vervuild water",
         details="Er zwemmen eenden in|Het ruikt naar benzine",
         asks="Graag snel komen kijken"),

    dict(cat="Asbest", w=0.3,
         objs="asbest|golfplaten|asbestplaten|een dak met asbest|stukken eternit",
         probs="liggen in de berm|worden zonder bescherming gesloopt|liggen gebroken op straat",
         sents="Er zijn asbestplaten gedumpt in de berm|De buren slopen hun schuurdak met asbest zonder pakken"
               "|Er liggen gebroken golfplaten bij de container",
         short="asbest gedumpt|asbest slopen|asbestplaten",
         details="Het stof waait onze tuin in",
         asks="Graag snel ingrijpen"),

    dict(cat="Bouw- en sloopoverlast", w=0.4,
         objs="de bouw|de sloop|het heien|de bouwplaats|de aannemer",
         probs="begint om 6 uur|geeft veel stof|laat alles trillen|werkt op zondag",
         sents="Op de bouwplaats wordt al om 6 uur geheid|Door de sloop ligt overal stof op de auto's"
               "|De aannemer werkt ook op zondag met een kraan|Ons huis trilt van het heien",
         short="heien herrie|stof sloop|bouwlawaai",
         details="Er komen scheuren in de muur",
         asks="Mag dit zomaar?"),
]

KCC_TOPICS = [
    dict(cat="Overig", w=1.5,
         objs="",
         probs="",
         sents="Ik weet niet bij wie ik moet zijn hiervoor|Mijn melding van vorige week is niet goed afgehandeld"
               "|Waarom wordt mijn melding steeds afgesloten zonder dat er iets gebeurd is"
               "|De gemeente heeft de bomen in onze straat gekapt zonder dat wij het wisten, waarom"
               "|Ik wil graag een klacht indienen over een medewerker|Ik kreeg een brief maar snap hem niet"
               "|Bedankt voor het snel repareren van de lamp|Wie is eigenaar van het stuk grond naast ons huis",
         short="vraag|klacht|melding afgesloten|bedankt",
         details="", asks="Graag een reactie|Kunt u mij terugbellen?"),

    dict(cat="Vraag of informatieverzoek", w=1.5,
         objs="", probs="",
         sents="Wanneer wordt het grofvuil opgehaald in onze wijk|Hoe kan ik een extra container aanvragen"
               "|Mag ik een container voor de deur zetten voor een verbouwing|Waar kan ik een parkeervergunning aanvragen"
               "|Wanneer worden de werkzaamheden in onze straat afgerond|Kan ik een boom in de gemeentelijke groenstrook planten"
               "|Hoe laat is de milieustraat open op zaterdag|Wat is de status van mijn melding"
               "|Kan ik een afvalpas aanvragen, ik ben nieuw in de straat|Komt er een laadpaal in onze straat"
               "|Wanneer is de ophaaldag voor papier",
         short="ophaaldag?|vraag over container|status melding",
         details="", asks="Graag een reactie|Alvast bedankt"),

    dict(cat="Klacht over afhandeling", w=1.0,
         objs="", probs="",
         sents="Ik heb al drie keer gemeld en er gebeurt niets|Mijn melding is afgesloten maar het probleem is er nog steeds"
               "|Ik krijg nooit een terugkoppeling op mijn meldingen|De medewerker aan de telefoon was erg onvriendelijk"
               "|Er is gezegd dat het opgelost was maar het is niet zo",
         short="klacht afhandeling|weer niks gebeurd",
         details="", asks="Ik wil graag teruggebeld worden|Graag een reactie van een leidinggevende"),
]
