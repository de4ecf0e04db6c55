import PlenaryEngine

/// The forms `plenary report` writes. All are rendered from the same `WorkshopReport`.
public enum ReportFormat: String, CaseIterable, Sendable {
    case markdown
    case text
    case html

    public var fileExtension: String {
        switch self {
        case .markdown: "md"
        case .text: "txt"
        case .html: "html"
        }
    }

    /// The whole report; `width` (columns) matters only for text.
    public func render(_ snapshot: ResultsSnapshot, width: Int = 80) -> String {
        let report = WorkshopReport(snapshot)
        switch self {
        case .markdown: return MarkdownReport.render(report)
        case .text: return PlainTextReport.render(report, width: width)
        case .html: return HTMLReport.render(report)
        }
    }
}
