"""Where a report is about: streets, house numbers, postcodes, villages and landmarks of an
invented municipality. Lists follow the pool split of pools.py like all other material."""

from pools import split

STREETS = split(
    "Dorpsstraat|Kerkstraat|Molenweg|Beatrixlaan|Julianastraat|Stationsweg|Schoolstraat|Wilhelminalaan"
    "|Merelstraat|Lindelaan|Prins Bernhardstraat|Nieuwstraat|Eikenlaan|Sportlaan|Kastanjelaan|Oranjestraat"
    "|Vondelstraat|Populierenweg|Meidoornstraat|Marktplein|Rembrandtlaan|Parklaan|Havenstraat|Burgemeester de Vlamingstraat"
    "|Zonnebloemstraat|Industrieweg|Hoofdstraat|Van Goghstraat|Spoorlaan|Brinkweg|Korte Achterweg|Lange Voort"
    "|Tulpstraat|Esdoornlaan|Irenestraat|Willem de Zwijgerlaan|Polderweg|Zuiderdiep|Vijverweg|Mozartlaan"
    "|Kanaalweg|Jan Steenstraat|Akkerweg|Weverstraat|Dahliastraat|Nachtegaalstraat|Bosrand|Klaverveld"
    "|Hertog Janstraat|Koningin Emmaplein|Ringbaan Oost|Slotlaan|Gildeweg|Veldstraat")

VILLAGES = split("Middeldorp|Oosterveen|Westerkoog|Zuidhaven|Noordeinde|Kerkdijk|Middeldorp-Noord|Bovenhuizen")

WIJKEN = split("het centrum|de Akkers|Bloemenbuurt|de Vogelwijk|Zuid|het industrieterrein|de nieuwbouwwijk"
               "|Oost|de Schildersbuurt|het oude dorp|de Componistenbuurt|Molenkwartier")

LANDMARKS = split(
    "de Albert Heijn|de Jumbo|de basisschool|het station|de speeltuin|het winkelcentrum|de kerk|de sporthal"
    "|de bushalte|het gezondheidscentrum|de Lidl|het zwembad|de bibliotheek|het park|de rotonde|de flat"
    "|het voetbalveld|de huisartsenpost|het gemeentehuis|de kinderboerderij|de tennisbaan|de Action"
    "|het verzorgingshuis|de brug|de snackbar|de moskee|de hondenuitlaatplek|de volkstuinen")

# Phrases placing the report; {street}, {nr}, {pc}, {village}, {wijk}, {mark}, {street2} are filled in.
LOC_FORMS = split(
    "in de {street}|bij {street} {nr}|{street} {nr}|op de hoek {street} / {street2}|bij {mark}|ter hoogte van {street} {nr}"
    "|voor nummer {nr}|tegenover {mark}|in {wijk}|{street} {nr}, {pc} {village}|naast {mark}|achter {mark}"
    "|in de {street} in {village}|bij de ingang van {mark}|op de {street} richting {mark}|in de {street} ter hoogte van nr {nr}"
    "|bij ons in de straat ({street})|{street} thv {nr}|op het pad achter de {street}|{pc}|bij {mark} in {wijk}"
    "|vlakbij {mark}|bij de kruising {street} {street2}|in {village}, {street}")

# Terse location forms, for short reports.
SHORT_LOC = split("{street} {nr}|bij {mark}|{street}|nr {nr}|{street} hoek {street2}|t.h.v. {nr}|{pc} {nr}|bij {street} {nr}")
