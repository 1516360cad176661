//! The connection cap under the process's file limit: past it, `accept`
//! fails and files cannot be opened, so a GET stops being answered.

/// Descriptors kept for everything but connections: the listener, the
/// database (SQLite's file, WAL and shared memory, or PostgreSQL's
/// sockets), standard streams, the runtime.
const RESERVED: u64 = 64;

/// Each connection may hold its socket and a file it serves.
const PER_CONNECTION: u64 = 2;

/// `wanted`, or fewer when the file limit cannot hold that many
/// connections. The soft limit is first raised to the hard one (as Go's
/// runtime does), so `ulimit -n 1024` with a higher hard limit still
/// serves 1024 connections.
pub fn connection_cap(wanted: usize) -> usize {
    let Some(limit) = raised_file_limit() else {
        return wanted;
    };
    let room = usize::try_from(limit.saturating_sub(RESERVED) / PER_CONNECTION)
        .unwrap_or(usize::MAX)
        .max(1);
    if room < wanted {
        eprintln!(
            "warning: serving {room} connections at most, not {wanted}: the file limit \
             (ulimit -n) is {limit}"
        );
    }
    wanted.min(room)
}

/// The soft limit on open files after raising it as far as allowed;
/// `None` where there is no such limit.
#[cfg(unix)]
fn raised_file_limit() -> Option<u64> {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit and setrlimit only read and write the struct given.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) != 0 {
            return None;
        }
        if limit.rlim_cur < limit.rlim_max {
            let raised = libc::rlimit {
                rlim_cur: limit.rlim_max,
                rlim_max: limit.rlim_max,
            };
            // Refused on some systems (macOS caps it below an infinite hard
            // limit): the soft limit then stays as it was.
            if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                limit.rlim_cur = limit.rlim_max;
            }
        }
    }
    if limit.rlim_cur == libc::RLIM_INFINITY {
        return None;
    }
    // `rlim_t` is a u64 on Linux, macOS and the BSDs.
    Some(limit.rlim_cur)
}

#[cfg(not(unix))]
fn raised_file_limit() -> Option<u64> {
    None
}
