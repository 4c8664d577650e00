//! `co_exceptiontable` (CPython 3.11+, `Objects/exception_handling_notes.txt`).
//!
//! Each entry is four varints: start, length and handler (in code units) and
//! `depth << 1 | lasti`. The first byte of an entry has bit 7 set; a varint is
//! big-endian 6-bit chunks with bit 6 meaning "more follows".

/// One protected range, offsets in bytes as `dis` shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExceptionEntry {
    /// First protected byte offset.
    pub start: usize,
    /// Byte offset just past the range.
    pub end: usize,
    /// Handler's byte offset.
    pub target: usize,
    /// Value stack depth to unwind to before pushing the exception.
    pub depth: u32,
    /// Whether the offset of the raising instruction is pushed too.
    pub lasti: bool,
}

impl ExceptionEntry {
    /// Whether the instruction at byte `offset` is protected by this entry.
    pub fn covers(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
}

/// Big-endian 6-bit varint, as `dis._parse_varint`.
fn varint(bytes: &[u8], at: &mut usize) -> Option<usize> {
    let mut byte = *bytes.get(*at)?;
    *at += 1;
    let mut value = usize::from(byte & 63);
    while byte & 64 != 0 {
        byte = *bytes.get(*at)?;
        *at += 1;
        value = value.checked_mul(64)? | usize::from(byte & 63);
    }
    Some(value)
}

/// Decodes the whole table; a truncated last entry is dropped, as `dis` does.
pub fn parse(table: &[u8]) -> Vec<ExceptionEntry> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < table.len() {
        let entry = (|| {
            let start = varint(table, &mut at)?.checked_mul(2)?;
            let length = varint(table, &mut at)?.checked_mul(2)?;
            let target = varint(table, &mut at)?.checked_mul(2)?;
            let depth_lasti = varint(table, &mut at)?;
            Some(ExceptionEntry {
                start,
                end: start.checked_add(length)?,
                target,
                depth: u32::try_from(depth_lasti >> 1).ok()?,
                lasti: depth_lasti & 1 != 0,
            })
        })();
        match entry {
            Some(entry) => out.push(entry),
            None => break,
        }
    }
    out
}

/// The handler for an exception raised at byte `offset`: the first entry
/// covering it (entries do not overlap in compiler output).
pub fn handler_for(entries: &[ExceptionEntry], offset: usize) -> Option<&ExceptionEntry> {
    entries.iter().find(|entry| entry.covers(offset))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_entries() {
        // start 2, length 3, target 10, depth 1 lasti → [0x82, 3, 10, 3]
        // start 70 (64|1, 6), length 1, target 2, depth 0.
        let table = [0x80 | 2, 3, 10, 3, 0x80 | 64 | 1, 6, 1, 2, 0];
        let entries = parse(&table);
        assert_eq!(
            entries[0],
            ExceptionEntry {
                start: 4,
                end: 10,
                target: 20,
                depth: 1,
                lasti: true
            }
        );
        assert_eq!((entries[1].start, entries[1].end), (140, 142));
        assert_eq!(entries[1].target, 4);
        assert!(!entries[1].lasti);
        assert_eq!(handler_for(&entries, 8).map(|e| e.target), Some(20));
        assert_eq!(handler_for(&entries, 10), None);
    }

    #[test]
    fn truncated_entry_is_dropped() {
        assert_eq!(parse(&[0x82, 3, 10]), vec![]);
        assert_eq!(parse(&[0x82, 3, 10, 64]), vec![]);
    }
}
