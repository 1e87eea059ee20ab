//! The current process id without a system call per use. Every call checks it (a client made
//! before `fork()` must not use the parent's connections in the child), so it is read once and
//! cached; a `pthread_atfork` handler forgets it in each forked child.

use std::sync::atomic::{AtomicU32, Ordering};

static PID: AtomicU32 = AtomicU32::new(0);
#[cfg(unix)]
static FORGET_IN_CHILD: std::sync::Once = std::sync::Once::new();

/// The id of the calling process (what `std::process::id()` returns), correct after `fork()`.
pub fn current() -> u32 {
    let pid = PID.load(Ordering::Acquire);
    if pid != 0 {
        return pid;
    }
    #[cfg(unix)]
    FORGET_IN_CHILD.call_once(|| {
        // SAFETY: registers a handler that only stores to an atomic (async-signal-safe), as a
        // forked child's handler must be; the function lives for the whole program.
        unsafe {
            libc::pthread_atfork(None, None, Some(forget));
        }
    });
    let pid = std::process::id();
    PID.store(pid, Ordering::Release);
    pid
}

#[cfg(unix)]
extern "C" fn forget() {
    PID.store(0, Ordering::Release);
}

#[cfg(all(test, unix))]
mod tests {
    use super::current;

    #[test]
    fn matches_the_os_and_follows_a_fork() {
        assert_eq!(current(), std::process::id());
        // SAFETY: the child only compares two numbers and exits without unwinding.
        let child = unsafe { libc::fork() };
        assert!(child >= 0);
        if child == 0 {
            let same = current() == std::process::id();
            // SAFETY: _exit ends the child at once.
            unsafe { libc::_exit(if same { 0 } else { 1 }) };
        }
        let mut status = 0;
        // SAFETY: waits for the child made above.
        assert_eq!(unsafe { libc::waitpid(child, &mut status, 0) }, child);
        assert!(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0);
        assert_eq!(current(), std::process::id());
    }
}
