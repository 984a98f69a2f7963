import Foundation
import Storage

/// `wegwijzer find --export DIR`: copies every item found into one folder for handing over
/// to the person (AVG article 15): `DIR/KIND/NAME` per file, `DIR/KIND/ID/…` per attachment
/// folder, `DIR/outbox/ID.json` per batch entry, and the lines of the journal and the receipts
/// ledger in `DIR/journal.txt` and `DIR/receipts.txt`, and a message's archive lines in `DIR/archive.txt`. Every file is fsynced.
public enum Export {
    /// Copies `items` into `directory` (created where missing); returns the files written.
    @discardableResult
    public static func write(_ items: [StoredItem], to directory: String) throws -> Int {
        _ = try DurableFile.makeDirectories(at: directory, mode: 0o700)
        var written = 0
        var lines: [StoreKind: [UInt8]] = [:]
        var folders = Set<String>()
        for item in items {
            let folder = directory + "/" + item.kind.rawValue
            let name = (item.place as NSString).lastPathComponent
            switch item.location {
            case .file(let path, let sidecars):
                _ = try DurableFile.makeDirectories(at: folder, mode: 0o700)
                folders.insert(folder)
                // Two sources' rejected/ may hold files of one name: the second gets a number.
                var prefix = ""
                while DurableFile.exists(folder + "/" + prefix + (path as NSString).lastPathComponent) {
                    prefix = "\(Int(prefix.dropLast()).map { $0 + 1 } ?? 2)-"
                }
                for file in [path] + sidecars {
                    try copy(file, to: folder + "/" + prefix + (file as NSString).lastPathComponent)
                    written += 1
                }
            case .folder(let path):
                let target = folder + "/" + name
                _ = try DurableFile.makeDirectories(at: target, mode: 0o700)
                folders.formUnion([folder, target])
                for file in try DurableFile.listDirectory(at: path).sorted() {
                    try copy(path + "/" + file, to: target + "/" + file)
                    written += 1
                }
            case .batchEntry(let path, _, let json):
                _ = try DurableFile.makeDirectories(at: folder, mode: 0o700)
                folders.insert(folder)
                let bytes = Array(try DurableFile.readFile(at: path)[json])
                try DurableFile.createFile(at: folder + "/" + (item.id ?? name) + ".json", contents: bytes, mode: 0o600, truncating: true)
                written += 1
            case .journalLine(let line):
                lines[item.kind, default: []] += Array("\(line.id)\t\(line.receivedAt)\t\(line.keys.map(\.key).joined(separator: "\t"))\n".utf8)
            case .ledgerLine(let line):
                lines[item.kind, default: []] += Array("\(line.id)\t\(Int(line.time))\t\(item.fields.joined(separator: ","))\n".utf8)
            case .archiveMessage:
                lines[item.kind, default: []] += ArchiveRecordStore(directory: (item.place as NSString).deletingLastPathComponent).lines(of: item)
            }
        }
        for (kind, text) in lines {
            try DurableFile.createFile(at: directory + "/" + kind.rawValue + ".txt", contents: text, mode: 0o600, truncating: true)
            written += 1
        }
        // Each folder's names, deepest first, then the export's own.
        for folder in folders.sorted(by: { $0.count > $1.count }) { try DurableFile.syncDirectory(at: folder) }
        try DurableFile.syncDirectory(at: directory)
        return written
    }

    private static func copy(_ source: String, to target: String) throws {
        try DurableFile.createFile(at: target, contents: try DurableFile.readFile(at: source), mode: 0o600, truncating: true)
    }
}
