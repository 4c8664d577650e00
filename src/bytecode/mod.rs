//! TEMPORARY minimal decoder, replaced by the full bytecode module on merge.

use crate::compile::CodeObject;

pub mod opcodes {
    pub const CACHE: u8 = 0;
    pub const BINARY_SLICE: u8 = 1;
    pub const BUILD_TEMPLATE: u8 = 2;
    pub const BINARY_OP_INPLACE_ADD_UNICODE: u8 = 3;
    pub const CALL_FUNCTION_EX: u8 = 4;
    pub const CHECK_EG_MATCH: u8 = 5;
    pub const CHECK_EXC_MATCH: u8 = 6;
    pub const CLEANUP_THROW: u8 = 7;
    pub const DELETE_SUBSCR: u8 = 8;
    pub const END_FOR: u8 = 9;
    pub const END_SEND: u8 = 10;
    pub const EXIT_INIT_CHECK: u8 = 11;
    pub const FORMAT_SIMPLE: u8 = 12;
    pub const FORMAT_WITH_SPEC: u8 = 13;
    pub const GET_AITER: u8 = 14;
    pub const GET_ANEXT: u8 = 15;
    pub const GET_ITER: u8 = 16;
    pub const RESERVED: u8 = 17;
    pub const GET_LEN: u8 = 18;
    pub const GET_YIELD_FROM_ITER: u8 = 19;
    pub const INTERPRETER_EXIT: u8 = 20;
    pub const LOAD_BUILD_CLASS: u8 = 21;
    pub const LOAD_LOCALS: u8 = 22;
    pub const MAKE_FUNCTION: u8 = 23;
    pub const MATCH_KEYS: u8 = 24;
    pub const MATCH_MAPPING: u8 = 25;
    pub const MATCH_SEQUENCE: u8 = 26;
    pub const NOP: u8 = 27;
    pub const NOT_TAKEN: u8 = 28;
    pub const POP_EXCEPT: u8 = 29;
    pub const POP_ITER: u8 = 30;
    pub const POP_TOP: u8 = 31;
    pub const PUSH_EXC_INFO: u8 = 32;
    pub const PUSH_NULL: u8 = 33;
    pub const RETURN_GENERATOR: u8 = 34;
    pub const RETURN_VALUE: u8 = 35;
    pub const SETUP_ANNOTATIONS: u8 = 36;
    pub const STORE_SLICE: u8 = 37;
    pub const STORE_SUBSCR: u8 = 38;
    pub const TO_BOOL: u8 = 39;
    pub const UNARY_INVERT: u8 = 40;
    pub const UNARY_NEGATIVE: u8 = 41;
    pub const UNARY_NOT: u8 = 42;
    pub const WITH_EXCEPT_START: u8 = 43;
    pub const BINARY_OP: u8 = 44;
    pub const BUILD_INTERPOLATION: u8 = 45;
    pub const BUILD_LIST: u8 = 46;
    pub const BUILD_MAP: u8 = 47;
    pub const BUILD_SET: u8 = 48;
    pub const BUILD_SLICE: u8 = 49;
    pub const BUILD_STRING: u8 = 50;
    pub const BUILD_TUPLE: u8 = 51;
    pub const CALL: u8 = 52;
    pub const CALL_INTRINSIC_1: u8 = 53;
    pub const CALL_INTRINSIC_2: u8 = 54;
    pub const CALL_KW: u8 = 55;
    pub const COMPARE_OP: u8 = 56;
    pub const CONTAINS_OP: u8 = 57;
    pub const CONVERT_VALUE: u8 = 58;
    pub const COPY: u8 = 59;
    pub const COPY_FREE_VARS: u8 = 60;
    pub const DELETE_ATTR: u8 = 61;
    pub const DELETE_DEREF: u8 = 62;
    pub const DELETE_FAST: u8 = 63;
    pub const DELETE_GLOBAL: u8 = 64;
    pub const DELETE_NAME: u8 = 65;
    pub const DICT_MERGE: u8 = 66;
    pub const DICT_UPDATE: u8 = 67;
    pub const END_ASYNC_FOR: u8 = 68;
    pub const EXTENDED_ARG: u8 = 69;
    pub const FOR_ITER: u8 = 70;
    pub const GET_AWAITABLE: u8 = 71;
    pub const IMPORT_FROM: u8 = 72;
    pub const IMPORT_NAME: u8 = 73;
    pub const IS_OP: u8 = 74;
    pub const JUMP_BACKWARD: u8 = 75;
    pub const JUMP_BACKWARD_NO_INTERRUPT: u8 = 76;
    pub const JUMP_FORWARD: u8 = 77;
    pub const LIST_APPEND: u8 = 78;
    pub const LIST_EXTEND: u8 = 79;
    pub const LOAD_ATTR: u8 = 80;
    pub const LOAD_COMMON_CONSTANT: u8 = 81;
    pub const LOAD_CONST: u8 = 82;
    pub const LOAD_DEREF: u8 = 83;
    pub const LOAD_FAST: u8 = 84;
    pub const LOAD_FAST_AND_CLEAR: u8 = 85;
    pub const LOAD_FAST_BORROW: u8 = 86;
    pub const LOAD_FAST_BORROW_LOAD_FAST_BORROW: u8 = 87;
    pub const LOAD_FAST_CHECK: u8 = 88;
    pub const LOAD_FAST_LOAD_FAST: u8 = 89;
    pub const LOAD_FROM_DICT_OR_DEREF: u8 = 90;
    pub const LOAD_FROM_DICT_OR_GLOBALS: u8 = 91;
    pub const LOAD_GLOBAL: u8 = 92;
    pub const LOAD_NAME: u8 = 93;
    pub const LOAD_SMALL_INT: u8 = 94;
    pub const LOAD_SPECIAL: u8 = 95;
    pub const LOAD_SUPER_ATTR: u8 = 96;
    pub const MAKE_CELL: u8 = 97;
    pub const MAP_ADD: u8 = 98;
    pub const MATCH_CLASS: u8 = 99;
    pub const POP_JUMP_IF_FALSE: u8 = 100;
    pub const POP_JUMP_IF_NONE: u8 = 101;
    pub const POP_JUMP_IF_NOT_NONE: u8 = 102;
    pub const POP_JUMP_IF_TRUE: u8 = 103;
    pub const RAISE_VARARGS: u8 = 104;
    pub const RERAISE: u8 = 105;
    pub const SEND: u8 = 106;
    pub const SET_ADD: u8 = 107;
    pub const SET_FUNCTION_ATTRIBUTE: u8 = 108;
    pub const SET_UPDATE: u8 = 109;
    pub const STORE_ATTR: u8 = 110;
    pub const STORE_DEREF: u8 = 111;
    pub const STORE_FAST: u8 = 112;
    pub const STORE_FAST_LOAD_FAST: u8 = 113;
    pub const STORE_FAST_STORE_FAST: u8 = 114;
    pub const STORE_GLOBAL: u8 = 115;
    pub const STORE_NAME: u8 = 116;
    pub const SWAP: u8 = 117;
    pub const UNPACK_EX: u8 = 118;
    pub const UNPACK_SEQUENCE: u8 = 119;
    pub const YIELD_VALUE: u8 = 120;
    pub const RESUME: u8 = 128;

    pub fn cache_count(op: u8) -> usize {
        match op {
            38 | 56 | 57 | 70 | 75 | 96 | 100..=103 | 106 | 119 => 1,
            39 | 52 | 55 => 3,
            44 => 5,
            80 => 9,
            92 | 110 => 4,
            _ => 0,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Instruction {
    pub offset: u32,
    pub start_offset: u32,
    pub opcode: u8,
    pub arg: Option<u32>,
    pub line: Option<u32>,
    pub is_line_start: bool,
    pub jump_target: Option<u32>,
}

fn lines(code: &CodeObject) -> Vec<Option<u32>> {
    let units = code.code.len() / 2;
    let mut out = Vec::with_capacity(units);
    let table = &code.linetable;
    let mut i = 0;
    let mut line = code.first_line as i64;
    let read_varint = |i: &mut usize| -> u64 {
        let mut value = 0u64;
        let mut shift = 0;
        while *i < table.len() {
            let b = table[*i];
            *i += 1;
            value |= ((b & 63) as u64) << shift;
            shift += 6;
            if b & 64 == 0 {
                break;
            }
        }
        value
    };
    while i < table.len() {
        let first = table[i];
        i += 1;
        let code_kind = (first >> 3) & 15;
        let length = (first & 7) as usize + 1;
        let entry_line = match code_kind {
            15 => None,
            14 => {
                let v = read_varint(&mut i);
                let delta = if v & 1 == 1 {
                    -((v >> 1) as i64)
                } else {
                    (v >> 1) as i64
                };
                line += delta;
                read_varint(&mut i);
                read_varint(&mut i);
                read_varint(&mut i);
                Some(line)
            }
            13 => {
                let v = read_varint(&mut i);
                let delta = if v & 1 == 1 {
                    -((v >> 1) as i64)
                } else {
                    (v >> 1) as i64
                };
                line += delta;
                Some(line)
            }
            10..=12 => {
                line += (code_kind - 10) as i64;
                i += 2;
                Some(line)
            }
            _ => {
                i += 1;
                Some(line)
            }
        };
        for _ in 0..length {
            out.push(entry_line.map(|l| l.max(0) as u32));
        }
    }
    out.resize(units, None);
    out
}

pub fn decode(code: &CodeObject) -> Vec<Instruction> {
    let line_of = lines(code);
    let bytes = &code.code;
    let mut out = Vec::new();
    let mut i = 0;
    let mut ext: u32 = 0;
    let mut start = None;
    let mut previous_line = None;
    while i + 1 < bytes.len() {
        let op = bytes[i];
        let arg = ext << 8 | bytes[i + 1] as u32;
        let offset = i as u32;
        let start_offset = start.unwrap_or(offset);
        let caches = opcodes::cache_count(op);
        let next = offset + 2 + 2 * caches as u32;
        let jump_target = match op {
            77 | 100..=103 | 70 | 106 => Some(next + 2 * arg),
            75 | 76 => next.checked_sub(2 * arg),
            _ => None,
        };
        let line = line_of.get(i / 2).copied().flatten();
        let is_line_start = op != 128 && line.is_some() && line != previous_line;
        if op != opcodes::EXTENDED_ARG && line.is_some() {
            previous_line = line;
        }
        out.push(Instruction {
            offset,
            start_offset,
            opcode: op,
            arg: Some(arg),
            line,
            is_line_start,
            jump_target,
        });
        if op == opcodes::EXTENDED_ARG {
            ext = arg;
            start.get_or_insert(offset);
        } else {
            ext = 0;
            start = None;
        }
        i = next as usize;
    }
    out
}

pub fn opname(op: u8) -> &'static str {
    match op {
        0 => "CACHE",
        1 => "BINARY_SLICE",
        2 => "BUILD_TEMPLATE",
        3 => "BINARY_OP_INPLACE_ADD_UNICODE",
        4 => "CALL_FUNCTION_EX",
        5 => "CHECK_EG_MATCH",
        6 => "CHECK_EXC_MATCH",
        7 => "CLEANUP_THROW",
        8 => "DELETE_SUBSCR",
        9 => "END_FOR",
        10 => "END_SEND",
        11 => "EXIT_INIT_CHECK",
        12 => "FORMAT_SIMPLE",
        13 => "FORMAT_WITH_SPEC",
        14 => "GET_AITER",
        15 => "GET_ANEXT",
        16 => "GET_ITER",
        17 => "RESERVED",
        18 => "GET_LEN",
        19 => "GET_YIELD_FROM_ITER",
        20 => "INTERPRETER_EXIT",
        21 => "LOAD_BUILD_CLASS",
        22 => "LOAD_LOCALS",
        23 => "MAKE_FUNCTION",
        24 => "MATCH_KEYS",
        25 => "MATCH_MAPPING",
        26 => "MATCH_SEQUENCE",
        27 => "NOP",
        28 => "NOT_TAKEN",
        29 => "POP_EXCEPT",
        30 => "POP_ITER",
        31 => "POP_TOP",
        32 => "PUSH_EXC_INFO",
        33 => "PUSH_NULL",
        34 => "RETURN_GENERATOR",
        35 => "RETURN_VALUE",
        36 => "SETUP_ANNOTATIONS",
        37 => "STORE_SLICE",
        38 => "STORE_SUBSCR",
        39 => "TO_BOOL",
        40 => "UNARY_INVERT",
        41 => "UNARY_NEGATIVE",
        42 => "UNARY_NOT",
        43 => "WITH_EXCEPT_START",
        44 => "BINARY_OP",
        45 => "BUILD_INTERPOLATION",
        46 => "BUILD_LIST",
        47 => "BUILD_MAP",
        48 => "BUILD_SET",
        49 => "BUILD_SLICE",
        50 => "BUILD_STRING",
        51 => "BUILD_TUPLE",
        52 => "CALL",
        53 => "CALL_INTRINSIC_1",
        54 => "CALL_INTRINSIC_2",
        55 => "CALL_KW",
        56 => "COMPARE_OP",
        57 => "CONTAINS_OP",
        58 => "CONVERT_VALUE",
        59 => "COPY",
        60 => "COPY_FREE_VARS",
        61 => "DELETE_ATTR",
        62 => "DELETE_DEREF",
        63 => "DELETE_FAST",
        64 => "DELETE_GLOBAL",
        65 => "DELETE_NAME",
        66 => "DICT_MERGE",
        67 => "DICT_UPDATE",
        68 => "END_ASYNC_FOR",
        69 => "EXTENDED_ARG",
        70 => "FOR_ITER",
        71 => "GET_AWAITABLE",
        72 => "IMPORT_FROM",
        73 => "IMPORT_NAME",
        74 => "IS_OP",
        75 => "JUMP_BACKWARD",
        76 => "JUMP_BACKWARD_NO_INTERRUPT",
        77 => "JUMP_FORWARD",
        78 => "LIST_APPEND",
        79 => "LIST_EXTEND",
        80 => "LOAD_ATTR",
        81 => "LOAD_COMMON_CONSTANT",
        82 => "LOAD_CONST",
        83 => "LOAD_DEREF",
        84 => "LOAD_FAST",
        85 => "LOAD_FAST_AND_CLEAR",
        86 => "LOAD_FAST_BORROW",
        87 => "LOAD_FAST_BORROW_LOAD_FAST_BORROW",
        88 => "LOAD_FAST_CHECK",
        89 => "LOAD_FAST_LOAD_FAST",
        90 => "LOAD_FROM_DICT_OR_DEREF",
        91 => "LOAD_FROM_DICT_OR_GLOBALS",
        92 => "LOAD_GLOBAL",
        93 => "LOAD_NAME",
        94 => "LOAD_SMALL_INT",
        95 => "LOAD_SPECIAL",
        96 => "LOAD_SUPER_ATTR",
        97 => "MAKE_CELL",
        98 => "MAP_ADD",
        99 => "MATCH_CLASS",
        100 => "POP_JUMP_IF_FALSE",
        101 => "POP_JUMP_IF_NONE",
        102 => "POP_JUMP_IF_NOT_NONE",
        103 => "POP_JUMP_IF_TRUE",
        104 => "RAISE_VARARGS",
        105 => "RERAISE",
        106 => "SEND",
        107 => "SET_ADD",
        108 => "SET_FUNCTION_ATTRIBUTE",
        109 => "SET_UPDATE",
        110 => "STORE_ATTR",
        111 => "STORE_DEREF",
        112 => "STORE_FAST",
        113 => "STORE_FAST_LOAD_FAST",
        114 => "STORE_FAST_STORE_FAST",
        115 => "STORE_GLOBAL",
        116 => "STORE_NAME",
        117 => "SWAP",
        118 => "UNPACK_EX",
        119 => "UNPACK_SEQUENCE",
        120 => "YIELD_VALUE",
        128 => "RESUME",
        _ => "<unknown>",
    }
}

pub fn has_arg(op: u8) -> bool {
    op >= 44
}

pub fn dis(_code: &CodeObject) -> String {
    String::from("(temporary)\n")
}

pub fn dis_table(_code: &CodeObject) -> String {
    String::from("(temporary)\n")
}
