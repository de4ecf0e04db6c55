import Foundation
import PlenaryEngine
import PlenarySessionFile
import PlenaryStorage

/// One fuzz input is a list of journal record bodies, one per line, replayed on the demo session.
///
/// The checksum stops random bytes long before a command reaches the reducer, so this target writes the
/// checksum itself: every line becomes a well-formed record, as a journal from another version of Plenary,
/// or one edited by hand and re-checksummed, would be. Resuming from it must never crash, and the results
/// file it leads to must be valid JSON.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJournalReplay(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bodies = UnsafeBufferPointer(start: data, count: size).split(separator: UInt8(ascii: "\n"))
    let session = DemoSession.session
    var journal = JournalCodec.encode(.header(JournalHeader(title: session.title, slots: session.agenda.map(\.id),
                                                            createdAt: DemoSession.start)))
    for body in bodies {
        journal += framed(Array(body))
    }
    let files = WorkshopFiles(sessionPath: "demo.yaml")
    let fileSystem = MemoryFileSystem(files: [files.journalPath: journal])
    let opened = WorkshopStore.open(session: session, plan: DemoSession.plan, files: files, fileSystem: fileSystem,
                                    now: DemoSession.start.adding(seconds: 3600), stamp: "fuzz", fresh: false,
                                    newRecordID: "fuzz")
    if case .success(let contents) = opened {
        let results = ResultsSnapshot(state: contents.state, sessionFile: files.sessionPath, generator: "fuzz").encoded()
        guard (try? JSONSerialization.jsonObject(with: Data(results))) != nil else {
            fatalError("resuming led to a results file that is not valid JSON")
        }
    }
    return 0
}

/// `{"crc":"…","len":N,"record":<body>}` and a line break, as `JournalCodec.encode` writes it.
func framed(_ body: [UInt8]) -> [UInt8] {
    let crc = String(CRC32C.checksum(body), radix: 16)
    let header = #"{"crc":""# + String(repeating: "0", count: 8 - crc.count) + crc + #"","len":\#(body.count),"record":"#
    return Array(header.utf8) + body + Array("}\n".utf8)
}

/// sessions/demo.yaml (every poll type, groups, a fixed slot), read once from the repository the fuzzer runs in.
enum DemoSession {
    static let start = Instant(milliseconds: 1_700_000_000_000)
    static let session: Session = {
        switch SessionFile.load(path: "sessions/demo.yaml") {
        case .success(let session): return session
        case .failure(let errors): fatalError("run the fuzzer from the repository root: \(errors)")
        }
    }()
    static let plan: PlannedAgenda = {
        guard case .success(let plan) = PlannedAgenda.plan(session) else { fatalError("the demo cannot be planned") }
        return plan
    }()
}
