import Crypto

extension Session {
    /// Identifies the workshop across laptops: files from `plenary run --group` are merged only into results of
    /// the same session. Built from what entries refer to (groups, templates and their fields) plus the title,
    /// date and slot ids, so a copy of the session file with other PINs or speakers still matches.
    public var fingerprint: String {
        var parts: [String] = ["title=\(title)", "date=\(date?.description ?? "")"]
        parts.append("slots=" + agenda.map(\.id).joined(separator: ","))
        for template in templates {
            parts.append("template=\(template.id):" + template.fields.map { "\($0.id)/\($0.kind.rawValue)" }.joined(separator: ","))
        }
        for group in groups {
            parts.append("group=\(group.id):" + group.templates.joined(separator: ","))
        }
        let digest = SHA256.hash(data: Array(parts.joined(separator: "\n").utf8))
        return "sha256:" + SecretHash.hex(Array(digest)).prefix(32)
    }
}
