import Routing

/// Fuzz target: GeoJSON area files of arbitrary bytes; polygons that are read are asked
/// whether they hold a point and overlap each other.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGeoJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let (polygons, diagnostics) = GeoJSONReader.read(bytes, path: "fuzz.geojson")
    _ = diagnostics.map(\.description)
    for polygon in polygons.prefix(8) {
        _ = polygon.contains(lat: 52.2, lon: 4.4)
        _ = polygon.overlaps(polygons[0])
    }
    return 0
}
