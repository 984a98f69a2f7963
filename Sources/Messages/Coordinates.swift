/// A map point in WGS84 degrees, as a form's map component or a webhook gives it.
public struct Coordinates: Sendable, Hashable, Codable {
    /// Latitude, −90 to 90 (the Netherlands: about 50.7 to 53.6).
    public var lat: Double
    /// Longitude, −180 to 180 (the Netherlands: about 3.3 to 7.3).
    public var lon: Double

    /// Creates a point.
    public init(lat: Double, lon: Double) {
        self.lat = lat
        self.lon = lon
    }

    /// Whether both values are finite and within the WGS84 range.
    public var isValid: Bool {
        lat.isFinite && lon.isFinite && (-90...90).contains(lat) && (-180...180).contains(lon)
    }
}
