"""Report material for maintenance of public space (the municipality's Stadsbeheer categories).

Per topic: cat (the municipality's own category name), w (share of all reports, in per cent),
objs (ways to name the object, with article), probs (what is wrong with it, said after the
object), sents (whole statements; {obj} is filled in), short (terse reports as typed on a
phone), details (extra context sentences), asks (what the writer wants).
Every list is 'a|b|c'; the first item is the common way of saying it.
"""

TOPICS = [
    dict(cat="Straatverlichting", w=7.0,
         objs="de lantaarnpaal|de lamp|de straatlantaarn|de lantaarn|het licht|de verlichting|de paal"
              "|de straatlamp|de lichtmast|de lantaren|de lamp van de paal|het lampje|de led lamp"
              "|dat ding met de lamp|die paal met licht|de lamp boven het zebrapad"
              "|de verlichting op het fietspad|de lantarenpaal|de lichtpaal",
         probs="is kapot|doet het niet|brandt niet|is uit|gaat steeds aan en uit|knippert"
               "|brandt overdag ook|is al weken donker|doet het niet meer|flikkert de hele nacht"
               "|staat scheef|is stuk|geeft bijna geen licht meer|brandt niet meer sinds de storm"
               "|hangt los|is aangereden",
         sents="Het is hier 's avonds pikkedonker|Er brandt geen licht in de hele straat"
               "|De halve straat zit in het donker|Er zijn 3 lampen uit op een rij"
               "|Het paadje achter de huizen is helemaal donker|{obj} voor mijn deur is uit"
               "|Bij het fietspad is het licht uit|De kap van {obj} is eraf gevallen"
               "|Er hangen draden uit {obj}|Het deurtje van {obj} staat open en je ziet de kabels"
               "|De hele rij lantaarns aan de overkant is uit|Donker op de stoep, licht is stuk",
         short="lamp kapot|lantaarnpaal kapot|licht doet het niet|straatlamp uit|lamp brand niet"
               "|paal geen licht|lamp flikkert|verlichting kapot|donker in de straat|lantaarn stuk"
               "|lamp nr 14 kapot|licht uit fietspad",
         details="Er staat een nummer op de paal: {num}|Het nummer op de paal is {num}"
                 "|Als je 's avonds thuiskomt zie je niks|Ik durf er 's avonds niet meer langs"
                 "|Mijn dochter fietst hier 's avonds terug van sport|Het is echt onveilig zo"
                 "|Er wordt hier ook vaak ingebroken|Ouderen struikelen hier in het donker"
                 "|De paal staat tegenover de bushalte|Vooral in de winter is dit gevaarlijk",
         asks="Graag repareren|Kan er iemand naar kijken?|Wilt u de lamp laten vervangen?"
              "|Graag snel maken want het is gevaarlijk|Graag een nieuwe lamp"),

    dict(cat="Verkeerslichten", w=0.8,
         objs="het stoplicht|de verkeerslichten|het voetgangerslicht|de knop van het stoplicht"
              "|het verkeerslicht|de stoplichten bij de rotonde|het fietslicht|de drukknop",
         probs="doet het niet|staat steeds op rood|knippert oranje|is kapot|springt niet op groen"
               "|reageert niet|staat te kort op groen|is uitgevallen",
         sents="Je staat bij {obj} minuten te wachten|Het rode licht voor fietsers is kapot"
               "|Voetgangers kunnen niet veilig oversteken want {obj} is stuk"
               "|De piep voor blinden werkt niet meer bij het stoplicht",
         short="stoplicht kapot|verkeerslicht doet het niet|stoplicht blijft rood|knop stoplicht kapot",
         details="Er ontstaan gevaarlijke situaties|Mensen rijden gewoon door rood"
                 "|Het is een drukke kruising met veel scholieren",
         asks="Graag snel repareren|Kan dit worden afgesteld?"),

    dict(cat="Wegen - bestrating en trottoir", w=5.0,
         objs="de stoeptegel|de tegels|de klinkers|de stoep|het trottoir|de stenen|een tegel"
              "|de bestrating|de stoepranden|de straatstenen|het voetpad|de tegels op de stoep"
              "|de drempelstenen|de tegeltjes|het stoepje|de keitjes|die stenen bij de oprit"
              "|de stoeprand|de klinkers op de weg|het pad|de tegel voor nr {nr}",
         probs="ligt los|liggen los|steekt omhoog|is verzakt|ligt scheef|is kapot|zijn verzakt"
               "|wiebelen|staan omhoog door boomwortels|liggen er allemaal uit|is gebroken"
               "|ligt er al weken los|zijn opgedrukt door de wortels|liggen schots en scheef",
         sents="Er ligt een tegel los op de stoep|Er zit een kuil in de stoep|De stoep is verzakt"
               "|Er ontbreken een paar tegels|Na de werkzaamheden zijn de tegels niet goed teruggelegd"
               "|De boomwortels drukken de stoep omhoog|Er is een gat in het trottoir"
               "|{obj} ligt helemaal scheef|De stoep ligt open en niemand doet iets"
               "|Na het leggen van de glasvezel ligt alles scheef|Er staat water in de verzakte stoep",
         short="losse tegel|tegel los|stoep verzakt|tegels liggen los|klinkers los|gat in stoep"
               "|stoeptegel kapot|stenen los|verzakking stoep|stoep kapot",
         details="Ik ben er zelf over gestruikeld|Mijn moeder is hier bijna gevallen met haar rollator"
                 "|Met de kinderwagen kom je er niet langs|Oudere mensen kunnen hier lelijk vallen"
                 "|Een buurvrouw is hier vorige week gevallen|Als het regent staat er een grote plas"
                 "|Er lopen hier veel kinderen naar school|Het is bij de ingang van de supermarkt",
         asks="Graag herstellen|Kunt u dit laten rechtleggen?|Graag even rechtleggen voor er ongelukken gebeuren"
              "|Wilt u hier een stratenmaker naartoe sturen?"),

    dict(cat="Wegen - gaten in het wegdek", w=2.5,
         objs="het gat|de kuil|het asfalt|het wegdek|de weg|een gat|het fietspad|de put in de weg"
              "|de scheur in het asfalt|de drempel|een diepe kuil|het putdeksel",
         probs="wordt steeds groter|is levensgevaarlijk|is heel diep|ligt er al maanden"
               "|is nog steeds niet gemaakt|zit midden op de weg|is afgebrokkeld|ligt open",
         sents="Er zit een groot gat in de weg|Er zit een diepe kuil in het fietspad"
               "|Het asfalt is helemaal kapot|Er zitten grote scheuren in het wegdek"
               "|Het putdeksel ligt lager dan de weg en elke auto knalt erop|Gat in het wegdek"
               "|Er zit een gat in de weg waar je zo met je fiets in rijdt|De weg brokkelt af aan de rand"
               "|De verkeersdrempel is kapot en er liggen losse stenen|Wortels duwen het fietspad omhoog",
         short="gat in de weg|kuil in weg|gat fietspad|asfalt kapot|diep gat|wegdek kapot|putdeksel rammelt",
         details="Mijn fietsband is er al lek door gegaan|Fietsers moeten uitwijken naar de weg"
                 "|Mijn velg is kapot|Er is al een scooter gevallen|In het donker zie je het niet"
                 "|Vrachtwagens rijden er dagelijks overheen",
         asks="Graag dichtmaken|Kan dit gerepareerd worden?|Graag snel oplossen voordat er een ongeluk gebeurt"),

    dict(cat="Verkeersborden en bebording", w=2.0,
         objs="het verkeersbord|het bord|het straatnaambord|het parkeerbord|het stopbord"
              "|de wegwijzer|het bord eenrichtingsverkeer|het voorrangsbord|het bordje"
              "|het bord van de invalidenparkeerplaats|het 30 km bord|het richtingbord",
         probs="is omgereden|ligt op de grond|is verdraaid|staat scheef|is weg|is onleesbaar"
               "|is beklad|hangt los|is omgevallen|staat de verkeerde kant op|is begroeid"
               "|is gestolen",
         sents="{obj} is omver gereden|Iemand heeft {obj} omgedraaid|{obj} is helemaal overgroeid door de struiken"
               "|Het bord van de gehandicaptenparkeerplaats is kapot|Er staat een bord midden op de stoep"
               "|Het bord bij de school is weg|Het bord van de blauwe zone is weggedraaid|Het bordje parkeren verboden is omgebogen|De paal van {obj} is geknakt"
               "|Tijdelijke verkeersborden staan er nog steeds na de werkzaamheden",
         short="bord omver|verkeersbord kapot|bord ligt op de grond|straatnaambord weg|bord scheef"
               "|bord omgereden",
         details="Nu weet niemand meer wie voorrang heeft|Mensen rijden nu zo de verkeerde kant in"
                 "|Bezoekers kunnen de straat niet vinden|Het bord steekt nu uit over het fietspad",
         asks="Graag terugplaatsen|Kan het bord weer rechtgezet worden?|Graag weghalen of repareren"),

    dict(cat="Straatmeubilair - palen en hekken", w=1.5,
         objs="het paaltje|de paal|de afzetpaal|het hek|het amsterdammertje|de poller|de slagboom"
              "|het hekwerk|de paaltjes|het afzethek|de reling|het sluitpaaltje|de beugel",
         probs="is omgereden|ligt plat|staat scheef|is kapot|is weg|steekt uit|is losgeraakt"
               "|is eruit getrokken|ligt op de stoep",
         sents="Er is een paaltje omver gereden|Het hek langs het water is kapot"
               "|Er ligt een paal op het fietspad|De slagboom gaat niet meer dicht"
               "|Het paaltje is weg en nu rijden er auto's over het fietspad"
               "|Er steekt een ijzeren pin uit de grond waar een paal stond",
         short="paaltje omver|paal kapot|hek kapot|paaltje weg|hek los",
         details="Er steken scherpe randen uit|Kinderen kunnen zich eraan bezeren"
                 "|Het gat in de grond is gevaarlijk",
         asks="Graag vervangen|Kan dit weer vastgezet worden?"),

    dict(cat="Straatmeubilair - bankjes", w=1.2,
         objs="het bankje|de bank|de zitbank|het bankje bij de vijver|de picknicktafel|het bankje in het park"
              "|de bank bij de bushalte|het zitje|de houten bank|het bankje bij de speeltuin",
         probs="is kapot|is helemaal gesloopt|is vernield|mist een plank|wiebelt|is beklad"
               "|is verrot|is omgegooid|is weg",
         sents="Er zijn planken uit {obj} getrokken|{obj} is in het water gegooid"
               "|Iemand heeft {obj} in brand gestoken|Bij {obj} steken spijkers uit"
               "|Jongeren hebben {obj} gesloopt|Er is met vuurwerk een plank uit {obj} geblazen"
               "|De planken van {obj} zijn helemaal rot|{obj} helemaal gesloopt",
         short="bankje kapot|bank kapot|bankje gesloopt|bank vernield|picknicktafel kapot",
         details="Ouderen rusten hier graag even uit|Er zitten splinters in",
         asks="Graag repareren|Kan er een nieuwe bank komen?"),

    dict(cat="Fietsenrekken", w=0.6,
         objs="het fietsenrek|de fietsenstalling|het fietsnietje|de nietjes|het rek bij het station",
         probs="is kapot|is verbogen|staat los|is vol met wrakken",
         sents="Het fietsenrek bij de supermarkt is helemaal verbogen|Er zijn te weinig fietsenrekken"
               "|Het nietje is uit de grond gereden",
         short="fietsenrek kapot|fietsnietje los|fietsenrek verbogen",
         details="Je kunt je fiets nergens meer neerzetten",
         asks="Graag repareren|Kunnen er meer rekken komen?"),

    dict(cat="Fietswrakken", w=2.5,
         objs="de fiets|het fietswrak|het wrak|de oude fiets|de fiets zonder wielen|de kinderfiets"
              "|de weesfiets|de roestige fiets|de fietsen|het frame|de damesfiets|de achtergelaten fiets",
         probs="staat er al maanden|staat al een half jaar vast aan het hek|is helemaal verroest"
               "|heeft geen wielen meer|ligt in de bosjes|staat in de weg|wordt niet meer gebruikt"
               "|staat al sinds de zomer",
         sents="Er staat een fietswrak bij het station|Er ligt een fiets in de sloot"
               "|Al maanden staat hier een fiets zonder zadel en wielen|Er staan drie fietswrakken in het rek"
               "|Er ligt een kapotte fiets midden op het pad|Er is een fiets in het water gegooid"
               "|Aan het hek staat een fiets vast die daar al een jaar staat"
               "|Een gestripte fiets blokkeert de stalling",
         short="fietswrak|fietswrak verwijderen|oude fiets in de weg|fiets in de sloot|wrak fiets"
               "|fiets zonder wielen",
         details="Hij zit onder het roest|De banden zijn plat en de ketting is weg"
                 "|Er is al een label aan gehangen maar hij staat er nog"
                 "|Niemand komt hem ophalen|Hij neemt een plek in het rek in",
         asks="Graag weghalen|Kan deze worden verwijderd?|Graag laten ophalen"),

    dict(cat="Afval - container vol", w=4.0,
         objs="de container|de ondergrondse container|de bak|de glasbak|de papiercontainer"
              "|de ondergrondse|de plasticcontainer|de restafvalcontainer|de kledingcontainer"
              "|de pmd container|de containers|de glascontainer|de verzamelcontainer|de afvalcontainer"
              "|dat grote groene ding|die ijzeren bak|de vuilnisbak van de flat|de bak voor de zakken|de grijze bak"
              "|de papierbak|de gft container",
         probs="zit vol|is vol|zit propvol|puilt uit|is overvol|zit al dagen vol|is niet geleegd"
               "|gaat niet meer open want hij zit vol|is al een week niet geleegd|stroomt over",
         sents="De containers zitten weer vol|Alle containers in de wijk zitten vol"
               "|Je kunt je afval nergens kwijt want {obj} zit vol"
               "|{obj} zit vol en nu zetten mensen hun zakken ernaast"
               "|{obj} wordt veel te weinig geleegd|Sinds de feestdagen is {obj} niet meer geleegd",
         short="bak zit vol|container vol|glasbak vol|ondergrondse vol|papiercontainer vol"
               "|container zit vol|bak vol|plastic container vol|containers vol",
         details="Het stinkt enorm|Er komen ratten op af|Het waait overal in de straat"
                 "|De meeuwen trekken alles uit de zakken|Vooral in het weekend is het erg",
         asks="Graag legen|Kan hij vaker geleegd worden?|Graag z.s.m. komen legen"),

    dict(cat="Afval - container defect", w=2.0,
         objs="de container|de ondergrondse container|de klep|de trommel|de bak|de pas lezer"
              "|het pasjesapparaat|de glasbak|de inworpopening|het deksel van de container"
              "|de hendel|de ondergrondse",
         probs="is kapot|zit vast|gaat niet open|klemt|is stuk|draait niet|leest mijn pas niet"
               "|is afgebroken|is vernield|hangt scheef",
         sents="De klep van de container zit vast|Mijn pasje werkt niet bij de container"
               "|De trommel van de restafvalcontainer draait niet|De container is in brand gestoken"
               "|De klep is afgebroken|Het slot van de papiercontainer is kapot"
               "|De container staat scheef en zakt weg",
         short="container kapot|klep zit vast|container gaat niet open|pas werkt niet container"
               "|trommel zit vast|bak kapot",
         details="Ik heb mijn zak er nu maar naast gezet|Iedereen zet zijn zak er nu naast",
         asks="Graag maken|Kan er een monteur komen?"),

    dict(cat="Afval - prullenbak vol", w=3.0,
         objs="de prullenbak|de afvalbak|de vuilnisbak|de bak|de prullebak|de afvalbakken"
              "|de hondenpoepbak|de bak bij de bushalte|de prullenbakken in het park|het vuilnisbakje"
              "|de bak bij het bankje|de afvalbak langs het fietspad"
              "|het bakje aan de paal|die groene bak|dat ding voor afval|de vuilnisemmer",
         probs="zit vol|puilt uit|is vol|wordt nooit geleegd|zit al een week vol|zit propvol"
               "|stroomt over",
         sents="De prullenbakken in het park zitten allemaal vol|Alles waait uit {obj}"
               "|{obj} bij de speeltuin zit vol|Er liggen zakken naast {obj} omdat hij vol is",
         short="prullenbak vol|afvalbak vol|vuilnisbak vol|bak vol|prullenbakken vol",
         details="Kraaien halen alles eruit|Het afval ligt over het hele grasveld"
                 "|Het is druk met mensen in het park door het mooie weer",
         asks="Graag legen|Graag vaker legen"),

    dict(cat="Afval - prullenbak defect", w=1.0,
         objs="de prullenbak|de afvalbak|de vuilnisbak|de bak|het deksel van de bak|de afvalbak bij de halte",
         probs="is kapot|is weg|is losgetrokken|ligt op de grond|is in brand gestoken|is gesloopt",
         sents="{obj} is van de paal gebroken|De prullenbak is met vuurwerk opgeblazen|Er is geen prullenbak meer bij de speeltuin"
               "|{obj} is gesmolten door vuur",
         short="prullenbak kapot|afvalbak weg|bak kapot|prullenbak gesloopt",
         details="Nu gooien mensen alles op straat",
         asks="Graag vervangen|Kan er een nieuwe komen?"),

    dict(cat="Zwerfafval", w=3.5,
         objs="afval|rommel|zwerfvuil|troep|blikjes|glas|zwerfafval|vuilnis|plastic|peuken"
              "|lachgas patronen|gebroken glas|vuil|rotzooi|flesjes|ballonnen",
         probs="ligt overal|ligt op straat|ligt in de bosjes|ligt op het grasveld|ligt langs de weg",
         sents="Er ligt overal afval|Er ligt heel veel glas op het fietspad|Het ligt hier vol met troep"
               "|Na het weekend ligt het plein vol met blikjes en flessen"
               "|Er ligt een kapotte fles op de stoep|Het speelveld ligt vol met lachgaspatronen"
               "|De berm ligt vol afval|Het hele plantsoen ligt vol met zwerfvuil"
               "|Na de markt ligt alles vol met rommel|Er is een vuilniszak opengescheurd en alles ligt op straat",
         short="veel afval|zwerfvuil|glas op fietspad|rommel op straat|troep overal|afval in de berm"
               "|glas op de weg",
         details="Kinderen spelen hier|Honden kunnen zich snijden aan het glas"
                 "|Het is elk weekend hetzelfde|Het waait zo de sloot in",
         asks="Graag opruimen|Kan de veegwagen langskomen?|Kunt u het laten opruimen?"),

    dict(cat="Grofvuil bijplaatsing", w=4.0,
         objs="vuilniszakken|een bank|een matras|oude meubels|kast en stoelen|een koelkast"
              "|een wasmachine|grofvuil|dozen|een oude bank|een tapijt|spullen|een bed|zakken"
              "|een tv|karton",
         probs="staan naast de container|staat naast de container|liggen bij de container"
               "|is bij de ondergrondse gezet|staan al dagen bij de bak",
         sents="Er staan vuilniszakken naast de container|Er is een matras bij de container gedumpt"
               "|Iemand heeft een oude bank naast de ondergrondse gezet|Kast en stoelen gedumpt bij de container"
               "|Bij de containers ligt weer een berg grofvuil|Naast de glasbak staan allemaal dozen"
               "|Er is een hele inboedel naast de containers gezet|Bij de bak staan zakken die opengescheurd zijn",
         short="zakken naast container|grofvuil bij container|matras bij container|bijplaatsing"
               "|dozen naast de bak|rommel bij container|kast en stoelen gedumpt",
         details="Het trekt ongedierte aan|Het wordt steeds meer|Morgen staat er nog meer"
                 "|Dit gebeurt elke week bij dezelfde container",
         asks="Graag ophalen|Kunt u het laten weghalen?|Graag opruimen"),

    dict(cat="Illegale dumping", w=3.0,
         objs="afval|bouwafval|puin|een matras|oude banden|tuinafval|een bankstel|vuilniszakken"
              "|een koelkast|asfaltresten|een caravan vol troep|zakken met afval|meubels",
         probs="is gedumpt|is gestort|is achtergelaten|is neergegooid|ligt in de berm",
         sents="Er is afval gedumpt in de berm|Iemand heeft bouwafval in het bos gestort"
               "|Er liggen oude autobanden langs de weg|Er is tuinafval in de sloot gegooid"
               "|Vannacht heeft iemand een bankstel op het grasveld gedumpt"
               "|Ik zag een busje stoppen en ze gooiden zakken in de bosjes"
               "|Er ligt een berg puin op het pad naar de volkstuinen"
               "|Iemand dumpt elke week zijn afval achter de garages",
         short="afval gedumpt|dumping|bouwafval gedumpt|banden gedumpt|puin gestort|matras gedumpt",
         details="Ik heb het kenteken van het busje|Het ligt er al sinds het weekend"
                 "|Het is op de grens met de natuur",
         asks="Graag laten opruimen|Kan dit worden weggehaald?"),

    dict(cat="Afval - inzameling minicontainer", w=1.5,
         objs="de kliko|de container|de groene bak|de grijze container|de minicontainer|de gft bak"
              "|de papierbak|de kliko van ons blok",
         probs="is niet geleegd|is overgeslagen|is niet opgehaald|is kapot teruggezet|is kwijt"
               "|is door de vuilniswagen beschadigd",
         sents="De vuilniswagen is onze straat vergeten|Onze kliko is vandaag niet geleegd"
               "|Het wiel van de kliko is eraf na het legen|Het deksel is door de wagen afgebroken"
               "|Onze hele straat is overgeslagen vandaag",
         short="kliko niet geleegd|container niet geleegd|bak niet opgehaald|kliko kapot",
         details="Hij stond gewoon op tijd buiten|De buren hebben hetzelfde",
         asks="Wanneer komen ze alsnog?|Graag alsnog legen"),

    dict(cat="Groen - bomen", w=3.0,
         objs="de boom|de takken|de bomen|het boompje|een grote tak|de boom voor ons huis"
              "|de wortels|de kastanjeboom|de eik|de wilg|de populieren|de boomspiegel|de berk",
         probs="hangt over de weg|is dood|hangt laag|hangt over het fietspad|zit tegen de gevel"
               "|neemt al het licht weg|staat scheef|ziet er ziek uit|moet gesnoeid worden"
               "|hangt over de lantaarnpaal",
         sents="Er hangt een grote dode tak boven het fietspad|{obj} hangt zo laag dat de vuilniswagen er niet langs kan"
               "|De takken hangen voor het verkeersbord|{obj} blokkeert het zicht bij de kruising"
               "|Het jonge boompje is afgebroken|Er zit een grote holte in de stam"
               "|{obj} hangt helemaal over onze tuin|De takken zitten tegen de ramen"
               "|De boom laat enorm veel blad vallen en alles verstopt",
         short="boom snoeien|tak hangt laag|dode tak|boom hangt over|boompje kapot|dode boom",
         details="Als er storm komt valt hij zo om|Auto's kunnen niet meer langs"
                 "|We hebben geen licht meer in de woonkamer|Een vrachtwagen heeft al een tak geraakt",
         asks="Graag snoeien|Kan er iemand komen kijken?|Wilt u de boom laten controleren?"),

    dict(cat="Groen - omgevallen boom of tak", w=1.0,
         objs="de boom|een boom|een grote tak|een tak|takken|de wilg",
         probs="is omgevallen|ligt op de weg|ligt over het fietspad|is afgebroken|is op een auto gevallen"
               "|blokkeert de weg",
         sents="Door de storm is er een boom omgevallen|Er ligt een enorme tak over het pad"
               "|De weg is versperd door een omgewaaide boom|Er hangt een afgebroken tak in de boom",
         short="boom omgevallen|tak op de weg|boom over fietspad|omgewaaide boom",
         details="Niemand kan er langs|Hij ligt op de stroomkabel",
         asks="Graag snel weghalen|Dit is spoed"),

    dict(cat="Groen - maaien", w=1.8,
         objs="het gras|de berm|het grasveld|het speelveld|het gras langs het pad|het gazon"
              "|het veldje|het gras bij de vijver",
         probs="is veel te hoog|wordt niet gemaaid|staat kniehoog|is al maanden niet gemaaid"
               "|is niet opgeruimd na het maaien",
         sents="Het gras is al weken niet gemaaid|Het maaisel ligt nog overal op het pad"
               "|De berm is zo hoog dat je niks ziet bij de afslag|Het gras staat tot je knieën",
         short="gras maaien|gras te hoog|berm maaien|gras niet gemaaid",
         details="De kinderen kunnen er niet meer spelen|Er zitten teken in",
         asks="Graag maaien|Wanneer wordt er gemaaid?"),

    dict(cat="Groen - snoeien beplanting", w=1.8,
         objs="de heg|de struiken|het groen|de bosjes|de beplanting|de haag|de brandnetels|de braamstruiken"
              "|het plantsoen|de rozenstruiken|de coniferen|het perkje",
         probs="groeit over de stoep|is overwoekerd|moet gesnoeid worden|steekt uit over het fietspad"
               "|is te hoog|blokkeert het zicht|hangt over het pad",
         sents="De heg groeit over de halve stoep|De struiken blokkeren het zicht bij de uitrit"
               "|Je moet de weg op omdat de bosjes over de stoep groeien"
               "|Het plantsoen is een oerwoud geworden|De braamstruiken krassen langs je benen",
         short="heg snoeien|struiken snoeien|groen over stoep|bosjes te hoog|snoeien",
         details="Met de rolstoel kom je er niet langs|Kinderen zien de auto's niet aankomen",
         asks="Graag snoeien|Kan dit worden teruggesnoeid?"),

    dict(cat="Groen - onkruid", w=1.2,
         objs="onkruid|het onkruid|gras tussen de tegels|onkruid op de stoep|het groen tussen de stenen"
              "|de paardenbloemen|het onkruid in de goot",
         probs="staat overal|groeit hoog|wordt nooit weggehaald|staat kniehoog",
         sents="Het onkruid staat tussen alle tegels|De stoep is groen van het onkruid"
               "|Het onkruid is hoger dan de paaltjes",
         short="onkruid|onkruid stoep|veel onkruid",
         details="Het ziet er verwaarloosd uit",
         asks="Graag weghalen|Wanneer komt de onkruidploeg?"),

    dict(cat="Water - drijfvuil en waterkwaliteit", w=1.0,
         objs="de sloot|de vijver|de gracht|het water|de singel|het kanaal|de wetering",
         probs="ligt vol met afval|zit vol kroos|is helemaal groen|ligt vol troep|is dichtgegroeid",
         sents="Er drijft allemaal afval in de sloot|De vijver zit helemaal dicht met kroos"
               "|Er drijft een winkelwagen in de gracht|De sloot is dichtgegroeid met riet"
               "|Er drijven plastic flessen in de singel|De waterplanten groeien de hele sloot dicht",
         short="afval in sloot|kroos in vijver|drijfvuil|sloot vol troep|sloot dichtgegroeid",
         details="De eenden zwemmen ertussen|Het water stroomt niet meer door",
         asks="Graag schoonmaken|Kan de sloot worden uitgebaggerd?"),

    dict(cat="Riolering en kolken", w=2.0,
         objs="de put|de kolk|het riool|de afvoer|het rooster|de regenput|de putten|de straatkolk"
              "|het putje|de goot|het riooldeksel",
         probs="is verstopt|loopt niet door|stinkt|is dichtgeslibd|zit vol blad|loopt over|rammelt"
               "|ligt los|is verzakt",
         sents="Bij elke regenbui staat de straat blank omdat de putten verstopt zijn"
               "|Het riool stinkt enorm bij ons voor de deur|Het rooster van de put is weg"
               "|Water uit het riool komt omhoog in de straat|De putten zitten vol bladeren"
               "|Er komt rioolwater uit de put",
         short="put verstopt|riool verstopt|kolk verstopt|riool stinkt|putdeksel los|afvoer verstopt",
         details="Ons souterrain loopt bijna onder|Het water komt tot aan de voordeur"
                 "|Het stinkt tot in huis",
         asks="Graag doorspuiten|Kan de kolkenzuiger langskomen?"),

    dict(cat="Wateroverlast", w=0.8,
         objs="het water|een grote plas|de plas|het regenwater|de straat",
         probs="blijft staan|loopt niet weg|staat tot aan de stoep|staat blank",
         sents="Na elke bui staat de straat blank|Er blijft een grote plas staan op het fietspad"
               "|Het regenwater loopt onze tuin in|De tunnel staat onder water",
         short="water op straat|grote plas|straat blank|wateroverlast",
         details="Fietsers moeten door het water|Het bevriest in de winter",
         asks="Graag oplossen"),

    dict(cat="Speelvoorzieningen", w=1.8,
         objs="de schommel|de glijbaan|het speeltoestel|de wipwap|het klimrek|de speeltuin"
              "|het klimtoestel|de zandbak|de kabelbaan|het voetbaldoel|de basketbalpaal"
              "|het klimding|dat rode toestel|de speeldingen|het touwding|de grote schommel"
              "|het trapveldje|de draaimolen|het speelhuisje|het hekje van de speeltuin|de duikelrekjes",
         probs="is kapot|is vernield|is gevaarlijk|mist een onderdeel|wiebelt|heeft scherpe randen"
               "|is afgesloten met lint|staat al weken met een lint erom|is stuk",
         sents="Er is een ketting van de schommel gebroken|Er zit glas in de zandbak"
               "|Het net van het voetbaldoel is kapot|Er steken schroeven uit {obj}"
               "|Er liggen spuiten in de zandbak|De valtegels onder de glijbaan liggen los"
               "|Het hekje van de speeltuin gaat niet meer dicht",
         short="schommel kapot|speeltoestel kapot|glijbaan kapot|speeltuin vernield|wipwap stuk"
               "|glas in zandbak",
         details="Mijn kinderen kunnen er nu niet meer spelen|Een kind heeft zich al bezeerd"
                 "|Er spelen hier elke middag veel kinderen",
         asks="Graag repareren|Kan er gekeken worden of het veilig is?"),

    dict(cat="Graffiti en wildplakken", w=1.2,
         objs="graffiti|de graffiti|tags|bekladding|stickers|posters|de muur|de tunnel|het transformatorhuisje"
              "|de geluidswal|het bushokje",
         probs="zit overal op|is beklad|is beklad met graffiti|zit vol stickers|is volgeklad",
         sents="De tunnel is weer helemaal beklad|Er is graffiti gespoten op de muur bij de school"
               "|Er staan kwetsende teksten op het bushokje|Overal zijn posters opgeplakt"
               "|Er is een hakenkruis op de muur gespoten",
         short="graffiti|graffiti tunnel|bekladding|posters geplakt|tags op muur",
         details="Het is erg lelijk|Kinderen lezen dit als ze naar school gaan",
         asks="Graag verwijderen|Kan dit weggehaald worden?"),

    dict(cat="Gladheid", w=0.8,
         objs="de stoep|het fietspad|de brug|de weg|het plein|de helling",
         probs="is spiegelglad|is niet gestrooid|ligt vol sneeuw|is glad|is een ijsbaan",
         sents="Er is niet gestrooid op het fietspad|De brug is spiegelglad"
               "|Er ligt nog steeds sneeuw op de stoep bij het verzorgingshuis|Er is al iemand uitgegleden",
         short="glad|niet gestrooid|gladheid fietspad|sneeuw op stoep|ijzel",
         details="Ouderen durven niet naar buiten|Mijn buurman is gevallen",
         asks="Graag strooien|Kan de strooiwagen langskomen?"),

    dict(cat="Ongedierte - ratten en muizen", w=1.2,
         objs="ratten|een rat|muizen|de ratten|een nest ratten|ratjes",
         probs="lopen rond|zitten bij de container|zitten in de tuin|zitten onder de schuur",
         sents="Er lopen ratten rond bij de containers|Ik zie elke avond ratten bij de speeltuin"
               "|Er zit een rattennest in de berm|Er komen ratten af op het brood dat mensen neergooien",
         short="ratten|ratten bij container|rat gezien|ongedierte",
         details="Ze worden steeds brutaler|Mensen voeren de eenden met brood",
         asks="Graag bestrijden|Kan de ongediertebestrijding komen?"),

    dict(cat="Ongedierte - overig", w=0.6,
         objs="een wespennest|eikenprocessierupsen|de processierups|een bijennest|kakkerlakken|wespen",
         probs="zitten in de boom|zit in de grond|zit in de paal|zitten in de eiken",
         sents="Er zit een wespennest in de lantaarnpaal|De eiken zitten vol processierupsen"
               "|Er hangen spinsels van de eikenprocessierups in de boom bij de school",
         short="wespennest|processierups|eikenprocessierups",
         details="Mijn zoontje is gestoken|Ik heb jeuk over mijn hele lijf",
         asks="Graag weghalen"),

    dict(cat="Dode dieren", w=0.8,
         objs="een dode kat|een dode vogel|een dood konijn|een dode duif|een dode egel|een dode vos"
              "|een dode zwaan|een dood ree|een kadaver|een dode eend",
         probs="ligt op de weg|ligt op de stoep|ligt in de berm|ligt in het water|ligt al dagen",
         sents="Er ligt een dood dier op straat|Er ligt een aangereden kat in de goot"
               "|Er drijft een dode zwaan in de vijver",
         short="dode kat|dood dier|dode vogel op straat|kadaver",
         details="Het stinkt al|Kinderen lopen er langs naar school",
         asks="Graag weghalen"),

    dict(cat="Reiniging - hondenpoep", w=0.6,
         objs="hondenpoep|de hondenpoep|poep|drollen|hondenstront",
         probs="ligt overal op het speelveld|ligt in de zandbak|ligt op het schoolplein"
               "|ligt op het trapveldje",
         sents="Het speelveld ligt vol hondenpoep|Er ligt zoveel poep op het grasveldje dat de kinderen er niet kunnen spelen"
               "|Kan het grasveld schoongemaakt worden, het ligt vol hondenpoep",
         short="hondenpoep speelveld|poep in zandbak",
         details="Kinderen zitten met hun handen in de poep",
         asks="Graag schoonmaken|Kan de veegploeg het opruimen?"),

    dict(cat="Bruggen en kades", w=0.4,
         objs="de brug|de kademuur|de steiger|de beschoeiing|de vlonder|het bruggetje|de trap bij het water",
         probs="is kapot|is verrot|is verzakt|heeft losse planken|brokkelt af|hangt scheef",
         sents="Er zit een gat in de planken van het bruggetje|De beschoeiing stort in"
               "|De leuning van de brug is los",
         short="brug kapot|beschoeiing kapot|losse plank brug",
         details="Je zakt er zo doorheen",
         asks="Graag repareren"),

    dict(cat="Openbare ruimte - overig", w=0.8,
         objs="de bushalte|het bankje|de speeltuin|het plein|de parkeerplaats|de tunnel|het hek",
         probs="is vies|is een puinhoop|ziet er verwaarloosd uit|wordt niet onderhouden",
         sents="Er is een kabel blijven liggen na de werkzaamheden|Er staat al maanden een hek van de aannemer op de stoep"
               "|De afzetting van de werkzaamheden is omgewaaid|Er staat een elektriciteitskast open"
               "|De laadpaal is kapot|De parkeerautomaat doet het niet|De automaat met hondenpoepzakjes is leeg|De klok op het plein staat stil|Het bushokje heeft een kapotte ruit",
         short="hek aannemer laten staan|kast open|ruit bushokje kapot|laadpaal kapot",
         details="Niemand voelt zich verantwoordelijk",
         asks="Graag oplossen|Wie gaat hierover?"),
]
