//! The terminal is restored whatever ends the process: SIGTERM, SIGINT (from
//! outside: in raw mode Ctrl-C is a key), SIGHUP, SIGQUIT, and SIGABRT (an
//! abort, a stack overflow). The handler does only what is safe in a signal
//! handler: it writes the escape sequences that leave the alternate screen,
//! end mouse reports and show the cursor, puts back the terminal mode saved
//! before raw mode, then dies of the same signal (so the shell sees it).

use std::sync::OnceLock;

/// The terminal mode from before raw mode, for the handler.
static SAVED_MODE: OnceLock<libc::termios> = OnceLock::new();

/// DisableMouseCapture, LeaveAlternateScreen and cursor Show, as crossterm writes them.
const RESTORE: &[u8] =
    b"\x1b[?1006l\x1b[?1015l\x1b[?1003l\x1b[?1002l\x1b[?1000l\x1b[?1049l\x1b[?25h";

/// The signals that end the TUI.
const SIGNALS: [libc::c_int; 5] = [
    libc::SIGTERM,
    libc::SIGINT,
    libc::SIGHUP,
    libc::SIGQUIT,
    libc::SIGABRT,
];

/// Remember the terminal mode (call before raw mode) and install the handlers.
pub fn install() {
    // SAFETY: tcgetattr fills a plain C struct; a failure leaves nothing saved.
    unsafe {
        let mut mode: libc::termios = std::mem::zeroed();
        if libc::tcgetattr(libc::STDIN_FILENO, &mut mode) == 0 {
            let _ = SAVED_MODE.set(mode);
        }
        for signal in SIGNALS {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = handler as *const () as libc::sighandler_t;
            libc::sigemptyset(&mut action.sa_mask);
            // One shot: the handler's own raise must find the default action.
            action.sa_flags = libc::SA_RESETHAND;
            libc::sigaction(signal, &action, std::ptr::null_mut());
        }
    }
}

/// Put the default actions back (the TUI has ended and restored the terminal).
pub fn uninstall() {
    for signal in SIGNALS {
        // SAFETY: setting a signal's disposition to its default.
        unsafe {
            libc::signal(signal, libc::SIG_DFL);
        }
    }
}

extern "C" fn handler(signal: libc::c_int) {
    // SAFETY: write, tcsetattr, signal and raise are async-signal-safe; the
    // saved mode is only read (a OnceLock once set is plain memory).
    unsafe {
        libc::write(
            libc::STDOUT_FILENO,
            RESTORE.as_ptr() as *const libc::c_void,
            RESTORE.len(),
        );
        if let Some(mode) = SAVED_MODE.get() {
            libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, mode);
        }
        libc::signal(signal, libc::SIG_DFL);
        libc::raise(signal);
    }
}
