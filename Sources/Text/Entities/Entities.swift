/// Everything ``EntityScanner`` found in one text, each kind in text order.
public struct Entities: Sendable, Hashable {
    /// Dutch postcodes.
    public var postcodes: [PostcodeMatch]
    /// House numbers, with their street where one was written before them.
    public var houseNumbers: [HouseNumberMatch]
    /// Dutch telephone numbers.
    public var phones: [PhoneMatch]
    /// E-mail addresses.
    public var emails: [EmailMatch]
    /// Burgerservicenummers that pass the elfproef.
    public var bsns: [BSNMatch]

    /// Creates a result; all kinds default to empty.
    public init(
        postcodes: [PostcodeMatch] = [], houseNumbers: [HouseNumberMatch] = [],
        phones: [PhoneMatch] = [], emails: [EmailMatch] = [], bsns: [BSNMatch] = []
    ) {
        self.postcodes = postcodes
        self.houseNumbers = houseNumbers
        self.phones = phones
        self.emails = emails
        self.bsns = bsns
    }

    /// Whether nothing was found.
    public var isEmpty: Bool {
        postcodes.isEmpty && houseNumbers.isEmpty && phones.isEmpty && emails.isEmpty && bsns.isEmpty
    }
}
