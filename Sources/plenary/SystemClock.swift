import Glibc
import PlenaryEngine

/// The real wall clock: the only place outside tests where the program learns the time.
struct SystemClock: Clock {
    func now() -> Instant {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Instant(milliseconds: Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000)
    }
}
