#include <signal.h>
#include <sys/prctl.h>

/* prctl is variadic, which Swift does not import: the one call the web gateway needs, fixed. */
static inline int plenary_kill_me_when_parent_dies(void) {
    return prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
}
