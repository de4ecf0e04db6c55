/// CRC-32C (Castagnoli), the checksum storage engines use for log records: catches torn and flipped bytes.
public enum CRC32C {
    /// `tables[k][b]`: the CRC of byte `b` followed by `k` zero bytes. Row 0 is the classic one-byte table; the
    /// eight rows together fold eight bytes per step ("slicing by 8").
    private static let tables: [UInt32] = {
        var tables = [UInt32](repeating: 0, count: 8 * 256)
        for index in 0..<256 {
            var value = UInt32(index)
            for _ in 0..<8 {
                value = value & 1 == 1 ? (value >> 1) ^ 0x82F6_3B78 : value >> 1
            }
            tables[index] = value
        }
        for row in 1..<8 {
            for index in 0..<256 {
                let previous = tables[(row - 1) * 256 + index]
                tables[row * 256 + index] = (previous >> 8) ^ tables[Int(previous & 0xFF)]
            }
        }
        return tables
    }()

    public static func checksum<Bytes: Sequence>(_ bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
        // Every journal line is checked on resume: over contiguous bytes, eight bytes per step, without bounds
        // checks or iterator calls (issue 13: the check was a seventh of a 100k-ballot resume one byte at a time).
        if let crc = bytes.withContiguousStorageIfAvailable({ buffer in
            tables.withUnsafeBufferPointer { table in
                sliced(buffer, table: table)
            }
        }) {
            return crc
        }
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = tables[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
    }

    private static func sliced(_ buffer: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<UInt32>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        var index = 0
        let count = buffer.count
        while count - index >= 8 {
            let low = crc ^ (UInt32(buffer[index]) | UInt32(buffer[index + 1]) << 8
                | UInt32(buffer[index + 2]) << 16 | UInt32(buffer[index + 3]) << 24)
            let high = UInt32(buffer[index + 4]) | UInt32(buffer[index + 5]) << 8
                | UInt32(buffer[index + 6]) << 16 | UInt32(buffer[index + 7]) << 24
            crc = table[7 * 256 + Int(low & 0xFF)] ^ table[6 * 256 + Int((low >> 8) & 0xFF)]
                ^ table[5 * 256 + Int((low >> 16) & 0xFF)] ^ table[4 * 256 + Int(low >> 24)]
                ^ table[3 * 256 + Int(high & 0xFF)] ^ table[2 * 256 + Int((high >> 8) & 0xFF)]
                ^ table[256 + Int((high >> 16) & 0xFF)] ^ table[Int(high >> 24)]
            index += 8
        }
        while index < count {
            crc = table[Int((crc ^ UInt32(buffer[index])) & 0xFF)] ^ (crc >> 8)
            index += 1
        }
        return crc ^ 0xFFFF_FFFF
    }
}
