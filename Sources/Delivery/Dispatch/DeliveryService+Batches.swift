import Foundation
import Storage

extension DeliveryService {
    /// Writes the records of messages about to be committed as one batch file, not synced:
    /// the pipeline syncs the file system before its commit. Returns each record's entry.
    public func stage(_ records: [OutboxRecord]) throws -> [OutboxBatch.Line] {
        let name = OutboxBatch.newName()
        batches.reserve(name)
        do {
            let lines = try outbox.writeBatch(records, name: name, sync: false)
            _ = try batches.take(name, unsettled: records.count)
            return lines
        } catch {
            batches.forget(name)
            throw error
        }
    }

    /// After the commit: schedules the staged records (``stage(_:)``) whose message IDs are in
    /// `committed` (a receipt's message ID is that of the message it acknowledges), and settles
    /// the entries of those committed before (duplicates).
    ///
    /// With `failed`, the commit failed, and whether the journal holds its IDs is known only
    /// at the next start: their entries stay pending, not scheduled. The source tries the
    /// input again; if a later commit takes the same ID, it settles the stranded entry, so
    /// the message is posted once.
    public func submit(_ records: [OutboxRecord], lines: [OutboxBatch.Line], committed: Set<String>, failed: Bool = false) {
        var jobs: [DeliveryJob] = []
        if let name = lines.first?.batch, let file = batches.file(named: name) {
            for (record, line) in zip(records, lines) {
                if committed.contains(ReceiptRecord.messageID(ofRecord: record.id)) {
                    jobs.append(job(record, line, file))
                } else if failed, !isCommitted(record.id) {
                    batches.strand(record.id, line: line, in: file)
                } else {
                    settle(line, in: file)
                }
            }
        }
        let superseding = committed.union(committed.map(ReceiptRecord.recordID(forMessage:)))
        for stranded in batches.unstrand(superseding) { settle(stranded.line, in: stranded.file) }
        for job in scheduler.submitReturningRefused(jobs) { settle(job) }
    }

    /// Takes on batch files the daemon did not write (`wegwijzer retry`) and schedules their
    /// pending entries.
    public func consider(batches names: [String]) {
        for name in names where !batches.knows(name) {
            var taken = Set<String>()
            var result = Recovery()
            let jobs = adopt(name, dead: [], taken: &taken, into: &result)
            // No worker holds an entry of a batch not taken on before: only IDs scheduled from
            // elsewhere are refused.
            let refused = scheduler.submitReturningRefused(jobs)
            let refusedIDs = Set(refused.map(\.id))
            for job in refused { settle(job) }
            for job in jobs where !refusedIDs.contains(job.id) && job.record?.requeuedAt != nil {
                log(.info, "delivery-requeued", ["id": job.id, "team": job.record?.team ?? ""])
            }
        }
    }

    /// Takes on batch `name` and returns jobs for its pending entries. Entries are settled,
    /// not scheduled, when their ID is in `taken` already, when a dead letter in `dead` is
    /// newer, when they were never committed, or when they cannot be read (the file is first
    /// copied aside as `NAME.unreadable`). Returns nothing for a batch taken on already.
    func adopt(_ name: String, dead: Set<String>, taken: inout Set<String>, into result: inout Recovery) -> [DeliveryJob] {
        let open: [OutboxBatch.Entry]
        let file: BatchFile
        do {
            open = try outbox.readBatch(name).filter { !$0.isDone }
            guard let taken = try batches.take(name, unsettled: open.count) else { return [] }
            file = taken
        } catch {
            log(.error, "outbox-unreadable", ["id": name, "reason": "\(error)", "file": outbox.batchPath(name)])
            return []
        }
        var jobs: [DeliveryJob] = []
        var dropped: [OutboxBatch.Line] = []
        for entry in open {
            switch entry.record {
            case .failure(let error):
                setAside(name, reason: error)
                result.unreadable += 1
                dropped.append(entry.line)
            case .success(let record):
                if !taken.insert(record.id).inserted || (dead.contains(record.id) && twinLoses(record)) {
                    dropped.append(entry.line)
                } else if record.requeuedAt != nil || isCommitted(record.id) {
                    jobs.append(job(record, entry.line, file))
                } else {
                    log(.info, "outbox-orphan-removed", ["id": record.id])
                    result.removed += 1
                    dropped.append(entry.line)
                }
            }
        }
        for line in dropped { settle(line, in: file) }
        return jobs
    }

    /// Settles the batch entry of `job`, if it has one.
    func settle(_ job: DeliveryJob) {
        guard let line = job.line, let file = job.file else { return }
        settle(line, in: file)
    }

    /// Marks a batch entry done; the file goes with its last entry. A failure is logged: the
    /// entry would be delivered again after a restart.
    func settle(_ line: OutboxBatch.Line, in file: BatchFile) {
        do {
            try batches.settle(file, offset: line.offset)
        } catch {
            log(.error, "outbox-remove-failed", ["id": line.batch, "reason": "\(error)"])
        }
        removed()
    }

    private func job(_ record: OutboxRecord, _ line: OutboxBatch.Line, _ file: BatchFile) -> DeliveryJob {
        var job = DeliveryJob(record: record, line: line)
        job.file = file
        return job
    }

    /// Keeps a copy of a batch file with a damaged entry, `NAME.unreadable`, once.
    func setAside(_ name: String, reason: RecordFormatError) {
        let copy = outbox.batchPath(name) + ".unreadable"
        guard !DurableFile.exists(copy) else { return }
        do {
            let bytes = try DurableFile.readFile(at: outbox.batchPath(name))
            try DurableFile.createFile(at: copy, contents: bytes, mode: RecordStore.fileMode)
        } catch {
            log(.error, "outbox-write-failed", ["id": name, "reason": "\(error)"])
        }
        log(.error, "outbox-unreadable", ["id": name, "reason": "\(reason)", "file": copy])
    }
}
