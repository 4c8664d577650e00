//! Huge pages for the object arena. A program that makes many objects
//! touches the arena's fresh pages one by one, and on Linux each first
//! touch of a 4 KiB page is a fault the kernel must serve (a tenth of a
//! long drain's time went there). Asking for transparent huge pages on a
//! large arena turns 512 of those faults into one.

/// The size of a transparent huge page on x86-64 and most 64-bit Linux.
#[cfg(target_os = "linux")]
const HUGE_PAGE: usize = 2 << 20;

/// The base page size.
#[cfg(target_os = "linux")]
const PAGE: usize = 4096;

/// Ask the kernel to back the whole huge pages inside `[start, start +
/// len)` (one allocation) with huge pages where it can. Only advice: the
/// contents do not change, and a refusal changes nothing.
pub fn advise_huge_pages(start: usize, len: usize) {
    #[cfg(target_os = "linux")]
    {
        // The whole pages of the allocation, so the mapping keeps one set
        // of flags (a hint on part of it would split it in the kernel,
        // and a split mapping cannot be grown in place by `mremap`).
        let first = start / PAGE * PAGE;
        let end = start.saturating_add(len).next_multiple_of(PAGE);
        if len >= HUGE_PAGE {
            // SAFETY: `madvise` with `MADV_HUGEPAGE` only sets a hint on
            // the pages of an allocation this process owns (the range lies
            // inside it); it reads and writes no memory, and any error is
            // harmless and ignored.
            unsafe {
                libc::madvise(first as *mut libc::c_void, end - first, libc::MADV_HUGEPAGE);
            }
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = (start, len);
}
