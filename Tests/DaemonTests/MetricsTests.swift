import Daemon
import XCTest

final class MetricsTests: XCTestCase {
    func testCountersStartAtZeroAndCount() {
        let metrics = Metrics(teams: ["KCC", "Milieu"])
        metrics.received(channel: "webhook")
        metrics.received(channel: "webhook")
        metrics.routed(team: "Milieu", fallback: false)
        metrics.routed(team: "KCC", fallback: true)
        metrics.rejected(reason: "unauthorized")
        metrics.httpResponse(status: 202)
        metrics.httpResponse(status: 202)
        metrics.delivery(.retrying)
        let snapshot = metrics.snapshot
        XCTAssertEqual(snapshot.received, ["email": 0, "form": 0, "webhook": 2, "call": 0])
        XCTAssertEqual(snapshot.routed, ["KCC": 1, "Milieu": 1])
        XCTAssertEqual(snapshot.fallbacks, 1)
        XCTAssertEqual(snapshot.rejected, ["unauthorized": 1])
        XCTAssertEqual(snapshot.deliveries, ["ok": 0, "failed": 0, "retrying": 1])
        XCTAssertEqual(snapshot.httpResponses, [202: 2])
    }

    func testCountingFromManyThreadsLosesNothing() {
        let metrics = Metrics()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<1000 { metrics.received(channel: "form") }
        }
        XCTAssertEqual(metrics.snapshot.received["form"], 8000)
    }

    func testPrometheusText() {
        let metrics = Metrics(teams: ["Stadsbeheer"])
        metrics.routed(team: "Stadsbeheer", fallback: false)
        metrics.rejected(reason: "a\"b\\c")
        metrics.httpResponse(status: 401)
        let text = MetricsText.render(metrics.snapshot, MetricsText.Gauges(
            queueDepths: [(team: "Stadsbeheer", depth: 3)], deadLetters: 2, residentBytes: 4096, uptime: 1.5))
        for line in [
            "# TYPE wegwijzer_received_total counter",
            "wegwijzer_received_total{channel=\"webhook\"} 0",
            "wegwijzer_routed_total{team=\"Stadsbeheer\"} 1",
            "wegwijzer_fallbacks_total 0",
            "wegwijzer_rejected_total{reason=\"a\\\"b\\\\c\"} 1",
            "wegwijzer_deliveries_total{result=\"ok\"} 0",
            "wegwijzer_deliveries_total{result=\"failed\"} 0",
            "wegwijzer_deliveries_total{result=\"retrying\"} 0",
            "wegwijzer_dead_letters 2",
            "wegwijzer_queue_depth{team=\"Stadsbeheer\"} 3",
            "wegwijzer_http_requests_total{code=\"401\"} 1",
            "process_resident_memory_bytes 4096",
            "wegwijzer_uptime_seconds 1.500",
        ] {
            XCTAssertTrue(text.contains(line + "\n"), "missing: \(line)\n\(text)")
        }
        for family in text.split(separator: "\n") where family.hasPrefix("# TYPE") {
            let name = family.split(separator: " ")[2]
            XCTAssertTrue(text.contains("# HELP \(name) "), "no HELP for \(name)")
        }
    }

    func testResidentMemoryIsRead() {
        XCTAssertGreaterThan(ProcessStats.residentBytes(), 1 << 20)
    }
}
