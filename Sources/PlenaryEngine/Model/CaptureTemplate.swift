/// A form that working groups fill in (an action concept, a SWOT...).
public struct CaptureTemplate: Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var fields: [TemplateField]

    public init(id: String, name: String, fields: [TemplateField]) {
        self.id = id
        self.name = name
        self.fields = fields
    }
}

public struct TemplateField: Sendable, Equatable, Identifiable {
    public var id: String
    public var label: String
    public var kind: FieldKind
    /// Allowed answers when `kind == .choice`.
    public var choices: [String]
    public var required: Bool
    /// One-line hint shown under the field.
    public var help: String?

    public init(id: String, label: String, kind: FieldKind, choices: [String] = [], required: Bool = false, help: String? = nil) {
        self.id = id
        self.label = label
        self.kind = kind
        self.choices = choices
        self.required = required
        self.help = help
    }
}

public enum FieldKind: String, Sendable, Equatable, CaseIterable {
    /// One line of text.
    case text
    /// Several lines, wrapped.
    case long
    /// One of `choices`.
    case choice
    /// A list of short items (partner regions, SWOT strengths...).
    case list
}

public struct WorkingGroup: Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var facilitator: Person?
    /// Project or organisation leading the group ("IRM-HUB").
    public var lead: String?
    public var members: [String]
    /// Templates the group captures with (ids into `Session.templates`).
    public var templates: [String]

    public init(id: String, name: String, facilitator: Person? = nil, lead: String? = nil, members: [String] = [], templates: [String] = []) {
        self.id = id
        self.name = name
        self.facilitator = facilitator
        self.lead = lead
        self.members = members
        self.templates = templates
    }
}
