import Foundation
import Testing
@testable import PlenaryEngine
@testable import PlenarySessionFile

/// A well-formed file maps onto the model field by field.
struct SessionFileMappingTests {
    static let complete = """
        # Every key of the format.
        plenary: 1
        title: From S3 Benchmarking to Cluster-Led Action
        subtitle: WIDEX & IRM-HUB Workshop on Regional Cooperation
        date: 2025-03-11
        timezone: Europe/Madrid
        language: es
        venue: "Consejería de Industria, Energía y Minas, Sevilla"
        organisers: [CTA, ISMC]
        moderator: {name: Santiago Cuesta Lopez, affiliation: ICAMCyL, role: Moderator, tbc: false}
        end: 15:00
        agenda:
          - id: welcome
            start: 12:30
            duration: 5
            title: Welcome and objectives
            kind: welcome
            speakers:
              - {name: Ángela Negrete Benedí, role: Team Member, affiliation: European Cluster Collaboration Platform}
              - {name: Guest, tbc: true}
            tbc: true
            notes: |
              First line.
              Second line.
            track: "Session I: Framing"
            polls: [readiness, focus]
          - start: "12:35"
            duration: 1h30m
            title: Working groups
            kind: working-groups
            groups: [wg1]
          - title: Lunch
            kind: lunch
            fixed: true
            min_duration: 30
        polls:
          - id: readiness
            question: How ready are you?
            type: scale
            scale: {min: 0, max: 10, min_label: Not at all, max_label: Fully}
            admission: codes
            live_results: true
          - id: focus
            question: Pick up to two
            type: multiple
            options: [Funding, Skills, Mapping]
            max_picks: 2
          - {id: words, question: One word?, type: open, max_length: 40}
          - {id: order, question: Rank them, type: ranking, options: [A]}
          - {id: budget, question: Share points, type: allocation, options: [X, Y], points: 10}
          - {id: pick, question: Pick one, type: single, options: [Yes, No]}
        templates:
          - id: challenge
            name: Challenge
            fields:
              - {id: title, label: Challenge, type: text, required: true}
              - {id: description, label: Description, type: long, help: What happens and why}
              - {id: category, label: Category, type: choice, choices: [Capacity, Funding]}
              - {id: partners, label: Partners, type: list}
              - {id: other, label: Other}
        groups:
          - id: wg1
            name: Policy alignment
            facilitator: {name: Facilitator, affiliation: CTA}
            lead: IRM-HUB
            members: [Regional authorities, S3 practitioners]
            templates: [challenge]
        """

    @Test func everyFieldIsMapped() throws {
        let session = try SessionFile.parse(yaml: Self.complete, file: "complete.yaml").get()
        let expected = Session(
            title: "From S3 Benchmarking to Cluster-Led Action",
            subtitle: "WIDEX & IRM-HUB Workshop on Regional Cooperation",
            date: CalendarDate(year: 2025, month: 3, day: 11),
            venue: "Consejería de Industria, Energía y Minas, Sevilla",
            timeZone: "Europe/Madrid",
            language: "es",
            organisers: ["CTA", "ISMC"],
            moderator: Person(name: "Santiago Cuesta Lopez", affiliation: "ICAMCyL", role: "Moderator"),
            end: TimeOfDay(hour: 15, minute: 0),
            agenda: [
                Slot(id: "welcome", title: "Welcome and objectives", kind: .welcome, start: TimeOfDay(hour: 12, minute: 30),
                     durationMinutes: 5,
                     speakers: [
                        Person(name: "Ángela Negrete Benedí", affiliation: "European Cluster Collaboration Platform", role: "Team Member"),
                        Person(name: "Guest", tbc: true),
                     ],
                     tbc: true, notes: "First line.\nSecond line.", track: "Session I: Framing", polls: ["readiness", "focus"]),
                Slot(id: "slot-2", title: "Working groups", kind: .workingGroups, start: TimeOfDay(hour: 12, minute: 35),
                     durationMinutes: 90, groups: ["wg1"]),
                Slot(id: "slot-3", title: "Lunch", kind: .lunch, fixed: true, minDurationMinutes: 30),
            ],
            polls: [
                PollDefinition(id: "readiness", question: "How ready are you?", type: .scale,
                               scale: RatingScale(min: 0, max: 10, minLabel: "Not at all", maxLabel: "Fully"),
                               admission: .codes, liveResults: true),
                PollDefinition(id: "focus", question: "Pick up to two", type: .multiple,
                               options: ["Funding", "Skills", "Mapping"], maxPicks: 2),
                PollDefinition(id: "words", question: "One word?", type: .open, maxLength: 40),
                PollDefinition(id: "order", question: "Rank them", type: .ranking, options: ["A"]),
                PollDefinition(id: "budget", question: "Share points", type: .allocation, options: ["X", "Y"], points: 10),
                PollDefinition(id: "pick", question: "Pick one", type: .single, options: ["Yes", "No"]),
            ],
            templates: [
                CaptureTemplate(id: "challenge", name: "Challenge", fields: [
                    TemplateField(id: "title", label: "Challenge", kind: .text, required: true),
                    TemplateField(id: "description", label: "Description", kind: .long, help: "What happens and why"),
                    TemplateField(id: "category", label: "Category", kind: .choice, choices: ["Capacity", "Funding"]),
                    TemplateField(id: "partners", label: "Partners", kind: .list),
                    TemplateField(id: "other", label: "Other", kind: .text),
                ]),
            ],
            groups: [
                WorkingGroup(id: "wg1", name: "Policy alignment", facilitator: Person(name: "Facilitator", affiliation: "CTA"),
                             lead: "IRM-HUB", members: ["Regional authorities", "S3 practitioners"], templates: ["challenge"]),
            ])
        #expect(session.title == expected.title)
        #expect(session.agenda == expected.agenda)
        #expect(session.polls == expected.polls)
        #expect(session.templates == expected.templates)
        #expect(session.groups == expected.groups)
        #expect(session == expected)

        // The lunch runs from 14:05 to the session's end; planned times come from PlannedAgenda.
        let plan = try PlannedAgenda.plan(session).get()
        #expect(plan.entries.map(\.startMinute) == [750, 755, 845])
        #expect(plan.entries.map(\.durationMinutes) == [5, 90, 55])
    }

    @Test func defaults() throws {
        let yaml = """
            plenary: 1
            title: Minimal
            agenda:
              - title: Only slot
                duration: 10
            polls:
              - {id: s, question: Scale?, type: scale}
              - {id: o, question: Open?, type: open}
              - {id: a, question: Allocate?, type: allocation, options: [x, y]}
            """
        let session = try SessionFile.parse(yaml: yaml, file: "min.yaml").get()
        #expect(session.timeZone == "UTC")
        #expect(session.language == "en")
        #expect(session.subtitle == nil && session.date == nil && session.venue == nil && session.moderator == nil)
        #expect(session.agenda == [Slot(id: "slot-1", title: "Only slot", kind: .talk, durationMinutes: 10)])
        #expect(session.polls[0].scale == RatingScale(min: 1, max: 5))
        #expect(session.polls[1].maxLength == 280)
        #expect(session.polls[2].points == 100)
        #expect(session.polls.allSatisfy { $0.admission == .open && !$0.liveResults })
        #expect(session.templates.isEmpty && session.groups.isEmpty)
    }

    @Test func windowsLineEndingsAndQuotedNumbersAreFine() throws {
        let yaml = "plenary: \"1\"\r\ntitle: 'It''s a test'\r\nagenda:\r\n  - {title: A, start: '9:05', duration: \"45\"}\r\n"
        let session = try SessionFile.parse(yaml: yaml, file: "crlf.yaml").get()
        #expect(session.title == "It's a test")
        #expect(session.agenda[0].start == TimeOfDay(hour: 9, minute: 5))
        #expect(session.agenda[0].durationMinutes == 45)
    }

    @Test func nullOptionalValuesMeanAbsent() throws {
        let yaml = """
            plenary: 1
            title: T
            subtitle:
            organisers: ~
            agenda:
              - {title: A, duration: 5, notes: null}
            """
        let session = try SessionFile.parse(yaml: yaml, file: "t.yaml").get()
        #expect(session.subtitle == nil && session.organisers.isEmpty && session.agenda[0].notes == nil)
    }
}
