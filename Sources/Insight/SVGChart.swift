/// Charts as inline SVG elements, drawn from numbers alone: no script, no external style, no
/// font file. Every chart has a `<title>` and draws at least one mark; without data it says so
/// in words.
enum SVGChart {
    /// A series of a stacked chart: its name, colour and one value per category.
    struct Series {
        var name: String
        var color: String
        var values: [Double]
    }

    /// Colours for series and bars, distinct in print.
    static let palette = ["#1f6fb2", "#e07b00", "#2a9d4b", "#c0392b", "#7d4cb0", "#8c6d31", "#d35fa0", "#5f6b73"]

    /// Horizontal bars, one row per label, with the value's text at the end of the bar.
    static func bars(title: String, rows: [(label: String, value: Double, text: String)], color: String = palette[0]) -> String {
        let width = 640.0
        let labelWidth = 170.0
        let rowHeight = 22.0
        let height = max(1, Double(rows.count)) * rowHeight + 10
        var svg = open(title: title, width: width, height: height)
        guard !rows.isEmpty else { return svg + empty(width: width, height: height) + "</svg>" }
        let largest = max(rows.map(\.value).max() ?? 0, 1e-9)
        for (index, row) in rows.enumerated() {
            let y = 5 + Double(index) * rowHeight
            let length = max(1, (width - labelWidth - 70) * row.value / largest)
            svg += text(row.label, x: labelWidth - 6, y: y + 15, anchor: "end")
            svg += rect(x: labelWidth, y: y + 3, width: length, height: rowHeight - 6, color: color, title: "\(row.label): \(row.text)")
            svg += text(row.text, x: labelWidth + length + 5, y: y + 15, anchor: "start")
        }
        return svg + "</svg>"
    }

    /// Columns, one per category, each stacked from the series' values, with a legend.
    static func stackedColumns(title: String, categories: [String], series: [Series], percent: Bool = false) -> String {
        let width = 640.0
        let height = 240.0
        let top = 28.0
        let bottom = 40.0
        let left = 44.0
        var svg = open(title: title, width: width, height: height)
        let totals = categories.indices.map { index in series.reduce(0) { $0 + ($1.values.indices.contains(index) ? $1.values[index] : 0) } }
        guard !categories.isEmpty, (totals.max() ?? 0) > 0 else { return svg + empty(width: width, height: height) + "</svg>" }
        let largest = percent ? 1 : (totals.max() ?? 1)
        let plot = height - top - bottom
        let step = (width - left - 10) / Double(categories.count)
        svg += line(x1: left, y1: top + plot, x2: width - 10, y2: top + plot)
        svg += text(percent ? "100%" : number(largest), x: left - 4, y: top + 4, anchor: "end")
        svg += text("0", x: left - 4, y: top + plot, anchor: "end")
        for (index, category) in categories.enumerated() {
            var base = top + plot
            for item in series where item.values.indices.contains(index) && item.values[index] > 0 {
                let value = item.values[index]
                let barHeight = max(0.5, plot * value / largest)
                base -= barHeight
                svg += rect(x: left + Double(index) * step + step * 0.15, y: base, width: max(1, step * 0.7), height: barHeight,
                            color: item.color, title: "\(category) \(item.name): \(percent ? percentText(value) : number(value))")
            }
            let labelEvery = max(1, categories.count / 10)
            if index % labelEvery == 0 {
                svg += text(String(category.suffix(5)), x: left + (Double(index) + 0.5) * step, y: top + plot + 14, anchor: "middle")
            }
        }
        var x = left
        for item in series {
            svg += rect(x: x, y: 6, width: 10, height: 10, color: item.color, title: item.name)
            svg += text(item.name, x: x + 14, y: 15, anchor: "start")
            x += 24 + Double(item.name.count) * 7
        }
        return svg + "</svg>"
    }

    /// `value` as a whole number or with one decimal.
    static func number(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String((value * 10).rounded() / 10)
    }

    /// A fraction as a percentage with one decimal, Dutch style: `12,5%`.
    static func percentText(_ fraction: Double) -> String {
        number(fraction * 100).replacingOccurrences(of: ".", with: ",") + "%"
    }

    private static func open(title: String, width: Double, height: Double) -> String {
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 \(number(width)) \(number(height))\" "
            + "width=\"\(number(width))\" height=\"\(number(height))\"><title>\(HTMLEscaping.escape(title))</title>"
    }

    private static func empty(width: Double, height: Double) -> String {
        rect(x: 0.5, y: 0.5, width: width - 1, height: height - 1, color: "none", title: "geen gegevens", stroke: "#999")
            + text("Geen gegevens in deze periode", x: width / 2, y: height / 2 + 5, anchor: "middle")
    }

    private static func rect(x: Double, y: Double, width: Double, height: Double, color: String, title: String,
                             stroke: String? = nil) -> String {
        "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(width))\" height=\"\(number(height))\" fill=\"\(color)\""
            + (stroke.map { " stroke=\"\($0)\"" } ?? "") + "><title>\(HTMLEscaping.escape(title))</title></rect>"
    }

    private static func line(x1: Double, y1: Double, x2: Double, y2: Double) -> String {
        "<line x1=\"\(number(x1))\" y1=\"\(number(y1))\" x2=\"\(number(x2))\" y2=\"\(number(y2))\" stroke=\"#333\"/>"
    }

    private static func text(_ content: String, x: Double, y: Double, anchor: String) -> String {
        "<text x=\"\(number(x))\" y=\"\(number(y))\" text-anchor=\"\(anchor)\" font-size=\"11\" font-family=\"sans-serif\">"
            + HTMLEscaping.escape(content) + "</text>"
    }
}
