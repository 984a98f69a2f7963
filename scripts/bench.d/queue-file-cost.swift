// The CPU cost of the file-system work one queued message needs, and nothing else.
//
// Usage: queue-file-cost DIR [COUNT] [SIZE] [BATCH] — prints CPU microseconds per message.
// Per message it does what the pipeline does for one queue file: create tmp/ID.json (mode
// 0640), write SIZE bytes, close, rename it to new/ID.json; every BATCH messages one syncfs
// and one fsync of new/ (the group commit). The figure is this process's user and system time
// per message: a floor for any program that keeps one file per message on that disk.
import Glibc

@_silgen_name("syncfs") func syncfs(_ fd: Int32) -> Int32

func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    return user + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

func check(_ result: Int32, _ what: String) {
    guard result < 0 else { return }
    fputs("queue-file-cost: cannot \(what): \(String(cString: strerror(errno)))\n", stderr)
    exit(1)
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    fputs("usage: queue-file-cost DIR [COUNT] [SIZE] [BATCH]\n", stderr)
    exit(2)
}
let directory = arguments[1]
let count = arguments.count > 2 ? Int(arguments[2]) ?? 20000 : 20000
let size = arguments.count > 3 ? Int(arguments[3]) ?? 1500 : 1500
let batch = arguments.count > 4 ? Int(arguments[4]) ?? 16 : 16
for path in [directory, directory + "/tmp", directory + "/new"] where mkdir(path, 0o750) != 0 && errno != EEXIST {
    check(-1, "create \(path)")
}
let payload = [UInt8](repeating: UInt8(ascii: "x"), count: size)
let newDirectory = open(directory + "/new", O_RDONLY | O_DIRECTORY)
check(newDirectory, "open \(directory)/new")
let start = cpuSeconds()
for index in 0..<count {
    let name = "/\(index)-queue-file-cost.json"
    let staged = directory + "/tmp" + name
    let fd = open(staged, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o640)
    check(fd, "create \(staged)")
    check(Int32(payload.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }), "write \(staged)")
    check(close(fd), "close \(staged)")
    check(rename(staged, directory + "/new" + name), "rename \(staged)")
    if index % batch == batch - 1 {
        check(syncfs(newDirectory), "syncfs")
        check(fsync(newDirectory), "fsync \(directory)/new")
    }
}
let used = cpuSeconds() - start
print((used / Double(count) * 1e7).rounded() / 10)
