import Foundation

/// Turns the file name a sender gave an attachment into one that is safe to store and to open.
///
/// The result is a single path component of at most ``maxBytes`` UTF-8 bytes that contains no
/// separator, no `..`, no control or invisible formatting character, does not start with `.`,
/// `-` or a space, and is no Windows device name, so team tools on any system can open it.
/// Letters of every script are kept.
public enum SafeFilename {
    /// The longest safe name, in UTF-8 bytes.
    public static let maxBytes = 100
    /// The name used when nothing of the original is left.
    public static let fallback = "attachment"
    /// The longest suffix after the last `.` that counts as an extension, in UTF-8 bytes.
    static let maxExtensionBytes = 16

    /// The safe form of `name`.
    ///
    /// Steps: NFC normalization; keep only what follows the last `/` or `\`; whitespace becomes
    /// a space; control (C0, C1, DEL, NUL), format (as bidirectional overrides) and unassigned
    /// characters are removed; characters Windows forbids (`<>:"|?*`) become `_`; runs of dots
    /// and of spaces collapse to one; leading and trailing dots and spaces go; a leading `-` and
    /// a Windows device name (`CON`, `NUL`, `COM1`, …) get a `_` in front; the name is cut to
    /// ``maxBytes`` at a character boundary, keeping its extension; an empty result is
    /// ``fallback``.
    public static func sanitize(_ name: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in name.precomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar == "/" || scalar == "\\" {
                scalars.removeAll()
            } else if scalar.properties.isWhitespace {
                if scalars.last != " " { scalars.append(" ") }
            } else if scalar == "." {
                if scalars.last != "." { scalars.append(".") }
            } else if "<>:\"|?*".unicodeScalars.contains(scalar) {
                scalars.append("_")
            } else if !isInvisible(scalar) {
                scalars.append(scalar)
            }
        }
        // Removing a character can bring two dots or two spaces together again.
        var text = collapse(String(scalars))
        text = String(text.drop { $0 == "." || $0 == " " })
        while let last = text.last, last == "." || last == " " { text.removeLast() }
        if text.hasPrefix("-") || isWindowsDeviceName(text) { text = "_" + text }
        let (stem, ext) = splitExtension(text)
        let result = fit(stem: stem, suffix: "", extension: ext)
        return result.isEmpty ? fallback : result
    }

    /// The safe forms of `names`, one per name and in order, made unique within the list.
    ///
    /// A name that equals an earlier one (ignoring case, since team tools may run on file
    /// systems that do) gets `-2`, `-3`, … before its extension: `scan.pdf`, `scan-2.pdf`.
    public static func uniqueNames(_ names: [String]) -> [String] {
        var used = Set<String>()
        var result: [String] = []
        result.reserveCapacity(names.count)
        for name in names {
            let base = sanitize(name)
            var candidate = base
            var number = 2
            while used.contains(candidate.lowercased()) {
                let (stem, ext) = splitExtension(base)
                candidate = fit(stem: stem, suffix: "-\(number)", extension: ext)
                number += 1
            }
            used.insert(candidate.lowercased())
            result.append(candidate)
        }
        return result
    }

    /// Whether `scalar` is a control, format, private surrogate or unassigned code point.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .unassigned: return true
        default: return false
        }
    }

    /// `text` with every run of dots, and every run of spaces, reduced to one.
    private static func collapse(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !((scalar == "." || scalar == " ") && out.last == scalar) {
            out.append(scalar)
        }
        return String(out)
    }

    /// Whether `name`'s part before the first dot is a name Windows reserves for a device.
    static func isWindowsDeviceName(_ name: String) -> Bool {
        var base = name.prefix { $0 != "." }
        while base.last == " " { base.removeLast() }
        let upper = base.uppercased()
        if ["CON", "PRN", "AUX", "NUL"].contains(upper) { return true }
        guard upper.count == 4, upper.hasPrefix("COM") || upper.hasPrefix("LPT") else { return false }
        return upper.last.map { $0.isASCII && $0.isNumber } ?? false
    }

    /// `name` split before its last dot when what follows is a short extension and something
    /// precedes it: `("report", ".pdf")`; otherwise `(name, "")`.
    static func splitExtension(_ name: String) -> (stem: String, extension: String) {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return (name, "") }
        let ext = name[dot...]
        guard ext.utf8.count <= maxExtensionBytes else { return (name, "") }
        return (String(name[..<dot]), String(ext))
    }

    /// `stem + suffix + ext`, with `stem` cut at a character boundary so the whole fits in
    /// ``maxBytes``; a single character too long to fit is cut between its scalars instead.
    static func fit(stem: String, suffix: String, extension ext: String) -> String {
        let budget = maxBytes - suffix.utf8.count - ext.utf8.count
        guard stem.utf8.count > budget else { return stem + suffix + ext }
        var kept = ""
        var used = 0
        for character in stem {
            let size = character.utf8.count
            if used + size > budget { break }
            kept.append(character)
            used += size
        }
        if kept.isEmpty {
            var scalars = String.UnicodeScalarView()
            for scalar in stem.unicodeScalars {
                used += scalar.utf8.count
                if used > budget { break }
                scalars.append(scalar)
            }
            kept = String(scalars)
        }
        while let last = kept.last, last == "." || last == " " { kept.removeLast() }
        return kept.isEmpty ? fit(stem: fallback, suffix: suffix, extension: ext) : kept + suffix + ext
    }
}
