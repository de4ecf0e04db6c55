import Crypto

extension Session {
    /// Identifies the workshop across laptops: files from `plenary run --group` are merged only into results of
    /// the same session. Built from what entries refer to (groups, templates and their fields) plus the title,
    /// date and slot ids, so a copy of the session file with other PINs or speakers still matches.
    /// Joined with `concatenated` and written without `+` of a `Substring`: computed at every start, before the
    /// first frame (decision 109).
    public var fingerprint: String {
        var parts: [String] = ["title=\(title)", "date=\(date?.description ?? "")"]
        parts.append("slots=" + agenda.map(\.id).concatenated(separator: ","))
        for template in templates {
            parts.append("template=\(template.id):" + template.fields.map { "\($0.id)/\($0.kind.rawValue)" }.concatenated(separator: ","))
        }
        for group in groups {
            parts.append("group=\(group.id):" + group.templates.concatenated(separator: ","))
        }
        let digest = SHA256.hash(data: Array(parts.concatenated(separator: "\n").utf8))
        return "sha256:" + String(SecretHash.hex(Array(digest)).prefix(32))
    }
}
