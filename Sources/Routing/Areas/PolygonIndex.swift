/// The polygons of every area in a uniform grid over their common box, so that finding the
/// area of a point tests only the few polygons whose box covers the point's cell.
struct PolygonIndex: Sendable {
    /// Every polygon, in configuration order (area by area).
    private let polygons: [GeoPolygon]
    /// The area of each polygon.
    private let owners: [Int]
    private let box: GeoBox
    private let columns: Int
    private let rows: Int
    /// For cell `c`, the polygons `cellItems[cellStarts[c]..<cellStarts[c + 1]]`, in order.
    private let cellStarts: [Int]
    private let cellItems: [Int32]

    /// Indexes the polygons of `areas`.
    init(areas: [AreaConfig]) {
        var polygons: [GeoPolygon] = []
        var owners: [Int] = []
        for (index, area) in areas.enumerated() {
            for polygon in area.polygons {
                polygons.append(polygon)
                owners.append(index)
            }
        }
        self.polygons = polygons
        self.owners = owners
        let box = polygons.dropFirst().reduce(polygons.first?.box ?? GeoBox(points: [0, 0])) { $0.union($1.box) }
        self.box = box
        // About four cells per polygon, at most 512 a side.
        let side = max(1, min(512, Int(Double(polygons.count * 4).squareRoot().rounded(.up))))
        columns = side
        rows = side
        var buckets = [[Int32]](repeating: [], count: side * side)
        for (index, polygon) in polygons.enumerated() {
            let low = Self.cell(lat: polygon.box.minLat, lon: polygon.box.minLon, box: box, columns: side, rows: side)
            let high = Self.cell(lat: polygon.box.maxLat, lon: polygon.box.maxLon, box: box, columns: side, rows: side)
            for row in low.row...high.row {
                for column in low.column...high.column { buckets[row * side + column].append(Int32(index)) }
            }
        }
        var starts = [0]
        starts.reserveCapacity(buckets.count + 1)
        var items: [Int32] = []
        for bucket in buckets {
            items += bucket
            starts.append(items.count)
        }
        cellStarts = starts
        cellItems = items
    }

    /// Whether there is any polygon.
    var isEmpty: Bool { polygons.isEmpty }

    /// The area of the first polygon, in configuration order, that holds the point.
    func area(lat: Double, lon: Double) -> Int? {
        guard !polygons.isEmpty, box.contains(lat: lat, lon: lon) else { return nil }
        let cell = Self.cell(lat: lat, lon: lon, box: box, columns: columns, rows: rows)
        let slot = cell.row * columns + cell.column
        for item in cellItems[cellStarts[slot]..<cellStarts[slot + 1]] {
            let index = Int(item)
            if polygons[index].contains(lat: lat, lon: lon) { return owners[index] }
        }
        return nil
    }

    private static func cell(lat: Double, lon: Double, box: GeoBox, columns: Int, rows: Int) -> (row: Int, column: Int) {
        let width = box.maxLon - box.minLon, height = box.maxLat - box.minLat
        let column = width > 0 ? Int((lon - box.minLon) / width * Double(columns)) : 0
        let row = height > 0 ? Int((lat - box.minLat) / height * Double(rows)) : 0
        return (min(max(row, 0), rows - 1), min(max(column, 0), columns - 1))
    }
}
