/// Dutch function words: they carry no topic, so `learn` gives them no weight of their own.
/// A word pair may hold one (`staat op`), but not two, and not an article (`de stoep` says no
/// more than `stoep`).
enum FunctionWords {
    /// Articles, as folded.
    static let articles: Set<String> = ["de", "het", "een", "t", "n", "d"]

    /// Function words and their stems, as folded.
    static let all: Set<String> = articles.union([
        "aan", "al", "alle", "alles", "als", "alstublieft", "ben", "bent", "ben", "bij", "dan", "dat", "deze",
        "die", "dit", "doe", "doen", "door", "dus", "echt", "en", "er", "erg", "ga", "gaan", "gaat", "geen",
        "had", "hadden", "heb", "hebben", "hebt", "heeft", "heel", "hem", "hen", "hier", "hij", "hoe", "hun",
        "ik", "in", "is", "ja", "je", "jij", "jou", "jullie", "kan", "kun", "kunn", "kunnen", "kunt", "maar",
        "me", "meer", "men", "met", "mij", "mijn", "moet", "moeten", "na", "naar", "nee", "niet", "nog", "nu",
        "of", "om", "omdat", "onder", "ons", "onz", "onze", "ook", "op", "over", "te", "tot", "u", "uit", "uw",
        "van", "veel", "voor", "waar", "wan", "want", "was", "wat", "we", "wel", "wer", "werd", "wie", "wij",
        "wil", "will", "willen", "word", "wordt", "worden", "zal", "ze", "zei", "zelf", "zich", "zij", "zijn",
        "zo", "zou", "zoud", "zouden", "graag", "groet", "groeten", "vriendelijk", "bedankt", "alvast",
        "geacht", "geachte", "heer", "mevrouw", "hallo", "goedemorgen", "goedemiddag", "dag", "beste",
        "erop", "eraan", "ervan", "daar", "daarom", "toch", "even", "weer", "al", "zeer", "iets", "niets",
    ])
}
