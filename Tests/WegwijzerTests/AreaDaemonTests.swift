import Foundation
import Glibc
import XCTest

/// Area routing end to end: a centrumgemeente with three municipalities, each with its own
/// area teams, fed through forms (map points and address fields), e-mail and webhook posts.
final class AreaDaemonTests: XCTestCase {
    /// The router, the fallback team and the outside team, before the teams of each test.
    static let header = """
        [router]
        state = state
        queues = queues
        fallback = KCC
        outside = Verwijzing

        [team KCC]

        [team Verwijzing]


        """

    /// Katwijk and Teylingen by polygon and postcode, Noordwijk by postcode, street file and
    /// place; one Stadsbeheer and one Wmo area team per municipality.
    static func config(port: UInt16) -> String {
        var text = header + """
            [team Stadsbeheer]
            signals = lantaarnpaal:4, stoeptegel:4

            [team Wmo]
            signals = rolstoel:4, scootmobiel:4

            [area Katwijk]
            polygons = katwijk.geojson
            postcodes = 2221-2225
            places = Katwijk, Rijnsburg

            [area Noordwijk]
            postcodes = 2200-2204
            streets-file = noordwijk-straten.txt
            places = Noordwijk, De Zilk

            [area Teylingen]
            polygons = teylingen.geojson
            postcodes = 2160-2171
            places = Sassenheim, Voorhout, Warmond

            [source forms]
            type = form-drop
            path = in/forms

            [source mail]
            type = maildir
            path = in/mail

            [source hook]
            type = webhook
            listen = 127.0.0.1:\(port)
            secret = ../hook.secret

            """
        for municipality in ["Katwijk", "Noordwijk", "Teylingen"] {
            for team in ["Stadsbeheer", "Wmo"] {
                text += "\n[team \(municipality)-\(team)]\ntakes = \(team)\narea = \(municipality)\n"
            }
        }
        return text
    }

    private func square(_ west: Double, _ south: Double, _ east: Double, _ north: Double) -> String {
        #"{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[\#(west),\#(south)],[\#(east),\#(south)],[\#(east),\#(north)],[\#(west),\#(north)],[\#(west),\#(south)]]]}}"#
    }

    func testEveryChannelLandsInTheRightAreaTeamsQueue() throws {
        let port = RawHTTPConnection.freePort()
        let daemon = try DaemonHarness(config: Self.config(port: port))
        let root = daemon.root
        try square(4.38, 52.18, 4.46, 52.23).write(to: root.appendingPathComponent("katwijk.geojson"), atomically: true, encoding: .utf8)
        try #"{"type":"FeatureCollection","features":[\#(square(4.48, 52.20, 4.56, 52.28))]}"#
            .write(to: root.appendingPathComponent("teylingen.geojson"), atomically: true, encoding: .utf8)
        try "# Noordwijk\nKoningin Wilhelmina Boulevard\nHuis ter Duinstraat\n"
            .write(to: root.appendingPathComponent("noordwijk-straten.txt"), atomically: true, encoding: .utf8)
        try "\(WebhookDaemon.secret)\n".write(to: root.appendingPathComponent("hook.secret"), atomically: true, encoding: .utf8)

        try FileManager.default.createDirectory(at: daemon.stateDirectory, withIntermediateDirectories: true)
        let check = try BinaryRunner.run(["check", "--config", daemon.configPath], directory: root)
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(check.stdout.contains("ok: 10 teams, 4 signals, 3 areas, 3 sources, 0 warnings"), check.stdout)

        try daemon.start()
        // marker → (queue, areaBy, reason)
        var expected: [String: (queue: String, areaBy: String?, reason: String)] = [:]
        func form(_ marker: String, _ json: String, _ queue: String, _ areaBy: String?, _ reason: String) throws {
            expected[marker] = (queue, areaBy, reason)
            try daemon.drop(json, as: "\(marker).json", into: "forms")
        }
        try form("punt", #"{"text": "De lantaarnpaal is kapot (punt)", "lat": 52.2, "lon": 4.41}"#,
                 "katwijk-stadsbeheer", "point", "signals; area Katwijk by point 52.2,4.41")
        try form("kaart", """
            {"values": {"melding": "Mijn scootmobiel staat hier kapot (kaart)",
                        "locatie": {"type": "Point", "coordinates": [4.52, 52.25]}}}
            """, "teylingen-wmo", "point", "signals; area Teylingen by point 52.25,4.52")
        try form("adres", """
            {"values": {"melding": "Losse stoeptegel op de stoep (adres)",
                        "addressNL": {"postcode": "2202 AB", "houseNumber": "3", "city": "Noordwijk"}}}
            """, "noordwijk-stadsbeheer", "postcode", "signals; area Noordwijk by postcode 2202")
        // The form's postcode (Teylingen) is trusted above the place in the text (Katwijk).
        try form("conflict", #"{"text": "Lantaarnpaal kapot, ik woon in Katwijk (conflict)", "postcode": "2165 XA"}"#,
                 "teylingen-stadsbeheer", "postcode", "signals; area Teylingen by postcode 2165")
        try form("zonder", #"{"text": "Mijn rolstoel is kapot (zonder)"}"#, "wmo", nil, "signals")
        try form("buiten", #"{"text": "Lantaarnpaal kapot bij 3011 AB Rotterdam (buiten)"}"#,
                 "verwijzing", nil, "signals; outside every area (postcode 3011)")

        let maildir = daemon.stateDirectory.appendingPathComponent("in/mail")
        for folder in ["tmp", "cur"] {
            try FileManager.default.createDirectory(at: maildir.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for (marker, body, queue, areaBy, reason) in [
            ("straat", "De stoeptegel voor Huis ter Duinstraat 7 ligt los (straat)", "noordwijk-stadsbeheer", "street",
             "signals; area Noordwijk by street Huis ter Duinstraat"),
            ("plaats", "Mijn scootmobiel is stuk, ik woon in Sassenheim (plaats)", "teylingen-wmo", "place",
             "signals; area Teylingen by place Sassenheim"),
        ] {
            expected[marker] = (queue, areaBy, reason)
            let mail = "From: Burger <burger@example.nl>\r\nSubject: Melding\r\nMessage-ID: <\(marker)@example.nl>\r\n\r\n\(body)\r\n"
            try daemon.drop(mail, as: "\(marker).mail", into: "mail/new")
        }

        let listening = daemon.wait(timeout: 20) { daemon.log.contains("\"webhook-listening\"") }
        XCTAssertTrue(listening, daemon.log)
        for (marker, body, queue, areaBy, reason) in [
            ("webhook-punt", #"{"text": "Rolstoel kapot (webhook-punt)", "latitude": 52.21, "longitude": 4.44}"#,
             "katwijk-wmo", "point", "signals; area Katwijk by point 52.21,4.44"),
            ("webhook-postcode", #"{"text": "Lantaarnpaal kapot (webhook-postcode)", "postcode": "2201CD"}"#,
             "noordwijk-stadsbeheer", "postcode", "signals; area Noordwijk by postcode 2201"),
        ] {
            expected[marker] = (queue, areaBy, reason)
            let connection = try RawHTTPConnection(port: port)
            connection.send(WebhookDaemon.post(body: body, id: "msg_\(marker)"))
            XCTAssertEqual(connection.response()?.status, 202, daemon.log.suffix(2000).description)
        }

        let queues = Set(expected.values.map(\.queue))
        let total = expected.count
        XCTAssertTrue(daemon.wait(timeout: 30) { queues.reduce(0) { $0 + daemon.queued($1).count } >= total },
                      daemon.log.suffix(3000).description)
        var seen = Set<String>()
        for queue in queues {
            for file in daemon.queued(queue) {
                let message = try daemon.message(queue, file)
                let text = message["text"] as? String ?? ""
                guard let marker = expected.keys.first(where: { text.contains("(\($0))") }), let wanted = expected[marker] else {
                    XCTFail("unexpected message in \(queue): \(text)")
                    continue
                }
                seen.insert(marker)
                let location = message["location"] as? [String: Any] ?? [:]
                let routing = message["routing"] as? [String: Any] ?? [:]
                XCTAssertEqual(queue, wanted.queue, marker)
                XCTAssertEqual(location["areaBy"] as? String, wanted.areaBy, marker)
                XCTAssertEqual(routing["reason"] as? String, wanted.reason, marker)
                if wanted.areaBy == "point" {
                    let point = location["coordinates"] as? [String: Any]
                    XCTAssertNotNil(point?["lat"] as? Double, marker)
                    XCTAssertNotNil(point?["lon"] as? Double, marker)
                }
            }
        }
        XCTAssertEqual(seen, Set(expected.keys))
        daemon.signal(SIGTERM)
        XCTAssertEqual(daemon.waitForExit(timeout: 10), 0)
    }

    func testReloadReadsChangedPolygonsAndKeepsTheOldOnesWhenBroken() throws {
        let daemon = try DaemonHarness(config: Self.header + """
            [team Stadsbeheer]
            signals = lantaarnpaal:4

            [team Noord]
            takes = Stadsbeheer
            area = Noord

            [area Noord]
            polygons = noord.geojson

            [source forms]
            type = form-drop
            path = in/forms
            """)
        let polygons = daemon.root.appendingPathComponent("noord.geojson")
        try square(4.38, 52.18, 4.46, 52.23).write(to: polygons, atomically: true, encoding: .utf8)
        try daemon.start()
        let form = #"{"text": "De lantaarnpaal is kapot", "lat": 52.2, "lon": 4.41}"#
        try daemon.drop(form, as: "before.json", into: "forms")
        XCTAssertTrue(daemon.wait(timeout: 10) { daemon.queued("noord").count == 1 }, daemon.log)

        // A broken polygon file: the reload fails, naming the file's line, and the old areas route.
        try "{\"type\": \"Polygon\",\n \"coordinates\": [[[4.4, 52.2], [4.5, 52.2]]]}".write(to: polygons, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        XCTAssertTrue(daemon.wait(timeout: 10) { daemon.log.contains("reload-failed") }, daemon.log)
        XCTAssertTrue(daemon.log.contains("noord.geojson:2:"), daemon.log)
        try daemon.drop(form, as: "broken.json", into: "forms")
        XCTAssertTrue(daemon.wait(timeout: 10) { daemon.queued("noord").count == 2 }, daemon.log)

        // The area moved elsewhere: the same point now lies outside every area.
        try square(5.38, 52.18, 5.46, 52.23).write(to: polygons, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        XCTAssertTrue(daemon.wait(timeout: 10) { daemon.log.contains("\"reloaded\"") }, daemon.log)
        try daemon.drop(form, as: "after.json", into: "forms")
        XCTAssertTrue(daemon.wait(timeout: 10) { daemon.queued("verwijzing").count == 1 }, daemon.log)
        let message = try daemon.message("verwijzing", daemon.queued("verwijzing")[0])
        XCTAssertEqual((message["routing"] as? [String: Any])?["reason"] as? String, "signals; outside every area (point 52.2,4.41)")
        XCTAssertEqual(daemon.queued("noord").count, 2)
        daemon.signal(SIGTERM)
        XCTAssertEqual(daemon.waitForExit(timeout: 10), 0)
    }
}
