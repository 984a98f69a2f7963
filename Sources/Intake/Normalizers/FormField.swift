import Foundation
import Messages

/// The message fields a form value can fill, and the names they are known by.
enum FormField: String, CaseIterable, Sendable {
    case subject, text, name, firstName, namePrefix, lastName, email, phone
    case postcode, houseNumber, houseLetter, houseNumberAddition, street, place

    /// How many fields there are.
    static let count = allCases.count

    /// The field's place in `allCases`, for tables with one slot per field.
    var slot: Int {
        switch self {
        case .subject: 0
        case .text: 1
        case .name: 2
        case .firstName: 3
        case .namePrefix: 4
        case .lastName: 5
        case .email: 6
        case .phone: 7
        case .postcode: 8
        case .houseNumber: 9
        case .houseLetter: 10
        case .houseNumberAddition: 11
        case .street: 12
        case .place: 13
        }
    }

    /// Built-in Dutch and English names, folded (see ``FormField/fold(_:)``).
    var synonyms: Set<String> {
        switch self {
        case .subject: return ["subject", "onderwerp", "titel", "title", "betreft", "kop"]
        case .text:
            return ["text", "tekst", "omschrijving", "toelichting", "beschrijving", "melding", "bericht",
                    "vraag", "opmerking", "opmerkingen", "klacht", "message", "description", "body",
                    "comment", "comments", "question", "details"]
        case .name: return ["name", "naam", "volledigenaam", "fullname", "contactpersoon"]
        case .firstName: return ["voornaam", "voornamen", "roepnaam", "firstname", "givenname"]
        case .namePrefix: return ["tussenvoegsel", "tussenvoegsels", "voorvoegsel", "voorvoegsels", "nameprefix", "infix"]
        case .lastName: return ["achternaam", "geslachtsnaam", "familienaam", "lastname", "surname", "familyname"]
        case .email: return ["email", "emailadres", "mail", "mailadres", "emailaddress"]
        case .phone:
            return ["phone", "telefoon", "telefoonnummer", "telefoonnr", "tel", "telnr", "mobiel",
                    "mobielnummer", "mobile", "phonenumber", "telephone", "gsm"]
        case .postcode: return ["postcode", "postalcode", "zipcode", "zip"]
        case .houseNumber: return ["huisnummer", "huisnr", "housenumber"]
        case .houseLetter: return ["huisletter", "houseletter"]
        case .houseNumberAddition: return ["huisnummertoevoeging", "toevoeging", "housenumberaddition"]
        case .street: return ["straat", "straatnaam", "street", "streetname", "openbareruimte", "openbareruimtenaam"]
        case .place: return ["woonplaats", "woonplaatsnaam", "plaats", "plaatsnaam", "city", "town", "place"]
        }
    }

    /// Folded synonym → field, over all fields.
    static let bySynonym: [String: FormField] = {
        var table: [String: FormField] = [:]
        for field in allCases {
            for synonym in field.synonyms { table[synonym] = field }
        }
        return table
    }()

    /// Folded synonym → field, for synonyms distinctive enough to match as a part of a key
    /// or as a title's last word: `melderEmail` is an e-mail address, but `datumMelding`
    /// is no text.
    static let byDistinctiveSynonym: [String: FormField] = bySynonym.filter { !weakSynonyms.contains($0.key) }

    private static let weakSynonyms: Set<String> = [
        "melding", "bericht", "vraag", "opmerking", "opmerkingen", "details", "body", "text", "tekst",
        "title", "titel", "kop", "betreft", "zip", "tel", "mail", "toevoeging", "place", "plaats",
    ]

    /// Words that say nothing about which field a title means ("Wat is uw vraag?").
    static let stopWords: Set<String> = [
        "uw", "je", "jouw", "de", "het", "een", "van", "wat", "is", "wie", "waar", "welke", "hoe",
        "optioneel", "verplicht", "your", "the", "a", "an", "of", "what", "optional", "required",
    ]

    /// Lower case, without diacritics, letters and digits only: `E-mailadres` → `emailadres`.
    static func fold(_ text: String) -> String {
        // Keys are mostly folded already (`subject`, `postcode`): then there is nothing to do.
        if !text.containsUTF8Byte(where: { !($0 >= 0x61 && $0 <= 0x7A || $0 >= 0x30 && $0 <= 0x39) }) { return text }
        if !text.containsUTF8Byte(where: { $0 >= 0x80 }) {
            // Fast path for ASCII: no case mapping or decomposition tables needed.
            let bytes = text.utf8.compactMap { byte -> UInt8? in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return byte
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): return byte | 0x20
                default: return nil
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return String(String.UnicodeScalarView(foldedScalars(text).filter(isWordScalar)))
    }

    /// `text` lower-cased and decomposed, with combining marks removed.
    private static func foldedScalars(_ text: String) -> [Unicode.Scalar] {
        text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars.filter {
            $0.properties.generalCategory != .nonspacingMark
        }
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// The folded words of a title, hyphenated words kept whole, stop words left out.
    static func titleWords(_ title: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in foldedScalars(title) {
            if isWordScalar(scalar) {
                current.append(scalar)
            } else if scalar != "-" && scalar != "\u{AD}" && !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words.filter { !stopWords.contains($0) }
    }

    /// The folded parts of a key: `melder_email` → `melder`, `email`; `houseNumber` →
    /// `house`, `number`.
    static func keyWords(_ key: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousWasLower = false
        for character in key {
            let isUpper = character.isUppercase
            if !character.isLetter && !character.isNumber {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else if isUpper && previousWasLower {
                words.append(current)
                current = String(character)
            } else {
                current.append(character)
            }
            previousWasLower = character.isLowercase || character.isNumber
        }
        if !current.isEmpty { words.append(current) }
        return words.map(fold).filter { !$0.isEmpty }
    }
}
