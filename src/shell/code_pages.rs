//! The binary's own pages advised as read at random (`MADV_RANDOM`). A start runs code from all
//! over the binary, and on each fault the kernel maps more than the page run (the pages around
//! it, whole page-cache folios); with the advice it maps fewer: 6.54 → 6.08 MiB resident at the
//! first screen, no slower. Paging through a topic runs enough more of it that the peak there is
//! the same either way (docs/PERFORMANCE.md).

unsafe extern "C" {
    /// The first byte of the binary's image, and the end of its code: both set by the linker.
    static __executable_start: u8;
    static etext: u8;
}

/// Advises the kernel that the binary's image, up to the end of its code, is read at random.
/// Best effort: a kernel that refuses changes nothing else.
pub fn advise_random_reads() {
    let page = 4096;
    let start = (&raw const __executable_start) as usize & !(page - 1);
    let end = (&raw const etext) as usize;
    // SAFETY: advice on pages of this process's own image changes how they are faulted in,
    // never their contents; the range is the image's, from its first page to its code's end.
    unsafe { libc::madvise(start as *mut libc::c_void, end.saturating_sub(start), libc::MADV_RANDOM) };
}
