import PlenaryStorage

/// One fuzz input is one journal file's bytes, as a resume finds it after a crash or a disk fault.
/// Besides "no crash, no hang", it checks the reader's accounting, which the store relies on to cut a torn
/// tail: intact records end on a line break, and intact plus damaged bytes are the whole file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJournalReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    switch JournalReader.read(bytes) {
    case .failure(let damage):
        guard damage.line >= 1, damage.byteOffset >= 0, damage.byteOffset <= bytes.count else {
            fatalError("damage reported outside the file: \(damage)")
        }
    case .success(let contents):
        guard contents.intactLength + contents.damagedTailLength == bytes.count,
              contents.intactLength > 0, bytes[contents.intactLength - 1] == UInt8(ascii: "\n") else {
            fatalError("intact \(contents.intactLength) + damaged \(contents.damagedTailLength) != \(bytes.count) bytes, or not on a line break")
        }
        guard contents.commands.enumerated().allSatisfy({ $0.offset + 1 == $0.element.seq }) else {
            fatalError("sequence numbers are not 1, 2, 3…")
        }
        // Cutting the tail, as the store does, must leave a clean journal with the same records.
        guard case .success(let repaired) = JournalReader.read(Array(bytes.prefix(contents.intactLength))),
              repaired.damagedTailLength == 0, repaired.commands.count == contents.commands.count else {
            fatalError("the repaired journal does not read back the same")
        }
    }
    return 0
}
