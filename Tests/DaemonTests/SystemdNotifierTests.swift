import Foundation
import XCTest

import Daemon

#if canImport(Glibc)
import Glibc
#endif

/// A datagram socket standing in for systemd's notification socket.
private final class DatagramReceiver {
    let fd: Int32
    /// The `$NOTIFY_SOCKET` value that reaches this socket.
    let notifySocket: String

    /// Binds a file-system socket at `path`.
    init(path: String, file: StaticString = #filePath, line: UInt = #line) throws {
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        notifySocket = path
        try bind(Array(path.utf8) + [0], file: file, line: line)
    }

    /// Binds an abstract socket named `name` (no leading `@`); the address length counts the
    /// leading NUL and the name, nothing more.
    init(abstractName name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        notifySocket = "@" + name
        try bind([0] + Array(name.utf8), file: file, line: line)
    }

    private func bind(_ pathBytes: [UInt8], file: StaticString, line: UInt) throws {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: pathBytes) }
        let length = socklen_t(2 + pathBytes.count)  // sun_family is two bytes
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(fd, $0, length) }
        }
        guard fd >= 0, result == 0 else {
            XCTFail("cannot bind test socket: \(String(cString: strerror(errno)))", file: file, line: line)
            throw CocoaError(.fileWriteUnknown)
        }
    }

    /// The next datagram already queued, or `nil` when there is none (it never waits).
    func receive() -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
        return count < 0 ? nil : String(decoding: buffer[0..<count], as: UTF8.self)
    }

    deinit { close(fd) }
}

final class SystemdNotifierTests: XCTestCase {
    func testDoesNothingWithoutNotifySocket() throws {
        let notifier = SystemdNotifier(environment: [:])
        XCTAssertFalse(notifier.isEnabled)
        XCTAssertNil(notifier.watchdogInterval)
        try notifier.ready(status: "routing")
        try notifier.send("WATCHDOG=1")
        XCTAssertFalse(SystemdNotifier(environment: ["NOTIFY_SOCKET": ""]).isEnabled)
    }

    func testSendsToAPathSocket() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let receiver = try DatagramReceiver(path: directory + "/notify")
        try assertSendsAll(to: receiver)
    }

    func testSendsToAnAbstractSocket() throws {
        let receiver = try DatagramReceiver(abstractName: "wegwijzer-test-\(UUID().uuidString)")
        try assertSendsAll(to: receiver)
    }

    func testReloadingCarriesTheMonotonicTime() throws {
        let receiver = try DatagramReceiver(abstractName: "wegwijzer-test-\(UUID().uuidString)")
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": receiver.notifySocket])
        let before = monotonicMicroseconds()
        try notifier.reloading()
        let after = monotonicMicroseconds()
        let message = try XCTUnwrap(receiver.receive())
        let lines = message.split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        XCTAssertEqual(lines.first, "RELOADING=1")
        let stamp = try XCTUnwrap(lines.last.flatMap { UInt64($0.dropFirst("MONOTONIC_USEC=".count)) })
        XCTAssertTrue(lines.last?.hasPrefix("MONOTONIC_USEC=") ?? false)
        XCTAssertTrue((before...after).contains(stamp), "\(stamp) not in \(before)...\(after)")
    }

    func testWatchdogInterval() {
        let pid = getpid()
        func interval(_ environment: [String: String]) -> Duration? {
            SystemdNotifier(environment: environment, processID: pid).watchdogInterval
        }
        XCTAssertEqual(interval(["WATCHDOG_USEC": "20000000"]), .seconds(10))
        XCTAssertEqual(interval(["WATCHDOG_USEC": "3", "WATCHDOG_PID": "\(pid)"]), .microseconds(1))
        XCTAssertNil(interval(["WATCHDOG_USEC": "20000000", "WATCHDOG_PID": "\(pid + 1)"]))
        XCTAssertNil(interval(["WATCHDOG_USEC": "20000000", "WATCHDOG_PID": "init"]))
        XCTAssertNil(interval(["WATCHDOG_USEC": "0"]))
        XCTAssertNil(interval(["WATCHDOG_USEC": "-5"]))
        XCTAssertNil(interval(["WATCHDOG_PID": "\(pid)"]))
    }

    func testFailuresAreReported() {
        let missing = "/nonexistent-\(UUID().uuidString)/notify"
        assertFailure(missing, errno: ENOENT)
        assertFailure("relative/notify", errno: EAFNOSUPPORT)
        assertFailure("/" + String(repeating: "x", count: 200), errno: EINVAL)
        assertFailure("@", errno: EINVAL)
        XCTAssertEqual(
            NotifyFailure(socketPath: "/run/x", errno: ECONNREFUSED).description,
            "cannot notify systemd at /run/x: Connection refused")
    }

    private func assertSendsAll(
        to receiver: DatagramReceiver, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": receiver.notifySocket])
        XCTAssertTrue(notifier.isEnabled, file: file, line: line)
        try notifier.ready(status: "routing")
        try notifier.ready()
        try notifier.status("3 queued\nfor Stadsbeheer")
        try notifier.watchdog()
        try notifier.stopping()
        try notifier.send("EXTEND_TIMEOUT_USEC=5000000")
        var received: [String] = []
        while let datagram = receiver.receive() { received.append(datagram) }
        XCTAssertEqual(received, [
            "READY=1\nSTATUS=routing", "READY=1", "STATUS=3 queued for Stadsbeheer", "WATCHDOG=1",
            "STOPPING=1", "EXTEND_TIMEOUT_USEC=5000000",
        ], file: file, line: line)
    }

    private func assertFailure(
        _ socketPath: String, errno expected: Int32, file: StaticString = #filePath, line: UInt = #line
    ) {
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": socketPath])
        XCTAssertThrowsError(try notifier.watchdog(), socketPath, file: file, line: line) { error in
            XCTAssertEqual((error as? NotifyFailure)?.errno, expected, socketPath, file: file, line: line)
        }
    }

    private func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
    }
}
