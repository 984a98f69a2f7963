/// The report as one self-contained HTML page in Dutch: inline style, charts as inline SVG,
/// no script, and a Content-Security-Policy that forbids loading anything, so it works offline
/// and cannot reach the network. Prints on A4, one section per block.
public enum ReportHTML {
    /// Channel names as the page shows them.
    static let channelNames = ["email": "e-mail", "form": "formulier", "webhook": "webhook", "call": "telefoon"]

    /// The page for `figures`, made at `generatedAt` (RFC 3339).
    public static func page(_ figures: ReportFigures, generatedAt: String) -> String {
        var html = head(period: periodText(figures))
        html += "<p class=\"meta\">Periode: \(escape(periodText(figures))). Gemaakt op \(escape(generatedAt)).</p>\n"
        html += keyFigures(figures)
        html += section("Berichten per dag per kanaal", SVGChart.stackedColumns(
            title: "Berichten per dag per kanaal", categories: figures.dayNames, series: channelSeries(figures)))
        html += section("Berichten per team", SVGChart.bars(
            title: "Berichten per team (na correcties)",
            rows: figures.teams.sorted { ($1.value.messages, $0.key) < ($0.value.messages, $1.key) }
                .filter { $0.value.messages > 0 }.map { ($0.key, Double($0.value.messages), String($0.value.messages)) }))
        html += section("Aandeel triage per dag", SVGChart.stackedColumns(
            title: "Aandeel naar de triage (fallback) per dag", categories: figures.dayNames,
            series: [.init(name: "triage", color: SVGChart.palette[1], values: figures.dayNames.map { name in
                let day = figures.days[name] ?? ReportFigures.Day()
                return day.messages == 0 ? 0 : Double(day.fallback) / Double(day.messages)
            })], percent: true))
        html += section("Spoedberichten per dag", SVGChart.stackedColumns(
            title: "Spoedberichten per dag", categories: figures.dayNames,
            series: [.init(name: "spoed", color: SVGChart.palette[3], values: figures.dayNames.map { Double(figures.days[$0]?.urgent ?? 0) })]))
        html += corrections(figures)
        html += signals(figures)
        html += section("Berichten per gebied", SVGChart.bars(
            title: "Berichten per gebied",
            rows: figures.areas.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
                .map { ($0.key.isEmpty ? "(geen gebied)" : $0.key, Double($0.value), String($0.value)) }, color: SVGChart.palette[2]))
        html += section("Afgewezen invoer, ruis en onbestelbaar", SVGChart.bars(
            title: "Afgewezen invoer, ruis en onbestelbare berichten (stand bij het maken)",
            rows: figures.intake.map { intake in
                [("afgewezen invoer", Double(intake.rejected), String(intake.rejected)),
                 ("ruis (autoreplies)", Double(intake.noise), String(intake.noise)),
                 ("onbestelbaar", Double(intake.deadLetters), String(intake.deadLetters))]
            } ?? [], color: SVGChart.palette[5]))
        let delays: [(String, Int?)] = [
            ("wachtrij, mediaan", figures.queueDelay(percentile: 0.5)), ("wachtrij, 95e percentiel", figures.queueDelay(percentile: 0.95)),
            ("endpoint, mediaan", figures.endpointDelay(percentile: 0.5)),
            ("endpoint, 95e percentiel", figures.endpointDelay(percentile: 0.95)),
        ]
        html += section("Doorlooptijd", SVGChart.bars(
            title: "Tijd van ontvangst tot wachtrij en tot aanname door het endpoint van het team (milliseconden)",
            rows: delays.compactMap { label, value in value.map { (label, Double($0), "\($0) ms") } }, color: SVGChart.palette[4])
            + (figures.endpointDelays.isEmpty ? "<p>Geen berichten aangenomen door een endpoint in deze periode.</p>" : ""))
        return html + "</body>\n</html>\n"
    }

    private static func periodText(_ figures: ReportFigures) -> String {
        let from = figures.period.since ?? figures.dayNames.first ?? "begin van het archief"
        let to = figures.period.until ?? figures.dayNames.last ?? "vandaag"
        return "\(from) tot en met \(to)"
    }

    private static func channelSeries(_ figures: ReportFigures) -> [SVGChart.Series] {
        let channels = figures.channels.keys.sorted()
        return channels.enumerated().map { index, channel in
            SVGChart.Series(name: channelNames[channel] ?? channel, color: SVGChart.palette[index % SVGChart.palette.count],
                            values: figures.dayNames.map { Double(figures.days[$0]?.channels[channel] ?? 0) })
        }
    }

    private static func keyFigures(_ figures: ReportFigures) -> String {
        let share = figures.messages == 0 ? 0 : Double(figures.fallback) / Double(figures.messages)
        let rows = [
            ("Berichten", String(figures.messages)),
            ("Naar de triage (fallback)", "\(figures.fallback) (\(SVGChart.percentText(share)))"),
            ("Spoed", String(figures.urgent)),
            ("Correcties", String(figures.corrections)),
            ("Ontvangst tot wachtrij, mediaan / 95e percentiel",
             "\(figures.queueDelay(percentile: 0.5).map { "\($0) ms" } ?? "–") / \(figures.queueDelay(percentile: 0.95).map { "\($0) ms" } ?? "–")"),
        ]
        return "<section><h2>Kerncijfers</h2>\n<table>" + rows.map { "<tr><th>\(escape($0.0))</th><td>\(escape($0.1))</td></tr>" }.joined()
            + "</table></section>\n"
    }

    private static func corrections(_ figures: ReportFigures) -> String {
        let teams = figures.teams.sorted { $0.key < $1.key }.filter { $0.value.routed + $0.value.reroutedIn > 0 }
        let chart = SVGChart.bars(
            title: "Aandeel berichten dat een team doorstuurde",
            rows: teams.map { name, team in
                (name, team.reroutedShare, "\(SVGChart.percentText(team.reroutedShare)) (\(team.reroutedAway) van \(team.routed + team.reroutedIn))")
            }, color: SVGChart.palette[3])
        var table = "<table><tr><th>van team</th><th>naar team</th><th>berichten</th></tr>"
        for (name, team) in teams {
            for (target, count) in team.reroutedTo.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
                table += "<tr><td>\(escape(name))</td><td>\(escape(target))</td><td>\(count)</td></tr>"
            }
        }
        table += "</table>"
        return section("Correcties per team", chart + (figures.corrections == 0 ? "<p>Geen correcties in deze periode.</p>" : table))
    }

    private static func signals(_ figures: ReportFigures) -> String {
        var table = "<table><tr><th>team</th><th>meest gevonden signaalwoorden</th></tr>"
        for (name, team) in figures.teams.sorted(by: { $0.key < $1.key }) where !team.signals.isEmpty {
            let terms = team.topSignals(ReportJSON.topSignals).map { "\(escape($0.term)) (\($0.count))" }.joined(separator: ", ")
            table += "<tr><td>\(escape(name))</td><td>\(terms)</td></tr>"
        }
        return section("Signaalwoorden per team", table + "</table>")
    }

    private static func section(_ title: String, _ body: String) -> String {
        "<section><h2>\(escape(title))</h2>\n\(body)\n</section>\n"
    }

    private static func head(period: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="nl">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Wegwijzer: rapportage \(escape(period))</title>
        <style>
        body { font-family: sans-serif; color: #222; margin: 2em auto; max-width: 46em; padding: 0 1em; }
        h1 { font-size: 1.5em; } h2 { font-size: 1.15em; border-bottom: 1px solid #bbb; padding-bottom: .2em; }
        table { border-collapse: collapse; margin: .5em 0; } th, td { text-align: left; padding: .2em .8em .2em 0; vertical-align: top; }
        svg.chart { max-width: 100%; height: auto; display: block; }
        section { break-inside: avoid; page-break-inside: avoid; margin-bottom: 1.5em; }
        .meta { color: #555; }
        @page { size: A4; margin: 15mm; }
        @media print { body { margin: 0; max-width: none; font-size: 10pt; } }
        </style>
        </head>
        <body>
        <h1>Wegwijzer: wat inwoners vragen</h1>

        """
    }

    private static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }
}
