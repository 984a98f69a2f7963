"""Phrases of the writers themselves, independent of the topic: greetings, time, history of
earlier reports, personal context, anger, sign-offs, and the word habits of particular voices."""

from pools import split

GREET_FORMAL = split("Geachte heer/mevrouw,|Geachte heer, mevrouw,|Geacht college,|Beste medewerker,"
                     "|Geachte gemeente,|Geachte dames en heren,|L.S.,|Aan de afdeling openbare ruimte,")
GREET = split("Hallo,|Goedemorgen,|Goedemiddag,|Hoi|Beste,|Goedenavond|Hallo gemeente,|Dag,|Hey|Goedendag,"
              "|Beste gemeente|Hallo daar|Hai")
INTRO = split("Ik wil graag een melding doen.|Ik wil iets melden.|Hierbij een melding.|Graag aandacht voor het volgende."
              "|Ik wil graag het volgende doorgeven:|Bij deze wil ik melden:|Even een melding:|Ik wil een klacht indienen."
              "|Ik loop hier al een tijdje tegenaan.|Via deze weg wil ik het volgende melden.|Ik bel eigenlijk nooit maar nu wel."
              "|Misschien is het al gemeld maar toch:|Ik weet niet of ik hier goed zit maar|Melding:")
TIME = split("sinds gisteren|al weken|al een paar dagen|sinds vorige week|al maanden|sinds het weekend|sinds maandag"
             "|al sinds de storm|al twee weken|sinds vanochtend|al een maand|al sinds de zomer|sinds de kerst"
             "|al een half jaar|sinds vrijdag|al meer dan drie weken|sinds een paar dagen|al heel lang")
TIME_SENT = split("Dit is al {time} zo.|Het speelt {time}.|Dat is {time} al zo.|Het is {time} zo.|Dit duurt nu {time}."
                  "|En dat {time}.|{Time} al.|Zo is het {time}.")
REPEAT = split("Al 3 keer gemeld.|Ik heb dit vorige maand ook al gemeld, maar er is niks gebeurd."
               "|Dit is al eerder gemeld.|Is eerder gemeld onder nummer {ref}.|Ik meld dit nu voor de vierde keer."
               "|Mijn buurvrouw heeft het ook al gemeld.|Vorig jaar was het ook al zo.|Het is al vaker doorgegeven."
               "|Ik heb al twee keer gebeld.|Melding {ref} is afgesloten maar het is niet opgelost."
               "|Via de app al gemeld maar geen reactie.|Wederom melden we dit.")
CONTEXT = split("Er spelen hier veel kinderen.|Mijn kinderen lopen hier elke dag naar school.|Ik loop hier elke dag met de hond."
                "|Mijn moeder van 86 woont hier en loopt met een rollator.|Er wonen hier veel ouderen."
                "|Het is een drukke route naar school.|Ik kom hier elke dag langs op weg naar mijn werk."
                "|We wonen hier nu 20 jaar en zo erg was het nooit.|Ik ben slecht ter been.|Ik heb twee kleine kinderen."
                "|Ik woon op de hoek.|Het is vlak bij het kinderdagverblijf.|Mijn man zit in een rolstoel."
                "|Er komen hier veel toeristen langs.|Ik woon hier pas sinds kort.|Er is hier veel verkeer.")
DANGER = split("Er gaat een keer iemand vallen.|Levensgevaarlijk!|Zeer gevaarlijk, vooral in het donker."
               "|Wachten jullie tot er een ongeluk gebeurt?|Dit is echt onveilig.|Er is al bijna een ongeluk gebeurd."
               "|Ik vind het gevaarlijk.|Straks valt er iemand.")
ANGER = split("Belachelijk!!|Waar betalen we belasting voor?|Dit is nu al de zoveelste keer.|Doe er eens wat aan!!!"
              "|Schandalig.|Niemand doet er iets aan.|Ik ben het echt zat.|Dit kan toch niet!|Echt te gek voor woorden."
              "|Het is om moedeloos van te worden.|Wat doet de gemeente eigenlijk?|Onacceptabel.|Het is een schande."
              "|Ik word er gek van.|Dit slaat nergens op!")
REQUEST = split("Graag z.s.m. oplossen.|Kunnen jullie hier iets aan doen?|Wilt u hier iemand naar laten kijken?"
                "|Graag actie.|Ik hoop dat u er snel iets aan doet.|Kan dit worden opgelost?|Graag even naar kijken."
                "|Zou u dit willen oppakken?|Kunnen jullie komen kijken?|Bij voorbaat dank voor de moeite."
                "|Graag terugkoppeling.|Ik hoor graag wanneer het opgelost wordt.")
CLOSE = split("Met vriendelijke groet, {name}|Mvg {name}|Groetjes|Alvast bedankt!|Bvd|Dank u wel.|Groet, {name}"
              "|Met vriendelijke groeten,|mvg|Dank!|Vriendelijke groet, {name} ({street} {nr})|Gr. {name}"
              "|Hoogachtend, {name}|thx|Bedankt alvast")
CONTACT = split("U kunt mij bellen op 06-{tel}.|Bel me gerust: 06 {tel}|Mijn nummer is 06{tel}|Foto kan ik mailen."
                "|Zie foto.|Ik heb een foto gemaakt.|Foto in de bijlage.|Mail mij op {mail}@{domain}."
                "|Graag terugbellen op 06-{tel}")
NAMES = split("J. de Vries|Jan Jansen|Fatima el Amrani|Mevr. Bakker|P. van Dijk|Anouk|Henk|M. Yilmaz|Familie Smit"
              "|Ria van den Berg|Mohammed|Sanne de Boer|T. Visser|Wim|Esther Mulder|Kees van Leeuwen|A. Öztürk"
              "|Natasha Kowalski|Gerrit|Dewi|L. Hendriks|R. Bos|Piet|Yvonne Meijer|S. Pinas|Bram")
MAILS = split("jansen62|ria.berg|mooiweer|kees1954|famsmit|anouk_d|henk.v")
DOMAINS = split("gmail.com|hotmail.com|ziggo.nl|kpnmail.nl|outlook.com|home.nl")

ELDERLY_INTRO = split("Ik ben 84 jaar en slecht ter been.|Mijn buurvrouw zei dat ik u moest schrijven."
                      "|Ik ben een oudere dame van 79.|Mijn kleinzoon helpt mij met dit bericht."
                      "|Ik woon hier al meer dan 50 jaar.|Ik ben weduwe en woon alleen."
                      "|Excuus als ik het niet goed doe, ik ben niet zo handig met de computer.")
ELDERLY_END = split("Ik hoop dat u hier iets mee kunt.|Ik reken op u.|Neemt u het mij niet kwalijk."
                    "|U zou mij een groot plezier doen.|Hartelijk dank voor de moeite.")

YOUTH_ADD = split("ff melden|echt|lol|pls|ofzo|wtf|bro|serieus|heel erg|ff|fr|haha|zo irritant|💀|😡|👍")
YOUTH_WORDS = {"even": "ff", "mijn": "mn", "zijn": "zn", "echt": "echt", "niet": "nie", "het": "t",
               "een": "n", "ik": "k", "alsjeblieft": "pls", "oké": "oke", "jullie": "jullie", "wat": "wa"}

NONNATIVE_INTRO = split("Goede dag, mijn naam is {name}, ik woon {street}.|Hallo meneer, ik wil zeggen"
                        "|Sorry mijn Nederlands is niet goed.|Ik wil melden van probleem.|Goedendag ik hebben vraag"
                        "|Hallo gemeente ik woon hier 2 jaar|Beste meneer mevrouw")
NONNATIVE_END = split("Alstublieft helpen.|Dank je wel meneer.|Graag snel maken alstublieft.|Bedank.|Alsjeblieft oplossen."
                      "|Ik hoop jullie komen snel.")
NONNATIVE_SWAP = [("het ", "de "), (" is ", " zijn "), ("Er staat ", "Staat "), ("Er ligt ", "Ligt "),
                  (" zit ", " zitten "), ("Ik heb ", "Ik hebben "), (" wordt ", " worden "), (" de ", " "),
                  (" staan ", " staat "), (" liggen ", " ligt ")]

SPEECH_START = split("ja hallo ik wil een melding doen over|ja goedemiddag ik bel over|uh ik wil even melden dat"
                     "|hallo met mij eh|ik wil graag doorgeven|ja ik bel eigenlijk voor|goedemorgen ja het gaat over"
                     "|hoi ik spreek dit in want")
SPEECH_FILL = split("eh|uh|ja|nou|dus|weet je|zeg maar|euh|hè|nou ja")
NUMBER_WORDS = {"1": "een", "2": "twee", "3": "drie", "4": "vier", "5": "vijf", "6": "zes", "7": "zeven",
                "8": "acht", "9": "negen", "10": "tien", "12": "twaalf", "14": "veertien", "20": "twintig"}
