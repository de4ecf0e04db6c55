#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import PlenaryEngine

/// Builds the results snapshot from a copy of the state and writes it atomically, one write at a time. In the
/// background (the program) the work runs on a thread of its own, so sorting and encoding 100k open answers never
/// delays a key; inline (tests, `plenary merge`) it runs on the caller's thread when started (decision 60).
final class ResultsWriter: @unchecked Sendable {
    enum Outcome: Equatable, Sendable {
        case written
        case failed(StorageError)
    }

    private let fileSystem: any FileSystem
    private let path: String
    private let sessionFile: String
    private let generator: String
    private let inBackground: Bool

    /// Guards every field below; `changed` wakes the thread for a job and the waiters for an outcome.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let changedCondition: UnsafeMutablePointer<pthread_cond_t>
    private var job: WorkshopState?
    private var writing = false
    private var outcome: Outcome?
    private var threadStarted = false
    private var threadRunning = false
    private var stopping = false

    init(fileSystem: any FileSystem, path: String, sessionFile: String, generator: String, inBackground: Bool) {
        self.fileSystem = fileSystem
        self.path = path
        self.sessionFile = sessionFile
        self.generator = generator
        self.inBackground = inBackground
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
        changedCondition = .allocate(capacity: 1)
        changedCondition.initialize(to: pthread_cond_t())
        pthread_cond_init(changedCondition, nil)
    }

    deinit {
        pthread_cond_destroy(changedCondition)
        pthread_mutex_destroy(mutex)
        changedCondition.deallocate()
        mutex.deallocate()
    }

    private func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }

    /// True from `start` until its outcome is ready.
    var isWriting: Bool { locked { writing } }

    /// Starts writing a snapshot of `state`. The caller makes sure no write is in flight (`isWriting`): the
    /// temporary file has one name per process.
    func start(_ state: WorkshopState) {
        let threadReady = inBackground && locked {
            precondition(!writing, "one results write at a time")
            if !threadStarted {
                threadStarted = true
                threadRunning = spawnThread()
            }
            return threadRunning
        }
        guard threadReady else {
            var pending: WorkshopState? = state
            let result = write(&pending)
            locked { outcome = result }
            return
        }
        locked {
            job = state
            writing = true
            pthread_cond_broadcast(changedCondition)
        }
    }

    /// The outcome of the last write once it has finished, given once; nil while it runs or when none finished.
    func takeOutcome() -> Outcome? {
        locked {
            guard !writing else { return nil }
            defer { outcome = nil }
            return outcome
        }
    }

    /// Waits for the write in flight, if any, and gives its outcome (once).
    func waitForOutcome() -> Outcome? {
        locked {
            while writing { pthread_cond_wait(changedCondition, mutex) }
            defer { outcome = nil }
            return outcome
        }
    }

    /// Lets the thread end once the write in flight is done (the runner closes).
    func stop() {
        locked {
            stopping = true
            pthread_cond_broadcast(changedCondition)
        }
    }

    /// The one place a snapshot is made. The state copy is dropped as soon as the snapshot holds what it needs, so
    /// the runner's next in-place change does not copy a large array because this copy still shares it.
    private func write(_ state: inout WorkshopState?) -> Outcome {
        guard state != nil else { return .written }
        // The taken copy is a temporary, released at the end of this statement.
        let snapshot = ResultsSnapshot(state: state.take()!, sessionFile: sessionFile, generator: generator, answersLeftInTally: true)
        do {
            try fileSystem.replaceAtomically(path) { write throws(StorageError) in try snapshot.encode(to: write) }
            return .written
        } catch {
            return .failed(error)
        }
    }

    private func runThread() {
        while true {
            var next: WorkshopState? = locked {
                while job == nil && !stopping { pthread_cond_wait(changedCondition, mutex) }
                return job.take()
            }
            guard next != nil else { return }
            let result = write(&next)
            locked {
                outcome = result
                writing = false
                pthread_cond_broadcast(changedCondition)
            }
        }
    }

    /// Lowers this thread's scheduling priority (nice +10; Linux gives each thread its own): sorting and encoding
    /// 100k open answers takes tens of milliseconds of CPU, and on a busy two-core laptop it must not delay the key
    /// that is waiting to be drawn (issue 13). The journal holds every acknowledged action meanwhile; quit and close
    /// still wait for the write. If the call fails the thread simply keeps the normal priority.
    private static func yieldToKeys() {
        // `who` 0 is the calling task, which on Linux is this thread alone.
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
    }

    /// The thread starts with every signal blocked, so SIGINT, SIGTERM, SIGHUP and SIGWINCH keep going to the main
    /// thread, whose read they interrupt (the app loop notices them at once).
    private func spawnThread() -> Bool {
        var all = sigset_t()
        sigfillset(&all)
        var previous = sigset_t()
        pthread_sigmask(SIG_SETMASK, &all, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        var thread = pthread_t()
        let context = Unmanaged.passRetained(self).toOpaque()
        let created = pthread_create(&thread, nil, { context in
            let writer = Unmanaged<ResultsWriter>.fromOpaque(context!).takeRetainedValue()
            ResultsWriter.yieldToKeys()
            writer.runThread()
            return nil
        }, context)
        guard created == 0 else {
            // No thread (out of resources): the writes run on the caller's thread instead.
            Unmanaged<ResultsWriter>.fromOpaque(context).release()
            return false
        }
        pthread_detach(thread)
        return true
    }
}
