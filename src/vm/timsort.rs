//! CPython 3.14's `listsort` (Objects/listobject.c) as a resumable state
//! machine: the same `<` comparisons in the same order, the same moves of
//! the items, stoppable between any two comparisons.
//!
//! The sort works on `a`, a permutation of indexes (each names a key and
//! its item, which so move in lockstep as CPython's `sortslice` moves keys
//! and values). [`TimSort::advance`] runs until the next comparison is
//! needed and asks it ([`TimSort::asked`]: is key `x` < key `y`?); the
//! caller makes it (a stepped `__lt__` frame may run meanwhile) and hands
//! the answer to the next `advance`. A comparison that raised ends the
//! sort with [`TimSort::abort`], which leaves `a` as CPython leaves the
//! list then (a merge in progress copies its temporary run back).
//!
//! Each part of `listsort` (count_run, binarysort, gallop_left/right,
//! merge_at, merge_lo/hi) is a struct holding its locals and a `stage`;
//! its `step` re-runs from the stage it stopped at, so every comparison
//! (`ask`) comes first in its stage, before anything changes.

/// `MIN_GALLOP`: galloping mode starts after this many wins in a row.
const MIN_GALLOP: usize = 7;
/// `MAX_MINRUN`.
const MAX_MINRUN: usize = 64;

/// A comparison the sort needs: is key `.0` < key `.1`?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ask(pub usize, pub usize);

/// The answer to the comparison asked last, if given; else ask `x < y`.
fn ask(answer: &mut Option<bool>, x: usize, y: usize) -> Result<bool, Ask> {
    answer.take().ok_or(Ask(x, y))
}

/// `merge_compute_minrun`.
fn compute_minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= MAX_MINRUN {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// `powerloop`: the power of the run at `s1` (`n1` long) followed by one
/// `n2` long, in a list `n` long.
fn powerloop(s1: usize, n1: usize, n2: usize, n: usize) -> u32 {
    let mut result = 0;
    let mut a = 2 * s1 + n1;
    let mut b = a + n1 + n2;
    loop {
        result += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    result
}

/// A pending run: `base..base + len` of `a`, with its powersort power.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    base: usize,
    len: usize,
    power: u32,
}

/// `count_run` of `a[lo..lo + remaining]`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct CountRun {
    lo: usize,
    remaining: usize,
    n: usize,
    neq: usize,
    stage: CountStage,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CountStage {
    Ascending,
    FirstVsLast,
    DescendingSmaller,
    DescendingLarger,
    Suffix,
}

impl CountRun {
    fn new(lo: usize, remaining: usize) -> CountRun {
        CountRun {
            lo,
            remaining,
            n: 1,
            neq: 0,
            stage: CountStage::Ascending,
        }
    }

    /// `REVERSE_LAST_NEQ`.
    fn reverse_last_neq(&mut self, a: &mut [usize]) {
        if self.neq > 0 {
            self.neq += 1;
            let end = self.lo + self.n;
            a[end - self.neq..end].reverse();
            self.neq = 0;
        }
    }

    /// The run's length once known.
    fn step(&mut self, a: &mut [usize], answer: &mut Option<bool>) -> Result<usize, Ask> {
        let lo = self.lo;
        loop {
            let n = self.n;
            match self.stage {
                CountStage::Ascending => {
                    if n >= self.remaining {
                        return Ok(n);
                    }
                    if ask(answer, a[lo + n], a[lo + n - 1])? {
                        // lo[n] is strictly less.
                        if n > 1 {
                            self.stage = CountStage::FirstVsLast;
                        } else {
                            self.n += 1;
                            self.stage = CountStage::DescendingSmaller;
                        }
                    } else {
                        self.n += 1;
                    }
                }
                CountStage::FirstVsLast => {
                    if ask(answer, a[lo], a[lo + n - 1])? {
                        return Ok(n);
                    }
                    // The ascending prefix is all equal: part of a descending run.
                    a[lo..lo + n].reverse();
                    self.n += 1;
                    self.stage = CountStage::DescendingSmaller;
                }
                CountStage::DescendingSmaller => {
                    if n >= self.remaining {
                        self.end_descending(a);
                        continue;
                    }
                    if ask(answer, a[lo + n], a[lo + n - 1])? {
                        self.reverse_last_neq(a);
                        self.n += 1;
                    } else {
                        self.stage = CountStage::DescendingLarger;
                    }
                }
                CountStage::DescendingLarger => {
                    if ask(answer, a[lo + n - 1], a[lo + n])? {
                        // The descending run is over.
                        self.end_descending(a);
                    } else {
                        self.neq += 1;
                        self.n += 1;
                        self.stage = CountStage::DescendingSmaller;
                    }
                }
                CountStage::Suffix => {
                    if n >= self.remaining || ask(answer, a[lo + n], a[lo + n - 1])? {
                        return Ok(n);
                    }
                    self.n += 1;
                }
            }
        }
    }

    fn end_descending(&mut self, a: &mut [usize]) {
        self.reverse_last_neq(a);
        a[self.lo..self.lo + self.n].reverse();
        self.stage = CountStage::Suffix;
    }
}

/// `binarysort` of `a[lo..lo + n]`, whose first `ok` are sorted.
#[derive(Debug, Clone, PartialEq, Eq)]
struct BinarySort {
    lo: usize,
    n: usize,
    ok: usize,
    l: usize,
    r: usize,
}

impl BinarySort {
    fn new(lo: usize, n: usize, ok: usize) -> BinarySort {
        let ok = ok.max(1);
        BinarySort {
            lo,
            n,
            ok,
            l: 0,
            r: ok,
        }
    }

    fn step(&mut self, a: &mut [usize], answer: &mut Option<bool>) -> Result<(), Ask> {
        let lo = self.lo;
        while self.ok < self.n {
            let pivot = a[lo + self.ok];
            while self.l < self.r {
                let m = (self.l + self.r) >> 1;
                if ask(answer, pivot, a[lo + m])? {
                    self.r = m;
                } else {
                    self.l = m + 1;
                }
            }
            a[lo + self.l..=lo + self.ok].rotate_right(1);
            self.ok += 1;
            self.l = 0;
            self.r = self.ok;
        }
        Ok(())
    }
}

/// Where a gallop searches: the list's array or the merge's temporary one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Area {
    List,
    Temp,
}

/// `gallop_left` (`right: false`) or `gallop_right` of `key` in the `n`
/// sorted items at `base` of `area`, starting at `hint`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Gallop {
    right: bool,
    key: usize,
    area: Area,
    base: usize,
    n: isize,
    hint: isize,
    ofs: isize,
    lastofs: isize,
    maxofs: isize,
    stage: GallopStage,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum GallopStage {
    First,
    /// Galloping towards the end (`up`) or the start.
    Out {
        up: bool,
    },
    Binary,
}

impl Gallop {
    fn new(right: bool, key: usize, area: Area, base: usize, n: usize, hint: usize) -> Gallop {
        Gallop {
            right,
            key,
            area,
            base,
            n: n as isize,
            hint: hint as isize,
            ofs: 1,
            lastofs: 0,
            maxofs: 0,
            stage: GallopStage::First,
        }
    }

    /// `key < a[i]` for gallop_right, `a[i] < key` for gallop_left.
    fn ask(&self, items: &[usize], i: isize, answer: &mut Option<bool>) -> Result<bool, Ask> {
        let item = items[self.base + i as usize];
        if self.right {
            ask(answer, self.key, item)
        } else {
            ask(answer, item, self.key)
        }
    }

    /// The place found, `0..=n`.
    fn step(
        &mut self,
        a: &[usize],
        temp: &[usize],
        answer: &mut Option<bool>,
    ) -> Result<usize, Ask> {
        let items = match self.area {
            Area::List => a,
            Area::Temp => temp,
        };
        let hint = self.hint;
        loop {
            match self.stage {
                GallopStage::First => {
                    let less = self.ask(items, hint, answer)?;
                    // gallop_left: a[hint] < key goes up; gallop_right: key < a[hint] goes down.
                    let up = less != self.right;
                    self.maxofs = if up { self.n - hint } else { hint + 1 };
                    self.stage = GallopStage::Out { up };
                }
                GallopStage::Out { up } => {
                    if self.ofs < self.maxofs {
                        let at = if up { hint + self.ofs } else { hint - self.ofs };
                        let less = self.ask(items, at, answer)?;
                        // Going on while the key is still beyond a[at].
                        let beyond = if up {
                            less != self.right
                        } else {
                            less == self.right
                        };
                        if beyond {
                            self.lastofs = self.ofs;
                            self.ofs = (self.ofs << 1) + 1;
                            continue;
                        }
                    }
                    if self.ofs > self.maxofs {
                        self.ofs = self.maxofs;
                    }
                    if up {
                        self.lastofs += hint;
                        self.ofs += hint;
                    } else {
                        let k = self.lastofs;
                        self.lastofs = hint - self.ofs;
                        self.ofs = hint - k;
                    }
                    self.lastofs += 1;
                    self.stage = GallopStage::Binary;
                }
                GallopStage::Binary => {
                    if self.lastofs >= self.ofs {
                        return Ok(self.ofs as usize);
                    }
                    let m = self.lastofs + ((self.ofs - self.lastofs) >> 1);
                    let less = self.ask(items, m, answer)?;
                    // gallop_left: a[m] < key; gallop_right: key < a[m].
                    if less != self.right {
                        self.lastofs = m + 1;
                    } else {
                        self.ofs = m;
                    }
                }
            }
        }
    }
}

/// `merge_lo` (`hi: false`) or `merge_hi`. Positions are signed: CPython's
/// pointers may step one before their array.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Merge {
    hi: bool,
    /// merge_lo: where A's rest is in the temp array, B's in the list;
    /// merge_hi: A's last in the list, B's last in the temp array.
    pa: isize,
    pb: isize,
    dest: isize,
    /// merge_hi's A base (`basea`).
    basea: isize,
    na: isize,
    nb: isize,
    acount: isize,
    bcount: isize,
    min_gallop: usize,
    stage: MergeStage,
    gallop: Option<Gallop>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MergeStage {
    /// One at a time, until one run wins `min_gallop` times in a row.
    Pairwise,
    /// Galloping: the gallop for A's items (gallop_right), then B's.
    GallopA,
    GallopB,
}

/// How a merge ended: done, or its last item of A (lo) / first of B (hi)
/// goes after (before) B's (A's) rest.
enum MergeEnd {
    Succeed,
    Copy,
}

impl Merge {
    /// Begin `merge_lo`/`merge_hi` of `a[ssa..ssa + na]` and
    /// `a[ssb..ssb + nb]`: `Some` while comparisons remain.
    fn begin(
        hi: bool,
        a: &mut [usize],
        temp: &mut Vec<usize>,
        min_gallop: usize,
        (ssa, na, ssb, nb): (usize, usize, usize, usize),
    ) -> Option<Merge> {
        let mut merge = Merge {
            hi,
            pa: 0,
            pb: 0,
            dest: 0,
            basea: ssa as isize,
            na: na as isize,
            nb: nb as isize,
            acount: 0,
            bcount: 0,
            min_gallop,
            stage: MergeStage::Pairwise,
            gallop: None,
        };
        temp.clear();
        if !hi {
            temp.extend_from_slice(&a[ssa..ssa + na]);
            merge.dest = ssa as isize;
            merge.pa = 0;
            merge.pb = ssb as isize;
            merge.take_b(a);
            if merge.nb == 0 {
                merge.finish(a, temp, MergeEnd::Succeed);
                return None;
            }
            if merge.na == 1 {
                merge.finish(a, temp, MergeEnd::Copy);
                return None;
            }
        } else {
            temp.extend_from_slice(&a[ssb..ssb + nb]);
            merge.dest = (ssb + nb) as isize - 1;
            merge.pb = nb as isize - 1;
            merge.pa = (ssa + na) as isize - 1;
            merge.take_a_hi(a);
            if merge.na == 0 {
                merge.finish(a, temp, MergeEnd::Succeed);
                return None;
            }
            if merge.nb == 1 {
                merge.finish(a, temp, MergeEnd::Copy);
                return None;
            }
        }
        Some(merge)
    }

    /// merge_lo: `*dest++ = *pb++` (B's next, from the list).
    fn take_b(&mut self, a: &mut [usize]) {
        a[self.dest as usize] = a[self.pb as usize];
        self.dest += 1;
        self.pb += 1;
        self.nb -= 1;
    }

    /// merge_lo: `*dest++ = *pa++` (A's next, from the temp array).
    fn take_a(&mut self, a: &mut [usize], temp: &[usize]) {
        a[self.dest as usize] = temp[self.pa as usize];
        self.dest += 1;
        self.pa += 1;
        self.na -= 1;
    }

    /// merge_hi: `*dest-- = *pa--` (A's last, from the list).
    fn take_a_hi(&mut self, a: &mut [usize]) {
        a[self.dest as usize] = a[self.pa as usize];
        self.dest -= 1;
        self.pa -= 1;
        self.na -= 1;
    }

    /// merge_hi: `*dest-- = *pb--` (B's last, from the temp array).
    fn take_b_hi(&mut self, a: &mut [usize], temp: &[usize]) {
        a[self.dest as usize] = temp[self.pb as usize];
        self.dest -= 1;
        self.pb -= 1;
        self.nb -= 1;
    }

    /// The end of the merge (`Succeed`/`Fail`, `CopyB`/`CopyA`).
    fn finish(&mut self, a: &mut [usize], temp: &[usize], end: MergeEnd) {
        match (self.hi, end) {
            (false, MergeEnd::Succeed) => {
                if self.na > 0 {
                    let (d, p, n) = (self.dest as usize, self.pa as usize, self.na as usize);
                    a[d..d + n].copy_from_slice(&temp[p..p + n]);
                }
            }
            (false, MergeEnd::Copy) => {
                let (d, p, n) = (self.dest as usize, self.pb as usize, self.nb as usize);
                a.copy_within(p..p + n, d);
                a[d + n] = temp[self.pa as usize];
            }
            (true, MergeEnd::Succeed) => {
                if self.nb > 0 {
                    let n = self.nb as usize;
                    let d = (self.dest - (self.nb - 1)) as usize;
                    a[d..d + n].copy_from_slice(&temp[..n]);
                }
            }
            (true, MergeEnd::Copy) => {
                let n = self.na as usize;
                let d = (self.dest + 1) as usize - n;
                let p = (self.pa + 1) as usize - n;
                a.copy_within(p..p + n, d);
                self.dest -= self.na;
                self.pa -= self.na;
                a[self.dest as usize] = temp[self.pb as usize];
            }
        }
    }

    /// Run until done (`Ok`) or a comparison is needed.
    fn step(
        &mut self,
        a: &mut [usize],
        temp: &[usize],
        ms_min_gallop: &mut usize,
        answer: &mut Option<bool>,
    ) -> Result<(), Ask> {
        let end = if self.hi {
            self.step_hi(a, temp, ms_min_gallop, answer)?
        } else {
            self.step_lo(a, temp, ms_min_gallop, answer)?
        };
        self.finish(a, temp, end);
        Ok(())
    }

    fn step_lo(
        &mut self,
        a: &mut [usize],
        temp: &[usize],
        ms_min_gallop: &mut usize,
        answer: &mut Option<bool>,
    ) -> Result<MergeEnd, Ask> {
        loop {
            match self.stage {
                MergeStage::Pairwise => {
                    let (b, x) = (a[self.pb as usize], temp[self.pa as usize]);
                    if ask(answer, b, x)? {
                        self.take_b(a);
                        self.bcount += 1;
                        self.acount = 0;
                        if self.nb == 0 {
                            return Ok(MergeEnd::Succeed);
                        }
                        if self.bcount >= self.min_gallop as isize {
                            self.enter_galloping(ms_min_gallop);
                        }
                    } else {
                        self.take_a(a, temp);
                        self.acount += 1;
                        self.bcount = 0;
                        if self.na == 1 {
                            return Ok(MergeEnd::Copy);
                        }
                        if self.acount >= self.min_gallop as isize {
                            self.enter_galloping(ms_min_gallop);
                        }
                    }
                }
                MergeStage::GallopA => {
                    let gallop = self.gallop.get_or_insert_with(|| {
                        Gallop::new(
                            true,
                            a[self.pb as usize],
                            Area::Temp,
                            self.pa as usize,
                            self.na as usize,
                            0,
                        )
                    });
                    let k = gallop.step(a, temp, answer)? as isize;
                    self.gallop = None;
                    self.acount = k;
                    if k > 0 {
                        let (d, p, n) = (self.dest as usize, self.pa as usize, k as usize);
                        a[d..d + n].copy_from_slice(&temp[p..p + n]);
                        self.dest += k;
                        self.pa += k;
                        self.na -= k;
                        if self.na == 1 {
                            return Ok(MergeEnd::Copy);
                        }
                        if self.na == 0 {
                            return Ok(MergeEnd::Succeed);
                        }
                    }
                    self.take_b(a);
                    if self.nb == 0 {
                        return Ok(MergeEnd::Succeed);
                    }
                    self.stage = MergeStage::GallopB;
                }
                MergeStage::GallopB => {
                    let gallop = self.gallop.get_or_insert_with(|| {
                        Gallop::new(
                            false,
                            temp[self.pa as usize],
                            Area::List,
                            self.pb as usize,
                            self.nb as usize,
                            0,
                        )
                    });
                    let k = gallop.step(a, temp, answer)? as isize;
                    self.gallop = None;
                    self.bcount = k;
                    if k > 0 {
                        let (d, p, n) = (self.dest as usize, self.pb as usize, k as usize);
                        a.copy_within(p..p + n, d);
                        self.dest += k;
                        self.pb += k;
                        self.nb -= k;
                        if self.nb == 0 {
                            return Ok(MergeEnd::Succeed);
                        }
                    }
                    self.take_a(a, temp);
                    if self.na == 1 {
                        return Ok(MergeEnd::Copy);
                    }
                    self.end_gallop_round(ms_min_gallop);
                }
            }
        }
    }

    fn step_hi(
        &mut self,
        a: &mut [usize],
        temp: &[usize],
        ms_min_gallop: &mut usize,
        answer: &mut Option<bool>,
    ) -> Result<MergeEnd, Ask> {
        loop {
            match self.stage {
                MergeStage::Pairwise => {
                    let (b, x) = (temp[self.pb as usize], a[self.pa as usize]);
                    if ask(answer, b, x)? {
                        self.take_a_hi(a);
                        self.acount += 1;
                        self.bcount = 0;
                        if self.na == 0 {
                            return Ok(MergeEnd::Succeed);
                        }
                        if self.acount >= self.min_gallop as isize {
                            self.enter_galloping(ms_min_gallop);
                        }
                    } else {
                        self.take_b_hi(a, temp);
                        self.bcount += 1;
                        self.acount = 0;
                        if self.nb == 1 {
                            return Ok(MergeEnd::Copy);
                        }
                        if self.bcount >= self.min_gallop as isize {
                            self.enter_galloping(ms_min_gallop);
                        }
                    }
                }
                MergeStage::GallopA => {
                    let gallop = self.gallop.get_or_insert_with(|| {
                        Gallop::new(
                            true,
                            temp[self.pb as usize],
                            Area::List,
                            self.basea as usize,
                            self.na as usize,
                            self.na as usize - 1,
                        )
                    });
                    let k = gallop.step(a, temp, answer)? as isize;
                    self.gallop = None;
                    let k = self.na - k;
                    self.acount = k;
                    if k > 0 {
                        self.dest -= k;
                        self.pa -= k;
                        let (d, p, n) = (self.dest as usize + 1, self.pa as usize + 1, k as usize);
                        a.copy_within(p..p + n, d);
                        self.na -= k;
                        if self.na == 0 {
                            return Ok(MergeEnd::Succeed);
                        }
                    }
                    self.take_b_hi(a, temp);
                    if self.nb == 1 {
                        return Ok(MergeEnd::Copy);
                    }
                    self.stage = MergeStage::GallopB;
                }
                MergeStage::GallopB => {
                    let gallop = self.gallop.get_or_insert_with(|| {
                        Gallop::new(
                            false,
                            a[self.pa as usize],
                            Area::Temp,
                            0,
                            self.nb as usize,
                            self.nb as usize - 1,
                        )
                    });
                    let k = gallop.step(a, temp, answer)? as isize;
                    self.gallop = None;
                    let k = self.nb - k;
                    self.bcount = k;
                    if k > 0 {
                        self.dest -= k;
                        self.pb -= k;
                        let (d, p, n) =
                            ((self.dest + 1) as usize, (self.pb + 1) as usize, k as usize);
                        a[d..d + n].copy_from_slice(&temp[p..p + n]);
                        self.nb -= k;
                        if self.nb == 1 {
                            return Ok(MergeEnd::Copy);
                        }
                        if self.nb == 0 {
                            return Ok(MergeEnd::Succeed);
                        }
                    }
                    self.take_a_hi(a);
                    if self.na == 0 {
                        return Ok(MergeEnd::Succeed);
                    }
                    self.end_gallop_round(ms_min_gallop);
                }
            }
        }
    }

    /// One run won `min_gallop` times in a row: galloping starts.
    fn enter_galloping(&mut self, ms_min_gallop: &mut usize) {
        self.min_gallop += 1;
        self.begin_gallop_round(ms_min_gallop);
    }

    /// The top of the galloping `do` loop.
    fn begin_gallop_round(&mut self, ms_min_gallop: &mut usize) {
        if self.min_gallop > 1 {
            self.min_gallop -= 1;
        }
        *ms_min_gallop = self.min_gallop;
        self.stage = MergeStage::GallopA;
    }

    /// The bottom of the galloping `do` loop: on while either run still
    /// wins by `MIN_GALLOP`, else back to one at a time (penalized).
    fn end_gallop_round(&mut self, ms_min_gallop: &mut usize) {
        let min = MIN_GALLOP as isize;
        if self.acount >= min || self.bcount >= min {
            self.begin_gallop_round(ms_min_gallop);
        } else {
            self.min_gallop += 1;
            *ms_min_gallop = self.min_gallop;
            self.acount = 0;
            self.bcount = 0;
            self.stage = MergeStage::Pairwise;
        }
    }
}

/// `merge_at`: where B starts in A, where A ends in B, then the merge.
#[derive(Debug, Clone, PartialEq, Eq)]
enum MergeAt {
    StartOfB {
        ssa: usize,
        na: usize,
        ssb: usize,
        nb: usize,
        gallop: Gallop,
    },
    EndOfA {
        ssa: usize,
        na: usize,
        ssb: usize,
        gallop: Gallop,
    },
    Merging(Merge),
}

/// What the sort is doing.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Phase {
    /// `count_run` at `lo`.
    Counting(CountRun),
    /// `binarysort`, extending the run to `force` items.
    Extending(BinarySort),
    /// `found_new_run(n2)`: merging while the run below has a greater power.
    Collapsing {
        n2: usize,
        power: u32,
    },
    /// `merge_force_collapse`.
    Forcing,
    /// A `merge_at`, then back to `Collapsing` (`Some`) or `Forcing`.
    Merging {
        merge: MergeAt,
        then: Option<(usize, u32)>,
    },
    Done,
}

/// CPython's `listsort` of `a` (indexes into the keys), stopped between
/// two comparisons.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimSort {
    a: Vec<usize>,
    temp: Vec<usize>,
    minrun: usize,
    lo: usize,
    remaining: usize,
    pending: Vec<Run>,
    min_gallop: usize,
    phase: Phase,
    asked: Option<Ask>,
}

impl TimSort {
    /// The sort of `order` (its indexes' keys compared), run to its first comparison.
    pub fn new(order: Vec<usize>) -> TimSort {
        let n = order.len();
        let mut sort = TimSort {
            a: order,
            temp: Vec::new(),
            minrun: compute_minrun(n),
            lo: 0,
            remaining: n,
            pending: Vec::new(),
            min_gallop: MIN_GALLOP,
            phase: if n < 2 {
                Phase::Done
            } else {
                Phase::Counting(CountRun::new(0, n))
            },
            asked: None,
        };
        sort.advance(None);
        sort
    }

    /// The comparison the sort waits for (`None`: sorted).
    pub fn asked(&self) -> Option<Ask> {
        self.asked
    }

    /// The items' order as it stands (sorted once [`TimSort::asked`] is `None`).
    pub fn order(&self) -> &[usize] {
        &self.a
    }

    pub fn into_order(self) -> Vec<usize> {
        self.a
    }

    /// The comparison asked raised: the sort stops, a merge in progress
    /// copies its temporary run back (`Fail:` of merge_lo/merge_hi).
    pub fn abort(&mut self) {
        if let Phase::Merging {
            merge: MergeAt::Merging(merge),
            ..
        } = &mut self.phase
        {
            merge.finish(&mut self.a, &self.temp, MergeEnd::Succeed);
        }
        self.phase = Phase::Done;
        self.asked = None;
    }

    /// Go on with `answer` to the comparison asked, to the next one.
    pub fn advance(&mut self, mut answer: Option<bool>) {
        self.asked = self.run(&mut answer).err();
        debug_assert!(answer.is_none(), "an answer nobody asked for");
    }

    fn run(&mut self, answer: &mut Option<bool>) -> Result<(), Ask> {
        loop {
            match &mut self.phase {
                Phase::Done => return Ok(()),
                Phase::Counting(count) => {
                    let n = count.step(&mut self.a, answer)?;
                    if n < self.minrun {
                        let force = self.remaining.min(self.minrun);
                        self.phase = Phase::Extending(BinarySort::new(self.lo, force, n));
                        continue;
                    }
                    self.found_new_run(n);
                }
                Phase::Extending(sort) => {
                    sort.step(&mut self.a, answer)?;
                    let n = sort.n;
                    self.found_new_run(n);
                }
                &mut Phase::Collapsing { n2, power } => {
                    let top = self.pending.len();
                    if top > 1 && self.pending[top - 2].power > power {
                        self.merge_at(top - 2, Some((n2, power)));
                        continue;
                    }
                    if let Some(last) = self.pending.last_mut() {
                        last.power = power;
                    }
                    self.push_run(n2);
                }
                Phase::Forcing => {
                    let top = self.pending.len();
                    if top <= 1 {
                        self.phase = Phase::Done;
                        continue;
                    }
                    let mut n = top - 2;
                    if n > 0 && self.pending[n - 1].len < self.pending[n + 1].len {
                        n -= 1;
                    }
                    self.merge_at(n, None);
                }
                Phase::Merging { merge, then } => {
                    let then = *then;
                    let done = match merge {
                        MergeAt::StartOfB {
                            ssa,
                            na,
                            ssb,
                            nb,
                            gallop,
                        } => {
                            let k = gallop.step(&self.a, &self.temp, answer)?;
                            let (ssa, na, ssb, nb) = (*ssa + k, *na - k, *ssb, *nb);
                            if na == 0 {
                                true
                            } else {
                                let key = self.a[ssa + na - 1];
                                *merge = MergeAt::EndOfA {
                                    ssa,
                                    na,
                                    ssb,
                                    gallop: Gallop::new(false, key, Area::List, ssb, nb, nb - 1),
                                };
                                false
                            }
                        }
                        MergeAt::EndOfA {
                            ssa,
                            na,
                            ssb,
                            gallop,
                        } => {
                            let nb = gallop.step(&self.a, &self.temp, answer)?;
                            let (ssa, na, ssb) = (*ssa, *na, *ssb);
                            if nb == 0 {
                                true
                            } else {
                                let runs = (ssa, na, ssb, nb);
                                match Merge::begin(
                                    na > nb,
                                    &mut self.a,
                                    &mut self.temp,
                                    self.min_gallop,
                                    runs,
                                ) {
                                    Some(started) => {
                                        *merge = MergeAt::Merging(started);
                                        false
                                    }
                                    None => true,
                                }
                            }
                        }
                        MergeAt::Merging(m) => {
                            m.step(&mut self.a, &self.temp, &mut self.min_gallop, answer)?;
                            true
                        }
                    };
                    if done {
                        self.phase = match then {
                            Some((n2, power)) => Phase::Collapsing { n2, power },
                            None => Phase::Forcing,
                        };
                    }
                }
            }
        }
    }

    /// `found_new_run(n)`: the power of the run on top, then merges.
    fn found_new_run(&mut self, n2: usize) {
        match self.pending.last() {
            Some(top) => {
                let power = powerloop(top.base, top.len, n2, self.a.len());
                self.phase = Phase::Collapsing { n2, power };
            }
            None => self.push_run(n2),
        }
    }

    /// Push the run at `lo` (`n` long) and go on to the next, or collapse.
    fn push_run(&mut self, n: usize) {
        self.pending.push(Run {
            base: self.lo,
            len: n,
            power: 0,
        });
        self.lo += n;
        self.remaining -= n;
        self.phase = if self.remaining > 0 {
            Phase::Counting(CountRun::new(self.lo, self.remaining))
        } else {
            Phase::Forcing
        };
    }

    /// `merge_at(i)`: the stack shrinks now, the merge begins.
    fn merge_at(&mut self, i: usize, then: Option<(usize, u32)>) {
        let (ssa, na) = (self.pending[i].base, self.pending[i].len);
        let (ssb, nb) = (self.pending[i + 1].base, self.pending[i + 1].len);
        self.pending[i].len = na + nb;
        self.pending.remove(i + 1);
        let gallop = Gallop::new(true, self.a[ssb], Area::List, ssa, na, 0);
        self.phase = Phase::Merging {
            merge: MergeAt::StartOfB {
                ssa,
                na,
                ssb,
                nb,
                gallop,
            },
            then,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sort `keys` with the machine, counting comparisons.
    fn sort(keys: &[i64]) -> (Vec<usize>, usize) {
        let mut sort = TimSort::new((0..keys.len()).collect());
        let mut count = 0;
        while let Some(Ask(x, y)) = sort.asked() {
            count += 1;
            sort.advance(Some(keys[x] < keys[y]));
        }
        (sort.into_order(), count)
    }

    fn lcg(n: usize, modulo: i64) -> Vec<i64> {
        let mut x: i64 = 12345;
        (0..n)
            .map(|_| {
                x = (x * 1103515245 + 12345) % 2147483648;
                x % modulo
            })
            .collect()
    }

    #[test]
    fn sorts_stably() {
        for n in [0, 1, 2, 5, 63, 64, 65, 100, 200, 1000, 5000] {
            for modulo in [3, 50, 1_000_000] {
                let mut data = lcg(n, modulo);
                for shape in 0..4 {
                    match shape {
                        1 => data.sort(),
                        2 => data.reverse(),
                        3 => {
                            let half = data.len() / 2;
                            data[..half].sort();
                            data[half..].sort();
                        }
                        _ => {}
                    }
                    let (order, _) = sort(&data);
                    let mut expected: Vec<usize> = (0..data.len()).collect();
                    expected.sort_by_key(|&i| data[i]);
                    assert_eq!(order, expected, "n={n} modulo={modulo} shape={shape}");
                }
            }
        }
    }

    #[test]
    fn sorted_input_takes_n_minus_one() {
        let data: Vec<i64> = (0..1000).collect();
        assert_eq!(sort(&data).1, 999);
    }

    #[test]
    fn minrun_and_power() {
        assert_eq!(compute_minrun(63), 63);
        assert_eq!(compute_minrun(64), 32);
        assert_eq!(compute_minrun(65), 33);
        assert_eq!(compute_minrun(1000), 63);
        assert!(powerloop(0, 32, 32, 64) == 1);
    }

    #[test]
    fn abort_keeps_a_permutation() {
        let data = lcg(500, 97);
        for stop in [1, 100, 700, 1500, 2500, 3500] {
            let mut sort = TimSort::new((0..data.len()).collect());
            let mut count = 0;
            while let Some(Ask(x, y)) = sort.asked() {
                count += 1;
                if count == stop {
                    sort.abort();
                    break;
                }
                sort.advance(Some(data[x] < data[y]));
            }
            let mut order = sort.into_order();
            order.sort();
            assert_eq!(order, (0..data.len()).collect::<Vec<_>>());
        }
    }
}
