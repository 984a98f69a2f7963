/// The four parts of an Open Formulieren generic JSON registration: `values`,
/// `values_schema`, `metadata` and `metadata_schema`, at the top level or inside `data`.
struct OpenFormulierenPayload {
    /// The submitted form variables.
    var values: IntakeJSON.Object
    /// `values_schema.properties`: key → JSON schema with `title`, `type`, `format`.
    var properties: IntakeJSON.Object?
    /// The fixed and additional metadata variables.
    var metadata: IntakeJSON.Object?

    /// Reads the payload from a parsed document; nil when it is not one.
    init?(_ root: IntakeJSON.Object) {
        let payload: IntakeJSON.Object
        if let data = root["data"]?.object, data["values"]?.object != nil {
            payload = data
        } else if root["values"]?.object != nil {
            payload = root
        } else {
            return nil
        }
        guard let values = payload["values"]?.object else { return nil }
        self.values = values
        // Older releases of the plugin named the values schema `schema`.
        let schema = (payload["values_schema"] ?? payload["schema"])?.object
        self.properties = schema?["properties"]?.object
        self.metadata = payload["metadata"]?.object
    }
}
