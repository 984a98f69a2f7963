import Delivery
import Foundation

/// Fuzz target: an outbox batch file as read back from disk (damaged, cut short, hand-edited).
/// What is read must write back to bytes that read back to the same bytes again (times are
/// kept to the millisecond, so the first writing may round them).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOutboxBatch(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let records = OutboxBatch.decode(bytes, name: "fuzz.batch").compactMap { try? $0.record.get() }
    let written = OutboxBatch.encode(records).bytes
    let again = OutboxBatch.decode(written, name: "again.batch")
    precondition(again.count == records.count && again.allSatisfy { !$0.isDone }, "a written batch reads back whole")
    let rewritten = OutboxBatch.encode(again.compactMap { try? $0.record.get() }).bytes
    precondition(rewritten == written, "a record changed on its way back")
    return 0
}
