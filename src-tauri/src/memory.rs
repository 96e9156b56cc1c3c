//! Idle memory: the heap pages start-up work freed go back to the kernel.
//! Figures: README, idle memory rows (`scripts/measure.sh --release`).

/// Hands the heap pages freed by start-up work (the demo import, the dashboard's warm-up on
/// its own thread) back to the kernel. glibc keeps freed memory in each thread's arena for
/// reuse and returns only what sits at the top of the main heap, so without this the pages
/// of finished work stay resident while the app idles (2.5 MB PSS on the demo database).
pub fn release_freed_heap() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only walks the allocator's own free lists, under its locks.
    unsafe {
        libc::malloc_trim(0);
    }
}
