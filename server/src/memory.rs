//! How the server's C allocator (glibc's malloc) treats large blocks.

/// The size above which glibc gives each block a mapping of its own (its default).
const MMAP_THRESHOLD: i32 = 128 * 1024;

/// Keeps large blocks in mappings of their own, returned to the system when freed.
///
/// Checking a password takes a 19 MiB block (argon2id, `app::auth::password`). glibc maps
/// such a block on its own, but when one is freed it raises its threshold to that size, so
/// from then on the 19 MiB come from the heaps of the threads that hash, which keep them:
/// 200 buddies signing in left the server at 120-140 MB resident instead of 45, with peaks
/// above 150 MB (BENCHMARKS.md, "Server memory and glibc's mmap threshold"). Setting the
/// threshold turns that raising off. Called once, first thing in `main`.
pub fn keep_large_blocks_mapped() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes a setting of glibc's allocator, under its own locks; the
    // value is one glibc accepts (at most HEAP_MAX/2). Returns 0 on a refused value, which
    // leaves the allocator as it was: nothing to handle.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
    }
}
