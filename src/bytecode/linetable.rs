//! `co_linetable`, the location table of CPython 3.11+ (`Objects/locations.md`).
//!
//! Each entry starts with a byte `1 cccc lll`: `lll + 1` code units share one
//! location, `cccc` says how the location is encoded:
//!
//! * 0..=9: short form, same line; one byte follows with the column bits;
//! * 10..=12: one-line form, line += code - 10; column and end column bytes;
//! * 13: no columns, line += signed varint;
//! * 14: long form: signed line delta, end-line delta, column + 1, end column + 1;
//! * 15: no location at all.
//!
//! Decoding mirrors `co_positions()` (per code unit) and `co_lines()`
//! (ranges with a line, `None` where there is none). A truncated table ends
//! the decoding early instead of panicking: the remaining units get no location.

/// The source span of one code unit, as `co_positions()` yields it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    /// First line, `None` for "no location".
    pub line: Option<u32>,
    /// Last line.
    pub end_line: Option<u32>,
    /// 0-based UTF-8 byte column of the start.
    pub col: Option<u32>,
    /// 0-based UTF-8 byte column just past the end.
    pub end_col: Option<u32>,
}

/// Byte-wise reader of the 6-bit varints the table uses.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let byte = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(byte)
    }

    /// Little-endian 6-bit chunks, bit 6 set means "more follows".
    fn varint(&mut self) -> Option<u64> {
        let mut byte = self.byte()?;
        let mut value = u64::from(byte & 63);
        let mut shift = 0u32;
        while byte & 64 != 0 {
            byte = self.byte()?;
            shift += 6;
            if shift >= 64 {
                return None;
            }
            value |= u64::from(byte & 63) << shift;
        }
        Some(value)
    }

    /// Zig-zag-like: lowest bit is the sign.
    fn svarint(&mut self) -> Option<i64> {
        let raw = self.varint()?;
        let magnitude = i64::try_from(raw >> 1).ok()?;
        Some(if raw & 1 != 0 { -magnitude } else { magnitude })
    }
}

/// Converts a computed line or column to `Option<u32>` (negative means absent).
fn non_negative(value: i64) -> Option<u32> {
    u32::try_from(value).ok()
}

/// One decoded table entry: how many code units it covers and where they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// Code units covered.
    pub units: usize,
    /// Their location.
    pub position: Position,
}

/// Decodes all entries of `linetable`, the first line being `first_line`.
///
/// Stops at the first malformed entry (the rest of the code then has no
/// location), like CPython, which trusts the table and would read garbage.
pub fn entries(linetable: &[u8], first_line: u32) -> Vec<Entry> {
    let mut reader = Reader {
        bytes: linetable,
        at: 0,
    };
    let mut line = i64::from(first_line);
    let mut out = Vec::new();
    while let Some(first) = reader.byte() {
        if first & 0x80 == 0 {
            break;
        }
        let code = (first >> 3) & 15;
        let units = usize::from(first & 7) + 1;
        let position = match code {
            15 => Some(Position::default()),
            14 => (|| {
                line += reader.svarint()?;
                let end_line = line + i64::try_from(reader.varint()?).ok()?;
                let col = i64::try_from(reader.varint()?).ok()? - 1;
                let end_col = i64::try_from(reader.varint()?).ok()? - 1;
                Some(Position {
                    line: non_negative(line),
                    end_line: non_negative(end_line),
                    col: non_negative(col),
                    end_col: non_negative(end_col),
                })
            })(),
            13 => reader.svarint().map(|delta| {
                line += delta;
                Position {
                    line: non_negative(line),
                    end_line: non_negative(line),
                    col: None,
                    end_col: None,
                }
            }),
            10..=12 => (|| {
                line += i64::from(code - 10);
                let col = reader.byte()?;
                let end_col = reader.byte()?;
                Some(Position {
                    line: non_negative(line),
                    end_line: non_negative(line),
                    col: Some(u32::from(col)),
                    end_col: Some(u32::from(end_col)),
                })
            })(),
            _ => reader.byte().map(|second| {
                let col = u32::from(code) * 8 + u32::from((second >> 4) & 7);
                Position {
                    line: non_negative(line),
                    end_line: non_negative(line),
                    col: Some(col),
                    end_col: Some(col + u32::from(second & 15)),
                }
            }),
        };
        match position {
            Some(position) => out.push(Entry { units, position }),
            None => break,
        }
    }
    out
}

/// `co_positions()`: one position per code unit of a code of `units` units.
///
/// Units beyond the table's end get no location.
pub fn positions(linetable: &[u8], first_line: u32, units: usize) -> Vec<Position> {
    let mut out = Vec::with_capacity(units);
    for entry in entries(linetable, first_line) {
        for _ in 0..entry.units {
            if out.len() == units {
                return out;
            }
            out.push(entry.position);
        }
    }
    out.resize(units, Position::default());
    out
}

/// `co_lines()`: `(start_byte, end_byte, line)` ranges, adjacent entries with
/// the same line merged, as CPython's line iterator does.
pub fn lines(linetable: &[u8], first_line: u32) -> Vec<(usize, usize, Option<u32>)> {
    let mut out: Vec<(usize, usize, Option<u32>)> = Vec::new();
    let mut at = 0usize;
    for entry in entries(linetable, first_line) {
        let end = at + 2 * entry.units;
        match out.last_mut() {
            Some(last) if last.2 == entry.position.line => last.1 = end,
            _ => out.push((at, end, entry.position.line)),
        }
        at = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_form_keeps_line_and_reads_columns() {
        // code 0, 1 unit; second byte: col low bits 2, length 3.
        let table = [0x80, 0x23];
        let p = positions(&table, 7, 1);
        assert_eq!(p[0].line, Some(7));
        assert_eq!(p[0].col, Some(2));
        assert_eq!(p[0].end_col, Some(5));
    }

    #[test]
    fn one_line_forms_add_delta() {
        // code 11 (line + 1), 2 units, col 4, end 9.
        let table = [0x80 | (11 << 3) | 1, 4, 9];
        let p = positions(&table, 1, 2);
        assert_eq!(p[1].line, Some(2));
        assert_eq!((p[1].col, p[1].end_col), (Some(4), Some(9)));
    }

    #[test]
    fn long_form_and_no_columns_and_none() {
        // long: line -1 (svarint 3), end +2, col 0 (1), end col 5 (6).
        // no columns: line + 3 (svarint 6). none: 1 unit.
        let table = [
            0x80 | (14 << 3),
            3,
            2,
            1,
            6,
            0x80 | (13 << 3),
            6,
            0x80 | (15 << 3),
        ];
        let p = positions(&table, 10, 4);
        assert_eq!(
            p[0],
            Position {
                line: Some(9),
                end_line: Some(11),
                col: Some(0),
                end_col: Some(5)
            }
        );
        assert_eq!((p[1].line, p[1].col), (Some(12), None));
        assert_eq!(p[2], Position::default());
        assert_eq!(p[3], Position::default(), "past the table: no location");
        assert_eq!(
            lines(&table, 10),
            vec![(0, 2, Some(9)), (2, 4, Some(12)), (4, 6, None)]
        );
    }

    #[test]
    fn multi_byte_varint() {
        // no columns form with delta 100: svarint 200 = 0b11_001000 → [64|8, 3].
        let table = [0x80 | (13 << 3), 64 | 8, 3];
        assert_eq!(positions(&table, 1, 1)[0].line, Some(101));
    }

    #[test]
    fn truncated_table_does_not_panic() {
        let table = [0x80 | (14 << 3), 64];
        assert_eq!(positions(&table, 1, 2), vec![Position::default(); 2]);
        assert!(lines(&[0x80], 1).is_empty());
    }

    #[test]
    fn merges_same_line_ranges() {
        let table = [0x80, 0x01, 0x81, 0x01];
        assert_eq!(lines(&table, 3), vec![(0, 6, Some(3))]);
    }
}
