import Testing
@testable import PlenaryStorage
import PlenaryTestSupport

/// The journal's checksum, eight bytes at a time, is the standard CRC-32C of every length and alignment.
@Suite struct CRC32CTests {
    @Test func theStandardCheckValues() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
        #expect(CRC32C.checksum([UInt8]()) == 0)
        #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
        #expect(CRC32C.checksum([UInt8](repeating: 0xFF, count: 32)) == 0x62A8_AB43)
    }

    /// Contiguous bytes (eight per step, then the rest) and a sequence read one byte at a time agree, for every
    /// length up to a few steps and every start within a slice.
    @Test func slicedAndBytewiseChecksumsAgree() {
        var random = SeededGenerator(seed: 96)
        let bytes = (0..<80).map { _ in UInt8.random(in: 0...255, using: &random) }
        for start in 0..<9 {
            for end in start...bytes.count {
                let slice = bytes[start..<end]
                #expect(CRC32C.checksum(slice) == CRC32C.checksum(slice.lazy.map { $0 }), "\(start)..<\(end)")
            }
        }
    }
}
