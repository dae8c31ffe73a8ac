//! The binary's memory allocator: the system's, tuned for one large input at a time.
//!
//! A large input's text, its mentions and the lines it is read as are blocks of megabytes, each
//! written once from start to end. Left to 4 KiB pages, each page costs a fault (about 16,500 for
//! a 26 MB input, a sixth of its run on the development machine); asked for transparent huge
//! pages, a block of 2 MiB costs one. Only blocks of 2 MiB and more are asked, so small inputs
//! and the batch's chunks are as before; the heap, where the small pieces of a document live, is
//! grown in large steps and asked too (`grow_heap`).

use std::alloc::{GlobalAlloc, Layout, System};

/// The system allocator, asking the kernel for huge pages in the blocks of 2 MiB or more it
/// hands out (on Linux; elsewhere it is the system allocator alone).
pub struct HugeBlocks;

/// Size and alignment of a huge page (x86-64 and AArch64 with 4 KiB pages).
const HUGE_PAGE: usize = 2 * 1024 * 1024;

// SAFETY: every call is passed on to `System` unchanged; `advise` only gives the kernel advice
// about pages of a block that `System` has just handed out and that nobody else uses yet.
unsafe impl GlobalAlloc for HugeBlocks {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract for `alloc` is `System.alloc`'s.
        let p = unsafe { System.alloc(layout) };
        advise(p, layout.size());
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as `alloc`.
        let p = unsafe { System.alloc_zeroed(layout) };
        advise(p, layout.size());
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `System` through this allocator, with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as `dealloc`; a grown block may have moved, so it is advised again.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        advise(p, new_size);
        p
    }
}

/// Ask for huge pages in the whole 2 MiB pages that `[p, p + size)` covers. Advice only: a kernel
/// without transparent huge pages, or one that refuses, changes nothing.
#[cfg(target_os = "linux")]
fn advise(p: *mut u8, size: usize) {
    // Every allocation comes here: the small ones, nearly all, leave at the first comparison.
    if size < HUGE_PAGE || p.is_null() {
        return;
    }
    if let Some((start, len)) = whole_huge_pages(p as usize, size) {
        // SAFETY: madvise with MADV_HUGEPAGE neither reads nor writes memory; the range lies
        // inside a block just allocated (so mapped), and a failure is only a refused advice.
        unsafe {
            libc::madvise(start as *mut libc::c_void, len, libc::MADV_HUGEPAGE);
        }
    }
}

/// The whole huge pages within `[at, at + size)`: where the first starts and how many bytes they
/// take, if there is one.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
fn whole_huge_pages(at: usize, size: usize) -> Option<(usize, usize)> {
    let start = at.checked_next_multiple_of(HUGE_PAGE)?;
    let end = at.checked_add(size)? / HUGE_PAGE * HUGE_PAGE;
    (end > start).then(|| (start, end - start))
}

#[cfg(not(target_os = "linux"))]
fn advise(_p: *mut u8, _size: usize) {}

/// glibc serves a block of 128 KiB or more from its own mapping, returned to the system when
/// freed, but raises that threshold to the size of each such block freed (up to 32 MiB). Once a
/// large input's bytes are freed, its text, tree and mentions would come from the heap instead,
/// where a growing vector leaves a hole of its old size at each step and freed memory stays with
/// the process: a fixed threshold keeps the peak of one large input about 7 MB lower. It is above
/// the batch's output chunks (256 KiB), which stay in the heap rather than cost a mapping each.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn tune() {
    // SAFETY: mallopt only sets a parameter of the allocator, before any thread starts; an
    // unknown parameter or value is refused (return 0), not undefined.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
    }
}

/// Blocks from this size up get a mapping of their own.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const MMAP_THRESHOLD: libc::c_int = 1024 * 1024;

/// The heap, where the many small pieces of a document live (a large input's mentions and
/// sentences take some 20 MB of them), is grown by `HEAP_STEP` at a time from here on, and the
/// step it grows by now is asked for huge pages as the large blocks are (glibc's own `hugetlb`
/// tunable does the same, but only when set before the process starts). Untouched room costs no
/// memory, but it is address space: a process that limits its own (the PDF worker) does not
/// call this.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn grow_heap() {
    const HEAP_STEP: libc::c_int = 64 * 1024 * 1024;
    // SAFETY: as in `tune`; the probe is a block of the heap (below the mmap threshold), freed
    // at once; sbrk(0) only reads where the heap ends, which stays mapped, so that the advice
    // is about pages of the heap.
    let (start, end) = unsafe {
        libc::mallopt(libc::M_TOP_PAD, HEAP_STEP);
        // A block larger than the heap's free top makes glibc grow it, by the new step.
        let probe = libc::malloc(MMAP_THRESHOLD as usize / 2);
        if probe.is_null() {
            return;
        }
        let end = libc::sbrk(0) as usize;
        libc::free(probe);
        (probe.cast::<u8>(), end)
    };
    advise(start, end.saturating_sub(start as usize));
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn grow_heap() {}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn tune() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_whole_huge_pages_inside_a_block_are_advised() {
        const H: usize = HUGE_PAGE;
        // Aligned: every page of the block.
        assert_eq!(whole_huge_pages(4 * H, 3 * H), Some((4 * H, 3 * H)));
        // Unaligned at both ends: the pages between.
        assert_eq!(whole_huge_pages(4 * H + 16, 3 * H), Some((5 * H, 2 * H)));
        // Smaller than a page, or not holding a whole one.
        assert_eq!(whole_huge_pages(4 * H, H - 1), None);
        assert_eq!(whole_huge_pages(4 * H + 1, 2 * H - 2), None);
        assert_eq!(whole_huge_pages(4 * H, 0), None);
        // At the top of the address space.
        assert_eq!(whole_huge_pages(usize::MAX - H, 2 * H), None);
    }
}
