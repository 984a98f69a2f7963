import Foundation

/// Writes JSON into a byte buffer, for the hot paths where `JSONEncoder` costs too much.
///
/// The caller writes members in the order it wants (sorted, for the message contract); the
/// writer adds the commas. Strings are escaped as `JSONEncoder` escapes them, without escaping
/// slashes; numbers that JSON cannot hold (infinity, NaN) are written as `null`.
///
/// The writer owns its buffer and cannot be copied; every write first makes room for all the
/// bytes it puts, so no write lands past the buffer's capacity.
public struct JSONWriter: ~Copyable {
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var capacity: Int
    @usableFromInline var count = 0
    @usableFromInline var needsComma = false

    /// Creates an empty writer with room for `capacity` bytes.
    public init(capacity: Int = 1024) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The JSON written so far.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// The number of bytes written so far.
    public var byteCount: Int { count }

    /// Calls `body` with the bytes written so far, without copying them.
    public func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// Forgets what was written, keeping the buffer for the next value.
    public mutating func removeAll() {
        count = 0
        needsComma = false
    }

    /// Ends a record of JSON Lines: writes a line feed; the next value starts a new record.
    public mutating func newline() {
        reserve(1)
        put(0x0A)
        needsComma = false
    }

    /// Writes an object: `{`, the members `body` writes, `}`.
    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        beginObject()
        body(&self)
        end(UInt8(ascii: "}"))
    }

    /// Writes an array: `[`, the elements `body` writes, `]`.
    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        beginArray()
        body(&self)
        end(UInt8(ascii: "]"))
    }

    /// Writes a member whose value is an object of string members, leaving out nil ones.
    public mutating func member(_ name: String, object members: KeyValuePairs<String, String?>) {
        key(name)
        beginObject()
        for (key, value) in members { member(key, value) }
        endObject()
    }

    /// Opens an object; ``endObject()`` closes it. The closure-free form of ``object(_:)``.
    public mutating func beginObject() { begin(UInt8(ascii: "{")) }

    /// Closes the object ``beginObject()`` opened.
    public mutating func endObject() { end(UInt8(ascii: "}")) }

    /// Opens an array; ``endArray()`` closes it.
    public mutating func beginArray() { begin(UInt8(ascii: "[")) }

    /// Closes the array ``beginArray()`` opened.
    public mutating func endArray() { end(UInt8(ascii: "]")) }

    private mutating func begin(_ open: UInt8) {
        reserve(2)
        if needsComma { put(UInt8(ascii: ",")) }
        put(open)
        needsComma = false
    }

    private mutating func end(_ close: UInt8) {
        reserve(1)
        put(close)
        needsComma = true
    }

    /// Writes a member's key; the value written next belongs to it.
    public mutating func key(_ name: String) {
        separate()
        appendString(name)
        reserve(1)
        put(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes a member's key given as a literal, which must need no escaping; copied as it is.
    public mutating func key(literal name: StaticString) {
        let utf8 = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        assert(JSONBytes.firstSpecial(in: utf8, from: 0) == utf8.count, "a key literal that needs escaping")
        reserve(utf8.count + 4)
        if needsComma { put(UInt8(ascii: ",")) }
        put(UInt8(ascii: "\""))
        for byte in utf8 { put(byte) }  // keys are short: a loop beats a call to memcpy
        put(UInt8(ascii: "\""))
        put(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Appends `text` as it is, for a run of JSON that holds its own punctuation, such as
    /// `,"score":`; a value may follow without a comma.
    @inlinable
    public mutating func raw(literal text: StaticString) {
        appendLiteral(text)
        needsComma = false
    }

    /// Appends `bytes` as they are, for a run of JSON made earlier (such as a string escaped
    /// once and written many times); a value may follow without a comma.
    @inlinable
    public mutating func raw(_ bytes: UnsafeBufferPointer<UInt8>) {
        append(bytes)
        needsComma = false
    }

    /// Appends a value made earlier (such as an escaped and quoted string), after a comma
    /// where one is due.
    @inlinable
    public mutating func rawValue(_ bytes: UnsafeBufferPointer<UInt8>) {
        separate()
        append(bytes)
        needsComma = true
    }

    /// Writes a string value.
    public mutating func string(_ value: String) {
        separate()
        appendString(value)
        needsComma = true
    }

    /// Writes a string value `VALUE:LINE`, the way tools name line `line` of a file `value`.
    public mutating func string(_ value: String, line: Int) {
        separate()
        appendString(value)
        count -= 1  // reopen the string: drop its closing quote
        reserve(22)  // ":" and up to 20 digits and the sign, then the quote
        put(UInt8(ascii: ":"))
        appendDigits(line)
        put(UInt8(ascii: "\""))
        needsComma = true
    }

    /// Writes `true` or `false`.
    public mutating func bool(_ value: Bool) {
        separate()
        appendLiteral(value ? "true" : "false")
        needsComma = true
    }

    /// Writes `null`.
    public mutating func null() {
        separate()
        appendLiteral("null")
        needsComma = true
    }

    /// Writes a member whose value is a string, or nothing when the value is nil.
    public mutating func member(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    /// Writes a member whose value is a string, or nothing when the value is nil; the name is a literal.
    public mutating func member(literal name: StaticString, _ value: String?) {
        guard let value else { return }
        key(literal: name)
        string(value)
    }

    @inline(__always)
    @inlinable
    mutating func separate() {
        guard needsComma else { return }
        reserve(1)
        put(UInt8(ascii: ","))
    }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    @inlinable
    mutating func reserve(_ extra: Int) {
        if capacity - count < extra { grow(extra) }
    }

    @usableFromInline
    mutating func grow(_ extra: Int) {
        let larger = max(capacity * 2, count + extra)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.initialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }

    /// Puts one byte; the caller has reserved room for it.
    @inline(__always)
    @inlinable
    mutating func put(_ byte: UInt8) {
        (base + count).initialize(to: byte)
        count += 1
    }

    @inlinable
    mutating func append(_ source: UnsafeBufferPointer<UInt8>) {
        guard let start = source.baseAddress else { return }
        let length = source.count
        reserve(length)
        let target = UnsafeMutableRawPointer(base + count)
        let from = UnsafeRawPointer(start)
        if length >= 8 && length <= 16 {
            // Most runs are keys, names and terms this short: two overlapping 8-byte moves
            // instead of a call to memcpy.
            target.storeBytes(of: from.loadUnaligned(as: UInt64.self), as: UInt64.self)
            target.storeBytes(of: from.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self),
                              toByteOffset: length - 8, as: UInt64.self)
        } else if length < 8 {
            for offset in 0..<length { (base + count + offset).initialize(to: start[offset]) }
        } else if length <= 128 {
            // A prepared run (a matched signal's head is 60 to 90 bytes): 16-byte moves, the last
            // one overlapping, instead of a call to memcpy.
            var offset = 0
            while offset &+ 16 < length {
                target.storeBytes(of: from.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self),
                                  toByteOffset: offset, as: SIMD16<UInt8>.self)
                offset &+= 16
            }
            target.storeBytes(of: from.loadUnaligned(fromByteOffset: length - 16, as: SIMD16<UInt8>.self),
                              toByteOffset: length - 16, as: SIMD16<UInt8>.self)
        } else {
            (base + count).initialize(from: start, count: length)
        }
        count += length
    }

    @inlinable
    mutating func appendLiteral(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func appendString(_ value: String) {
        let done: Void? = value.utf8.withContiguousStorageIfAvailable { appendQuoted($0) }
        guard done == nil else { return }
        var value = value
        value.withUTF8 { appendQuoted($0) }
    }

    private mutating func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>) {
        reserve(utf8.count + 2)  // all of it when nothing needs escaping
        put(UInt8(ascii: "\""))
        var start = 0
        while true {
            let index = JSONBytes.firstSpecial(in: utf8, from: start)
            append(UnsafeBufferPointer(rebasing: utf8[start..<index]))
            guard index < utf8.count else { break }
            appendEscape(utf8[index])
            start = index + 1
        }
        reserve(1)
        put(UInt8(ascii: "\""))
    }

    private mutating func appendEscape(_ byte: UInt8) {
        reserve(6)
        put(UInt8(ascii: "\\"))
        switch byte {
        case 0x22: put(0x22)
        case 0x5C: put(0x5C)
        case 0x08: put(UInt8(ascii: "b"))
        case 0x0C: put(UInt8(ascii: "f"))
        case 0x0A: put(UInt8(ascii: "n"))
        case 0x0D: put(UInt8(ascii: "r"))
        case 0x09: put(UInt8(ascii: "t"))
        default:
            let hex: StaticString = "0123456789abcdef"
            put(UInt8(ascii: "u"))
            put(0x30)
            put(0x30)
            put(hex.utf8Start[Int(byte >> 4)])
            put(hex.utf8Start[Int(byte & 0xF)])
        }
    }
}
