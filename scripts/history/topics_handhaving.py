"""Report material about behaviour (the municipality's Toezicht en Handhaving categories).

Same fields as topics_beheer. Most of these reports describe what people do, so `sents`
carries the weight; `objs`/`probs` are used for the short object + problem form.
"""

TOPICS = [
    dict(cat="Parkeeroverlast", w=9.0,
         objs="een auto|de auto|een busje|een bestelbus|auto's|een vrachtwagen|de bus van de buurman"
              "|een camper|een witte bestelbus|die zwarte bmw|een taxi|een auto van de zaak|een vrachtauto",
         probs="staat op de stoep|staat op het gras|staat in de weg|staat dubbel geparkeerd"
               "|staat op het fietspad|staat op de hoek|staat half op de stoep|staat in de berm"
               "|staat op het plantsoen|staat op de groenstrook|staat op de laad- en losplek",
         sents="Er staat weer een auto op de stoep|Auto staat in de weg|Elke avond staan er auto's op het gras"
               "|De buurman parkeert zijn busje altijd op de stoep|Er wordt dubbel geparkeerd voor de school"
               "|Er staan auto's op het fietspad geparkeerd|Met de kinderwagen moet ik de weg op want er staat een auto op de stoep"
               "|Foutparkeerders bij de school elke ochtend|Mensen parkeren op de hoek waardoor de vuilniswagen er niet langs kan"
               "|Auto's parkeren in de bocht en je kunt niet meer zien|Er staat een auto op de stoep voor nr {nr}"
               "|Iedereen parkeert hier in het groen|Bezoekers van de sportschool parkeren de hele straat vol op de stoep"
               "|Een vrachtwagen parkeert 's nachts in onze woonstraat|De brandweer kan er niet door want er wordt aan twee kanten geparkeerd",
         short="auto op stoep|fout geparkeerd|auto op het gras|auto staat in de weg|parkeren op stoep"
               "|busje op stoep|dubbel geparkeerd|auto op fietspad|foutparkeerder",
         details="Kenteken {plate}|Het kenteken is {plate}|Ik kan er met mijn rollator niet langs"
                 "|Met een rolstoel kom je er niet door|Het gras is helemaal kapotgereden"
                 "|Dit gebeurt elke dag|Vooral rond etenstijd|Er is genoeg plek op de parkeerplaats verderop"
                 "|Kinderen moeten de weg op lopen",
         asks="Graag handhaven|Kunnen de boa's hier eens komen kijken?|Graag een bon geven"
              "|Wilt u hier vaker controleren?|Graag laten wegslepen"),

    dict(cat="Parkeren gehandicaptenplaats", w=1.5,
         objs="een auto|iemand|een busje|een auto zonder kaart|de buurman",
         probs="staat op de invalidenplaats|staat op mijn gehandicaptenparkeerplaats|parkeert op de invalidenparkeerplaats",
         sents="Er staat iemand op mijn gehandicaptenparkeerplaats|Er staat een auto zonder gehandicaptenkaart op de invalidenplek"
               "|Weer iemand op mijn kentekenplaats|Mijn eigen gehandicaptenparkeerplaats is bezet door een vreemde auto"
               "|Bij de huisarts staan altijd auto's zonder kaart op de invalidenplekken",
         short="auto op invalidenplaats|gehandicaptenplek bezet|invalidenparkeerplaats bezet",
         details="Ik ben afhankelijk van mijn rolstoel|Ik moet nu heel ver lopen|Het kenteken is {plate}",
         asks="Graag handhaven|Kan er iemand komen?"),

    dict(cat="Parkeren voor uitrit", w=2.0,
         objs="een auto|een busje|iemand|een auto van bezoek",
         probs="staat voor mijn uitrit|blokkeert mijn inrit|staat voor de garage|staat voor ons hek",
         sents="Ik kan mijn oprit niet af want er staat een auto voor|Er staat weer iemand voor mijn inrit"
               "|Mijn garage is geblokkeerd door een geparkeerde auto|De uitrit van de brandweer wordt steeds geblokkeerd",
         short="auto voor uitrit|uitrit geblokkeerd|inrit geblokkeerd|auto voor garage",
         details="Ik moet naar mijn werk|Ik moet naar het ziekenhuis|Kenteken {plate}",
         asks="Graag z.s.m. iemand sturen|Kan de auto weggesleept worden?"),

    dict(cat="Voertuigen - wrak of langdurig gestald", w=2.0,
         objs="een aanhanger|een caravan|een camper|een auto zonder kenteken|een autowrak|een boottrailer"
              "|een scooter|een brommer|een bootje op een trailer|een oude auto|een aanhangwagen",
         probs="staat er al maanden|staat al weken op dezelfde plek|staat er al sinds de zomer|wordt nooit verplaatst"
               "|staat zonder kentekenplaten",
         sents="Er staat al maanden een aanhanger in de straat|Er staat een auto zonder kentekenplaten in de straat"
               "|Er staat een uitgebrande scooter bij de flat|Een caravan neemt al weken twee parkeerplaatsen in"
               "|Er staat een autowrak op de parkeerplaats met lekke banden",
         short="aanhanger langdurig geparkeerd|autowrak|caravan in straat|scooterwrak|wrak",
         details="Hij neemt twee plekken in|De banden zijn plat|Er groeit al gras onder",
         asks="Graag laten weghalen|Mag dat zomaar?"),

    dict(cat="Verkeersoverlast - rijgedrag", w=2.5,
         objs="scooters|brommers|auto's|een scooter|jongeren op scooters|fatbikes|motoren|de bezorgers",
         probs="rijden over de stoep|scheuren door de straat|rijden veel te hard|rijden over het fietspad"
               "|rijden door het park|rijden tegen het verkeer in",
         sents="Scooters rijden hier over het voetpad|Er wordt veel te hard gereden in onze straat"
               "|Fatbikes scheuren door het park|Er rijden elke avond motoren met veel lawaai rondjes"
               "|De maaltijdbezorgers rijden over de stoep|Auto's rijden door de afgesloten weg"
               "|Scooters rijden door het winkelcentrum|Er wordt geracet op de parallelweg",
         short="scooters op stoep|hardrijders|te hard rijden|scooter op voetpad|racen",
         details="Er gaat een keer een kind onder komen|Ik schrik me elke keer dood"
                 "|Er lopen hier veel ouderen",
         asks="Graag handhaven|Kan er gecontroleerd worden?|Graag een flitspaal of drempel"),

    dict(cat="Overlast jongeren", w=4.0,
         objs="jongeren|hangjongeren|een groep jongens|de jeugd|een groepje jongeren|tieners",
         probs="hangen rond bij de speeltuin|maken veel herrie|gooien met stenen|zitten elke avond bij het bankje"
               "|zijn aan het vernielen|blowen bij de school|hangen in het portiek",
         sents="Elke avond hangen er jongeren bij de speeltuin|Een groep jongeren maakt veel lawaai tot diep in de nacht"
               "|Jongeren gooien stenen naar de ramen|Er zitten elke avond jongens in auto's met harde muziek op de parkeerplaats"
               "|Jongeren intimideren voorbijgangers bij het winkelcentrum|De jeugd zit op het klimrek te blowen"
               "|Jongeren laten hun afval liggen en schreeuwen|Jongeren belletje trekken en schelden"
               "|Jongeren zitten in het portiek en laten lachgas achter",
         short="overlast jongeren|hangjongeren|jongeren maken herrie|jongeren speeltuin|jeugd overlast",
         details="Ik durf niet meer alleen langs|Ze schelden als je er iets van zegt"
                 "|Het gaat door tot 2 uur 's nachts|Mijn kinderen kunnen niet slapen",
         asks="Graag vaker surveilleren|Kan de wijkagent of boa langskomen?|Graag handhaven"),

    dict(cat="Overlast personen - geluid en feesten", w=3.0,
         objs="de buren|de bovenburen|de buurman|de onderburen|mijn buren|de mensen van nr {nr}",
         probs="maken elke nacht herrie|hebben elk weekend feest|draaien harde muziek|schreeuwen de hele nacht"
               "|hebben een feest in de tuin",
         sents="De buren draaien elke avond keiharde muziek|Er is een feest aan de gang met harde muziek"
               "|Buurman is elke nacht aan het klussen en boren|Er wordt geschreeuwd en gevochten op straat"
               "|Er is een illegaal feest in het park|Elk weekend een feest in de tuin van de buren tot 4 uur"
               "|Er wordt 's nachts geschreeuwd bij de flat|Er is ruzie bij de buren en veel lawaai",
         short="geluidsoverlast buren|harde muziek buren|feest herrie|burenoverlast|lawaai buren",
         details="Ik moet om 6 uur op voor mijn werk|We hebben een baby die niet kan slapen"
                 "|Aanspreken helpt niet|Het is nu {time} en het gaat nog steeds door",
         asks="Graag iemand sturen|Kan hier iets aan gedaan worden?"),

    dict(cat="Vuurwerk", w=2.5,
         objs="vuurwerk|knallen|cobra's|zwaar vuurwerk|rotjes|vuurpijlen|mortieren",
         probs="wordt afgestoken|gaat de hele dag af|wordt in de container gegooid|wordt naar mensen gegooid",
         sents="Er wordt al weken vuurwerk afgestoken|Jongeren gooien vuurwerk in de container"
               "|Er worden cobra's afgestoken bij de flat|Er wordt zwaar vuurwerk afgestoken in de straat"
               "|Er is vuurwerk naar mijn hond gegooid|Ze steken vuurwerk af onder de auto's"
               "|Elke avond knallen bij het winkelcentrum|Er wordt vuurwerk afgestoken in het vuurwerkvrije gebied",
         short="vuurwerk|vuurwerkoverlast|knallen|zwaar vuurwerk|vuurwerk afgestoken",
         details="Mijn hond is doodsbang|De ramen trillen|Het is nog niet eens oud en nieuw",
         asks="Graag handhaven|Kunnen de boa's hier langs?"),

    dict(cat="Honden", w=4.0,
         objs="een loslopende hond|de hond van de buren|die hond|een agressieve hond|een pitbull"
              "|de hond van nr {nr}|een grote hond|de herdershond|het hondje van de overburen",
         probs="loopt los|blaft de hele dag|loopt los in het park|poept elke dag op het grasveld"
               "|valt andere honden aan|blaft de hele nacht|rent los over het speelveld|jankt als ze weg zijn",
         sents="Overal ligt hondenpoep|Mensen laten hun hond poepen op het grasveld en ruimen het niet op"
               "|Honden lopen los in het park waar het aanlijnplicht is|De hond van de buren blaft de hele dag"
               "|Er loopt een agressieve hond los in de straat|Hondenbezitters laten hun honden in de speeltuin poepen"
               "|De stoep ligt vol met hondenpoep|Een loslopende hond heeft mijn kind gebeten"
               "|Iemand laat zijn hond los op het schoolplein|Ik stapte weer in de hondenpoep voor mijn deur",
         short="hondenpoep|honden poep|hond los|loslopende hond|hond blaft|hondenpoep op stoep|blaffende hond",
         details="Het is elke dag dezelfde mevrouw met een zwarte labrador|De kinderen lopen er doorheen"
                 "|De eigenaar doet niks|Er staat een bord met aanlijngebod",
         asks="Graag handhaven|Kan er gecontroleerd worden?|Graag boetes uitdelen"),

    dict(cat="Overlast drank en drugs", w=1.0,
         objs="dronken mensen|een groep drinkers|mensen|een paar mannen|zwervers",
         probs="zitten te drinken op het bankje|plassen tegen de muur|maken ruzie bij de supermarkt"
               "|zitten de hele dag bier te drinken in het park",
         sents="Er wordt gedeald bij de speeltuin|Er liggen naalden bij het bankje en er wordt gebruikt|Er wordt wildgeplast tegen de muur"
               "|Er zitten elke dag mensen te drinken op het bankje bij de supermarkt"
               "|Er liggen naalden en er wordt gebruikt in de fietsenstalling|Dronken mensen plassen in onze tuin",
         short="drugsoverlast|wildplassen|dealen|drinkers bankje",
         details="Het gebeurt midden op de dag|Kinderen zien het allemaal",
         asks="Graag optreden"),

    dict(cat="Afval - verkeerd aangeboden", w=0.8,
         objs="de buurman|de bewoners van nr {nr}|de bovenburen|het restaurant|de winkel|de bewoners",
         probs="zet zijn zakken elke keer naast de container|zetten hun afval te vroeg buiten"
               "|gooit zijn afval gewoon op straat|zet zijn vuilniszakken al op zaterdag buiten",
         sents="Mijn buurman zet zijn vuilniszakken al dagen te vroeg buiten|Het restaurant zet hun bedrijfsafval bij de container voor bewoners"
               "|Ik zag de bewoners van de hoek hun zakken naast de container gooien terwijl hij leeg is"
               "|Iemand zet steeds zijn grofvuil buiten zonder afspraak",
         short="afval te vroeg buiten|buurman zet zakken buiten",
         details="Ik weet wie het is|Aanspreken helpt niet",
         asks="Graag aanspreken|Kunnen jullie handhaven?"),

    dict(cat="Objecten in openbare ruimte zonder vergunning", w=0.7,
         objs="een bouwcontainer|een steiger|een reclamebord|een aanhanger met reclame|een zeecontainer"
              "|een terras|een bouwhek|een partytent",
         probs="staat op de stoep|staat al maanden op straat|staat er zonder vergunning|blokkeert het trottoir",
         sents="De buren hebben een zeecontainer in de straat gezet|Er staat een bouwcontainer op de parkeerplaats zonder vergunning"
               "|De winkel zet zijn reclamebord midden op de stoep|Het terras van het café staat tot op het fietspad"
               "|De buurman heeft zonder vergunning de boom voor zijn huis gekapt|Een bedrijf heeft reclameborden aan de lantaarnpalen gehangen",
         short="bouwcontainer op straat|reclamebord op stoep|steiger zonder vergunning",
         details="Heeft hij daar wel een vergunning voor?|Je kunt er niet langs met de kinderwagen",
         asks="Graag controleren of hier een vergunning voor is"),

    dict(cat="Deelvervoer", w=0.5,
         objs="deelscooters|de deelscooter|de deelfietsen|de groene scooters|de felix scooters",
         probs="staan midden op de stoep|liggen omver|staan voor de deur|zijn overal neergegooid",
         sents="Er liggen deelscooters midden op de stoep|De deelfietsen staan voor de ingang van de flat",
         short="deelscooter op stoep|deelscooters in de weg",
         details="Blinden struikelen erover",
         asks="Graag laten weghalen"),

    dict(cat="Overlast personen - overig", w=0.8,
         objs="een dakloze|een man|iemand|een vrouw|bedelaars",
         probs="slaapt in de fietsenstalling|bedelt bij de supermarkt|slaapt in het portiek|woont in een tentje in het park",
         sents="Er slaapt iemand in de fietsenstalling|Er wordt agressief gebedeld bij de pinautomaat"
               "|Er woont iemand in een tent in het park|Iemand zit elke dag in de bosjes te kamperen",
         short="dakloze in portiek|bedelaar|iemand slaapt in stalling",
         details="Hij heeft misschien hulp nodig|Hij laat veel rommel achter",
         asks="Kan er iemand gaan kijken?"),

    dict(cat="Overlast op het water", w=0.3,
         objs="een bootje|boten|een speedboot|jetski's",
         probs="varen veel te hard|maken golven|varen met harde muziek",
         sents="Er wordt veel te hard gevaren in de gracht|Een speedboot scheurt door het kanaal"
               "|Er ligt een boot al maanden zonder vergunning aan de kade",
         short="hard varen|bootje te hard",
         details="De beschoeiing slaat kapot",
         asks="Graag handhaven"),
]
