//! A deterministic model of CPython's pymalloc, to hand out addresses (ids).
//!
//! As in `Objects/obmalloc.c` on 64-bit Linux: requests up to 512 bytes are
//! rounded up to a multiple of 16 (a *size class*) and carved from 16 KiB
//! pools inside 1 MiB arenas; each pool serves one size class and keeps a LIFO
//! list of freed blocks, so a freed block is the very next one its size class
//! hands out: the lecture's "ids can be reused". Larger requests model the
//! system allocator with exact-size LIFO free lists in a separate region.
//! Nothing depends on the real machine, so the same program always gets the
//! same ids.

use std::collections::BTreeMap;

/// Start of the pymalloc arenas (aligned to the arena size).
const ARENA_BASE: u64 = 0x7f3b_40d0_0000;
const POOL_SIZE: u64 = 16 * 1024;
/// Pool header (`struct pool_header`, rounded to the alignment).
const POOL_OVERHEAD: u64 = 48;
const ALIGNMENT: u64 = 16;
/// Largest request pymalloc serves; above it the system allocator does.
pub const SMALL_REQUEST_THRESHOLD: u32 = 512;
const SIZE_CLASSES: usize = (SMALL_REQUEST_THRESHOLD as u64 / ALIGNMENT) as usize;
/// Start of the region that models `malloc` for large objects.
const LARGE_BASE: u64 = 0x55d4_c2a0_0000;

#[derive(Debug, Clone)]
struct Pool {
    size_class: usize,
    /// Freed blocks, most recently freed last.
    free_blocks: Vec<u64>,
    /// Offset of the next never-used block.
    next_offset: u64,
    used: u32,
}

impl Pool {
    fn block_size(&self) -> u64 {
        (self.size_class as u64 + 1) * ALIGNMENT
    }

    fn is_full(&self) -> bool {
        self.free_blocks.is_empty() && self.next_offset + self.block_size() > POOL_SIZE
    }
}

/// The allocator: addresses in, addresses out, no real memory behind them.
#[derive(Debug, Clone)]
pub struct Allocator {
    /// Pools by index from `ARENA_BASE`.
    pools: Vec<Option<Pool>>,
    /// Pools whose blocks all came back, reused most recent first (they keep
    /// their free lists, as pymalloc's cached pools do).
    empty_pools: Vec<usize>,
    /// Per size class, the pools with free blocks; the last one serves next.
    usable: Vec<Vec<usize>>,
    /// Exact-size free lists of the large-object region.
    large_free: BTreeMap<u64, Vec<u64>>,
    next_large: u64,
}

impl Default for Allocator {
    fn default() -> Self {
        Self::new()
    }
}

impl Allocator {
    pub fn new() -> Self {
        Allocator {
            pools: Vec::new(),
            empty_pools: Vec::new(),
            usable: vec![Vec::new(); SIZE_CLASSES],
            large_free: BTreeMap::new(),
            next_large: LARGE_BASE,
        }
    }

    /// The size class index of a small request (0 serves 1–16 bytes).
    pub fn size_class(bytes: u32) -> Option<usize> {
        (bytes > 0 && bytes <= SMALL_REQUEST_THRESHOLD)
            .then(|| ((bytes as u64 - 1) / ALIGNMENT) as usize)
    }

    /// Allocate a block of `bytes`; returns its address.
    #[inline]
    pub fn allocate(&mut self, bytes: u32) -> u64 {
        match Self::size_class(bytes) {
            Some(class) => self.allocate_small(class),
            None => self.allocate_large(bytes),
        }
    }

    /// Return a block obtained from [`Allocator::allocate`] with the same size.
    #[inline]
    pub fn free(&mut self, address: u64, bytes: u32) {
        match Self::size_class(bytes) {
            Some(_) => self.free_small(address),
            None => {
                let rounded = round_up(bytes as u64, ALIGNMENT);
                self.large_free.entry(rounded).or_default().push(address);
            }
        }
    }

    #[inline]
    fn allocate_small(&mut self, class: usize) -> u64 {
        let pool_index = match self.usable[class].last() {
            Some(&index) => index,
            None => {
                let index = self.new_pool(class);
                self.usable[class].push(index);
                index
            }
        };
        let base = ARENA_BASE + pool_index as u64 * POOL_SIZE;
        let Some(pool) = self.pools.get_mut(pool_index).and_then(Option::as_mut) else {
            // Unreachable by construction; fall back to a fresh large block.
            return self.allocate_large(((class + 1) * 16) as u32);
        };
        let address = match pool.free_blocks.pop() {
            Some(address) => address,
            None => {
                let address = base + pool.next_offset;
                pool.next_offset += pool.block_size();
                address
            }
        };
        pool.used += 1;
        if pool.is_full() {
            self.usable[class].pop();
        }
        address
    }

    fn new_pool(&mut self, class: usize) -> usize {
        if let Some(index) = self.empty_pools.pop()
            && let Some(Some(pool)) = self.pools.get_mut(index)
        {
            // As pymalloc does: a cached empty pool that last served the same
            // size class keeps its free list, so its most recently freed block
            // is handed out first; otherwise it is carved afresh.
            if pool.size_class != class {
                pool.size_class = class;
                pool.free_blocks.clear();
                pool.next_offset = POOL_OVERHEAD;
            }
            return index;
        }
        self.pools.push(Some(Pool {
            size_class: class,
            free_blocks: Vec::new(),
            next_offset: POOL_OVERHEAD,
            used: 0,
        }));
        self.pools.len() - 1
    }

    #[inline]
    fn free_small(&mut self, address: u64) {
        let Some(offset) = address.checked_sub(ARENA_BASE) else {
            return;
        };
        let index = (offset / POOL_SIZE) as usize;
        let Some(pool) = self.pools.get_mut(index).and_then(Option::as_mut) else {
            return;
        };
        let was_full = pool.is_full();
        let class = pool.size_class;
        pool.free_blocks.push(address);
        pool.used = pool.used.saturating_sub(1);
        if pool.used == 0 {
            // An empty pool goes back to the arena's cache, ready for any size class.
            if let Some(position) = self.usable[class].iter().rposition(|&i| i == index) {
                self.usable[class].remove(position);
            }
            self.empty_pools.push(index);
        } else if was_full {
            // As pymalloc does, a pool that regains a block serves next.
            self.usable[class].push(index);
        }
    }

    fn allocate_large(&mut self, bytes: u32) -> u64 {
        let rounded = round_up(bytes as u64, ALIGNMENT);
        if let Some(address) = self.large_free.get_mut(&rounded).and_then(Vec::pop) {
            return address;
        }
        // glibc puts a 16-byte chunk header before each block.
        let address = self.next_large + 16;
        self.next_large += rounded + 16;
        address
    }
}

fn round_up(value: u64, to: u64) -> u64 {
    value.div_ceil(to) * to
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_freed_block_is_the_next_one_of_its_size_class() {
        let mut allocator = Allocator::new();
        let first = allocator.allocate(28);
        let second = allocator.allocate(32);
        assert_eq!(
            second,
            first + 32,
            "28 and 32 bytes share the 32-byte class"
        );
        allocator.free(first, 28);
        let other_class = allocator.allocate(46);
        assert_ne!(other_class, first, "a 48-byte request uses another pool");
        assert_eq!(allocator.allocate(30), first, "LIFO reuse within the class");
    }

    #[test]
    fn addresses_are_deterministic_and_look_like_cpythons() {
        let mut a = Allocator::new();
        let mut b = Allocator::new();
        let xs: Vec<u64> = (1..50).map(|n| a.allocate(n * 7)).collect();
        let ys: Vec<u64> = (1..50).map(|n| b.allocate(n * 7)).collect();
        assert_eq!(xs, ys);
        assert!(xs.iter().all(|x| x % 16 == 0));
        assert!(format!("{:#x}", xs[0]).starts_with("0x7f3b40d"));
    }

    #[test]
    fn a_full_pool_moves_on_and_comes_back_when_a_block_is_freed() {
        let mut allocator = Allocator::new();
        let per_pool = ((POOL_SIZE - POOL_OVERHEAD) / 512) as usize;
        let blocks: Vec<u64> = (0..per_pool + 1).map(|_| allocator.allocate(512)).collect();
        let first_pool = blocks[0] & !(POOL_SIZE - 1);
        let last_pool = blocks[per_pool] & !(POOL_SIZE - 1);
        assert_ne!(first_pool, last_pool);
        allocator.free(blocks[3], 512);
        assert_eq!(allocator.allocate(512), blocks[3]);
    }

    #[test]
    fn an_emptied_pool_keeps_its_free_list_for_the_same_size_class() {
        let mut allocator = Allocator::new();
        let a = allocator.allocate(32);
        let b = allocator.allocate(32);
        allocator.free(a, 32);
        allocator.free(b, 32); // the pool is empty now
        assert_eq!(allocator.allocate(32), b, "the last freed block first");
        assert_eq!(allocator.allocate(32), a);
        allocator.free(a, 32);
        allocator.free(b, 32);
        let other = allocator.allocate(64);
        assert_eq!(other, a.min(b), "another size class carves the pool afresh");
    }

    #[test]
    fn large_objects_reuse_exact_sizes() {
        let mut allocator = Allocator::new();
        let big = allocator.allocate(1000);
        allocator.free(big, 1000);
        assert_eq!(allocator.allocate(1000), big);
        assert!(big >= LARGE_BASE);
    }
}
