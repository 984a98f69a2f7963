import Routing

/// One message to classify: its name for the output, subject and text.
struct ClassifyInput {
    let name: String
    let subject: String
    let text: String

    /// Reads a file by its kind (see `classify --help`); `-` is plain text.
    static func load(name: String, bytes: [UInt8]) throws -> ClassifyInput {
        ClassifyInput(name: name, subject: "", text: String(decoding: bytes, as: UTF8.self))
    }

    /// Applies what the input itself says beyond its words.
    func adjust(_ decision: inout Decision, router: Router) {}
}
