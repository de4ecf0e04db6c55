/// The one coding key the journal's commands are read with, whatever case or label it names.
///
/// Swift's synthesised decoder for an enum has a key type per case, and looks up a container type for every one
/// of them the first time it runs: for `WorkshopCommand` and `PollCommand` that was the larger part of reading a
/// journal's first records, on every resume's way to its first frame (decision 105). The encoder stays synthesised;
/// the hand-written decoders read its layout, `{"case":{"label":value,…}}`.
struct CaseKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) {
        stringValue = name
    }

    init?(stringValue: String) {
        self.stringValue = stringValue
    }

    init?(intValue: Int) {
        nil
    }
}

extension Decoder {
    /// The case an enum value was written as, and the container of its labelled values.
    func enumCase() throws -> (name: String, values: KeyedDecodingContainer<CaseKey>) {
        let container = try container(keyedBy: CaseKey.self)
        let keys = container.allKeys
        guard keys.count == 1 else {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath,
                                                    debugDescription: "Expected one case, found \(keys.count) keys."))
        }
        return (keys[0].stringValue, try container.nestedContainer(keyedBy: CaseKey.self, forKey: keys[0]))
    }

    /// Thrown for a case name this version does not know.
    func unknownCase(_ name: String) -> DecodingError {
        DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "Unknown case \"\(name)\"."))
    }
}

extension KeyedDecodingContainer where Key == CaseKey {
    /// The value written under `label`.
    func value<Value: Decodable>(_ label: String) throws -> Value {
        try decode(Value.self, forKey: CaseKey(label))
    }
}
