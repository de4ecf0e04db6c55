/// Puts the length prefix before a message body; refuses a body the other side would refuse.
public enum FrameEncoder {
    public static func frame(_ body: [UInt8], limit: Int) throws(ProtocolError) -> [UInt8] {
        guard !body.isEmpty else { throw .empty }
        guard body.count <= limit, body.count <= Int(UInt32.max) else {
            throw .tooLong(announced: UInt32(clamping: body.count), limit: limit)
        }
        let length = UInt32(body.count)
        return [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)] + body
    }
}
