import Intake
import XCTest

final class SocketActivationTests: XCTestCase {
    func testEnvironmentForThisProcessOnly() {
        let environment = ["LISTEN_PID": "42", "LISTEN_FDS": "2", "LISTEN_FDNAMES": "hook:other"]
        XCTAssertEqual(SocketActivation(environment: environment, processID: 42).sockets,
                       [.init(fd: 3, name: "hook"), .init(fd: 4, name: "other")])
        XCTAssertEqual(SocketActivation(environment: environment, processID: 43).sockets, [])
        XCTAssertEqual(SocketActivation(environment: ["LISTEN_PID": "42", "LISTEN_FDS": "1"], processID: 42).sockets,
                       [.init(fd: 3, name: "unknown")])
    }

    func testNamedSocketsGoToTheirSourceAndTheRestInOrder() {
        let activation = SocketActivation(sockets: [
            .init(fd: 3, name: "unknown"), .init(fd: 4, name: "api"), .init(fd: 5, name: "unknown"), .init(fd: 6, name: "x"),
        ])
        let assigned = activation.assign([("first", 2), ("api", 1), ("third", 1), ("fourth", 1)])
        XCTAssertEqual(assigned["api"], [4])
        XCTAssertEqual(assigned["first"], [3, 5])
        XCTAssertEqual(assigned["third"], [6])
        XCTAssertNil(assigned["fourth"])
    }
}
