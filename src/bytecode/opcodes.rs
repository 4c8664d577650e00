//! CPython 3.14's opcode table: numbers, names, inline cache sizes and the
//! argument classes `dis` uses.
//!
//! Generated from CPython 3.14.2's `dis.opname`, `dis._inline_cache_entries`,
//! `dis.hasarg`/`hasjump`/`hasconst`/`hasname`/`haslocal`/`hasfree`/`hascompare`
//! and `opcode._specializations`, so that decoding follows exactly the table
//! the real `dis` module reads (`Lib/_opcode_metadata.py`, `Lib/opcode.py`).

/// One row of the opcode table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpInfo {
    /// `dis.opname[op]` (`<N>` for unassigned numbers).
    pub name: &'static str,
    /// Inline CACHE code units following the instruction (of its base opcode).
    pub caches: u8,
    /// Bit set of the `HAS_*` classes below.
    pub flags: u8,
    /// The base opcode of a specialized one (`_PyOpcode_Deopt`), else itself.
    pub deopt: u8,
}

/// The opcode takes an argument (`dis.hasarg`).
pub const HAS_ARG: u8 = 1;
/// The argument is a relative jump (`dis.hasjump`).
pub const HAS_JUMP: u8 = 2;
/// The argument indexes `co_consts` (`dis.hasconst`).
pub const HAS_CONST: u8 = 4;
/// The argument indexes `co_names` (`dis.hasname`; some shift it, see `dis`).
pub const HAS_NAME: u8 = 8;
/// The argument indexes the fast locals (`dis.haslocal`).
pub const HAS_LOCAL: u8 = 16;
/// The argument indexes cell/free variables (`dis.hasfree`).
pub const HAS_FREE: u8 = 32;
/// The argument is a comparison (`dis.hascompare`).
pub const HAS_COMPARE: u8 = 64;

/// Opcode `CACHE`.
pub const CACHE: u8 = 0;
/// Opcode `BINARY_SLICE`.
pub const BINARY_SLICE: u8 = 1;
/// Opcode `BUILD_TEMPLATE`.
pub const BUILD_TEMPLATE: u8 = 2;
/// Opcode `BINARY_OP_INPLACE_ADD_UNICODE`.
pub const BINARY_OP_INPLACE_ADD_UNICODE: u8 = 3;
/// Opcode `CALL_FUNCTION_EX`.
pub const CALL_FUNCTION_EX: u8 = 4;
/// Opcode `CHECK_EG_MATCH`.
pub const CHECK_EG_MATCH: u8 = 5;
/// Opcode `CHECK_EXC_MATCH`.
pub const CHECK_EXC_MATCH: u8 = 6;
/// Opcode `CLEANUP_THROW`.
pub const CLEANUP_THROW: u8 = 7;
/// Opcode `DELETE_SUBSCR`.
pub const DELETE_SUBSCR: u8 = 8;
/// Opcode `END_FOR`.
pub const END_FOR: u8 = 9;
/// Opcode `END_SEND`.
pub const END_SEND: u8 = 10;
/// Opcode `EXIT_INIT_CHECK`.
pub const EXIT_INIT_CHECK: u8 = 11;
/// Opcode `FORMAT_SIMPLE`.
pub const FORMAT_SIMPLE: u8 = 12;
/// Opcode `FORMAT_WITH_SPEC`.
pub const FORMAT_WITH_SPEC: u8 = 13;
/// Opcode `GET_AITER`.
pub const GET_AITER: u8 = 14;
/// Opcode `GET_ANEXT`.
pub const GET_ANEXT: u8 = 15;
/// Opcode `GET_ITER`.
pub const GET_ITER: u8 = 16;
/// Opcode `RESERVED`.
pub const RESERVED: u8 = 17;
/// Opcode `GET_LEN`.
pub const GET_LEN: u8 = 18;
/// Opcode `GET_YIELD_FROM_ITER`.
pub const GET_YIELD_FROM_ITER: u8 = 19;
/// Opcode `INTERPRETER_EXIT`.
pub const INTERPRETER_EXIT: u8 = 20;
/// Opcode `LOAD_BUILD_CLASS`.
pub const LOAD_BUILD_CLASS: u8 = 21;
/// Opcode `LOAD_LOCALS`.
pub const LOAD_LOCALS: u8 = 22;
/// Opcode `MAKE_FUNCTION`.
pub const MAKE_FUNCTION: u8 = 23;
/// Opcode `MATCH_KEYS`.
pub const MATCH_KEYS: u8 = 24;
/// Opcode `MATCH_MAPPING`.
pub const MATCH_MAPPING: u8 = 25;
/// Opcode `MATCH_SEQUENCE`.
pub const MATCH_SEQUENCE: u8 = 26;
/// Opcode `NOP`.
pub const NOP: u8 = 27;
/// Opcode `NOT_TAKEN`.
pub const NOT_TAKEN: u8 = 28;
/// Opcode `POP_EXCEPT`.
pub const POP_EXCEPT: u8 = 29;
/// Opcode `POP_ITER`.
pub const POP_ITER: u8 = 30;
/// Opcode `POP_TOP`.
pub const POP_TOP: u8 = 31;
/// Opcode `PUSH_EXC_INFO`.
pub const PUSH_EXC_INFO: u8 = 32;
/// Opcode `PUSH_NULL`.
pub const PUSH_NULL: u8 = 33;
/// Opcode `RETURN_GENERATOR`.
pub const RETURN_GENERATOR: u8 = 34;
/// Opcode `RETURN_VALUE`.
pub const RETURN_VALUE: u8 = 35;
/// Opcode `SETUP_ANNOTATIONS`.
pub const SETUP_ANNOTATIONS: u8 = 36;
/// Opcode `STORE_SLICE`.
pub const STORE_SLICE: u8 = 37;
/// Opcode `STORE_SUBSCR`.
pub const STORE_SUBSCR: u8 = 38;
/// Opcode `TO_BOOL`.
pub const TO_BOOL: u8 = 39;
/// Opcode `UNARY_INVERT`.
pub const UNARY_INVERT: u8 = 40;
/// Opcode `UNARY_NEGATIVE`.
pub const UNARY_NEGATIVE: u8 = 41;
/// Opcode `UNARY_NOT`.
pub const UNARY_NOT: u8 = 42;
/// Opcode `WITH_EXCEPT_START`.
pub const WITH_EXCEPT_START: u8 = 43;
/// Opcode `BINARY_OP`.
pub const BINARY_OP: u8 = 44;
/// Opcode `BUILD_INTERPOLATION`.
pub const BUILD_INTERPOLATION: u8 = 45;
/// Opcode `BUILD_LIST`.
pub const BUILD_LIST: u8 = 46;
/// Opcode `BUILD_MAP`.
pub const BUILD_MAP: u8 = 47;
/// Opcode `BUILD_SET`.
pub const BUILD_SET: u8 = 48;
/// Opcode `BUILD_SLICE`.
pub const BUILD_SLICE: u8 = 49;
/// Opcode `BUILD_STRING`.
pub const BUILD_STRING: u8 = 50;
/// Opcode `BUILD_TUPLE`.
pub const BUILD_TUPLE: u8 = 51;
/// Opcode `CALL`.
pub const CALL: u8 = 52;
/// Opcode `CALL_INTRINSIC_1`.
pub const CALL_INTRINSIC_1: u8 = 53;
/// Opcode `CALL_INTRINSIC_2`.
pub const CALL_INTRINSIC_2: u8 = 54;
/// Opcode `CALL_KW`.
pub const CALL_KW: u8 = 55;
/// Opcode `COMPARE_OP`.
pub const COMPARE_OP: u8 = 56;
/// Opcode `CONTAINS_OP`.
pub const CONTAINS_OP: u8 = 57;
/// Opcode `CONVERT_VALUE`.
pub const CONVERT_VALUE: u8 = 58;
/// Opcode `COPY`.
pub const COPY: u8 = 59;
/// Opcode `COPY_FREE_VARS`.
pub const COPY_FREE_VARS: u8 = 60;
/// Opcode `DELETE_ATTR`.
pub const DELETE_ATTR: u8 = 61;
/// Opcode `DELETE_DEREF`.
pub const DELETE_DEREF: u8 = 62;
/// Opcode `DELETE_FAST`.
pub const DELETE_FAST: u8 = 63;
/// Opcode `DELETE_GLOBAL`.
pub const DELETE_GLOBAL: u8 = 64;
/// Opcode `DELETE_NAME`.
pub const DELETE_NAME: u8 = 65;
/// Opcode `DICT_MERGE`.
pub const DICT_MERGE: u8 = 66;
/// Opcode `DICT_UPDATE`.
pub const DICT_UPDATE: u8 = 67;
/// Opcode `END_ASYNC_FOR`.
pub const END_ASYNC_FOR: u8 = 68;
/// Opcode `EXTENDED_ARG`.
pub const EXTENDED_ARG: u8 = 69;
/// Opcode `FOR_ITER`.
pub const FOR_ITER: u8 = 70;
/// Opcode `GET_AWAITABLE`.
pub const GET_AWAITABLE: u8 = 71;
/// Opcode `IMPORT_FROM`.
pub const IMPORT_FROM: u8 = 72;
/// Opcode `IMPORT_NAME`.
pub const IMPORT_NAME: u8 = 73;
/// Opcode `IS_OP`.
pub const IS_OP: u8 = 74;
/// Opcode `JUMP_BACKWARD`.
pub const JUMP_BACKWARD: u8 = 75;
/// Opcode `JUMP_BACKWARD_NO_INTERRUPT`.
pub const JUMP_BACKWARD_NO_INTERRUPT: u8 = 76;
/// Opcode `JUMP_FORWARD`.
pub const JUMP_FORWARD: u8 = 77;
/// Opcode `LIST_APPEND`.
pub const LIST_APPEND: u8 = 78;
/// Opcode `LIST_EXTEND`.
pub const LIST_EXTEND: u8 = 79;
/// Opcode `LOAD_ATTR`.
pub const LOAD_ATTR: u8 = 80;
/// Opcode `LOAD_COMMON_CONSTANT`.
pub const LOAD_COMMON_CONSTANT: u8 = 81;
/// Opcode `LOAD_CONST`.
pub const LOAD_CONST: u8 = 82;
/// Opcode `LOAD_DEREF`.
pub const LOAD_DEREF: u8 = 83;
/// Opcode `LOAD_FAST`.
pub const LOAD_FAST: u8 = 84;
/// Opcode `LOAD_FAST_AND_CLEAR`.
pub const LOAD_FAST_AND_CLEAR: u8 = 85;
/// Opcode `LOAD_FAST_BORROW`.
pub const LOAD_FAST_BORROW: u8 = 86;
/// Opcode `LOAD_FAST_BORROW_LOAD_FAST_BORROW`.
pub const LOAD_FAST_BORROW_LOAD_FAST_BORROW: u8 = 87;
/// Opcode `LOAD_FAST_CHECK`.
pub const LOAD_FAST_CHECK: u8 = 88;
/// Opcode `LOAD_FAST_LOAD_FAST`.
pub const LOAD_FAST_LOAD_FAST: u8 = 89;
/// Opcode `LOAD_FROM_DICT_OR_DEREF`.
pub const LOAD_FROM_DICT_OR_DEREF: u8 = 90;
/// Opcode `LOAD_FROM_DICT_OR_GLOBALS`.
pub const LOAD_FROM_DICT_OR_GLOBALS: u8 = 91;
/// Opcode `LOAD_GLOBAL`.
pub const LOAD_GLOBAL: u8 = 92;
/// Opcode `LOAD_NAME`.
pub const LOAD_NAME: u8 = 93;
/// Opcode `LOAD_SMALL_INT`.
pub const LOAD_SMALL_INT: u8 = 94;
/// Opcode `LOAD_SPECIAL`.
pub const LOAD_SPECIAL: u8 = 95;
/// Opcode `LOAD_SUPER_ATTR`.
pub const LOAD_SUPER_ATTR: u8 = 96;
/// Opcode `MAKE_CELL`.
pub const MAKE_CELL: u8 = 97;
/// Opcode `MAP_ADD`.
pub const MAP_ADD: u8 = 98;
/// Opcode `MATCH_CLASS`.
pub const MATCH_CLASS: u8 = 99;
/// Opcode `POP_JUMP_IF_FALSE`.
pub const POP_JUMP_IF_FALSE: u8 = 100;
/// Opcode `POP_JUMP_IF_NONE`.
pub const POP_JUMP_IF_NONE: u8 = 101;
/// Opcode `POP_JUMP_IF_NOT_NONE`.
pub const POP_JUMP_IF_NOT_NONE: u8 = 102;
/// Opcode `POP_JUMP_IF_TRUE`.
pub const POP_JUMP_IF_TRUE: u8 = 103;
/// Opcode `RAISE_VARARGS`.
pub const RAISE_VARARGS: u8 = 104;
/// Opcode `RERAISE`.
pub const RERAISE: u8 = 105;
/// Opcode `SEND`.
pub const SEND: u8 = 106;
/// Opcode `SET_ADD`.
pub const SET_ADD: u8 = 107;
/// Opcode `SET_FUNCTION_ATTRIBUTE`.
pub const SET_FUNCTION_ATTRIBUTE: u8 = 108;
/// Opcode `SET_UPDATE`.
pub const SET_UPDATE: u8 = 109;
/// Opcode `STORE_ATTR`.
pub const STORE_ATTR: u8 = 110;
/// Opcode `STORE_DEREF`.
pub const STORE_DEREF: u8 = 111;
/// Opcode `STORE_FAST`.
pub const STORE_FAST: u8 = 112;
/// Opcode `STORE_FAST_LOAD_FAST`.
pub const STORE_FAST_LOAD_FAST: u8 = 113;
/// Opcode `STORE_FAST_STORE_FAST`.
pub const STORE_FAST_STORE_FAST: u8 = 114;
/// Opcode `STORE_GLOBAL`.
pub const STORE_GLOBAL: u8 = 115;
/// Opcode `STORE_NAME`.
pub const STORE_NAME: u8 = 116;
/// Opcode `SWAP`.
pub const SWAP: u8 = 117;
/// Opcode `UNPACK_EX`.
pub const UNPACK_EX: u8 = 118;
/// Opcode `UNPACK_SEQUENCE`.
pub const UNPACK_SEQUENCE: u8 = 119;
/// Opcode `YIELD_VALUE`.
pub const YIELD_VALUE: u8 = 120;
/// Opcode `RESUME`.
pub const RESUME: u8 = 128;
/// Opcode `BINARY_OP_ADD_FLOAT`.
pub const BINARY_OP_ADD_FLOAT: u8 = 129;
/// Opcode `BINARY_OP_ADD_INT`.
pub const BINARY_OP_ADD_INT: u8 = 130;
/// Opcode `BINARY_OP_ADD_UNICODE`.
pub const BINARY_OP_ADD_UNICODE: u8 = 131;
/// Opcode `BINARY_OP_EXTEND`.
pub const BINARY_OP_EXTEND: u8 = 132;
/// Opcode `BINARY_OP_MULTIPLY_FLOAT`.
pub const BINARY_OP_MULTIPLY_FLOAT: u8 = 133;
/// Opcode `BINARY_OP_MULTIPLY_INT`.
pub const BINARY_OP_MULTIPLY_INT: u8 = 134;
/// Opcode `BINARY_OP_SUBSCR_DICT`.
pub const BINARY_OP_SUBSCR_DICT: u8 = 135;
/// Opcode `BINARY_OP_SUBSCR_GETITEM`.
pub const BINARY_OP_SUBSCR_GETITEM: u8 = 136;
/// Opcode `BINARY_OP_SUBSCR_LIST_INT`.
pub const BINARY_OP_SUBSCR_LIST_INT: u8 = 137;
/// Opcode `BINARY_OP_SUBSCR_LIST_SLICE`.
pub const BINARY_OP_SUBSCR_LIST_SLICE: u8 = 138;
/// Opcode `BINARY_OP_SUBSCR_STR_INT`.
pub const BINARY_OP_SUBSCR_STR_INT: u8 = 139;
/// Opcode `BINARY_OP_SUBSCR_TUPLE_INT`.
pub const BINARY_OP_SUBSCR_TUPLE_INT: u8 = 140;
/// Opcode `BINARY_OP_SUBTRACT_FLOAT`.
pub const BINARY_OP_SUBTRACT_FLOAT: u8 = 141;
/// Opcode `BINARY_OP_SUBTRACT_INT`.
pub const BINARY_OP_SUBTRACT_INT: u8 = 142;
/// Opcode `CALL_ALLOC_AND_ENTER_INIT`.
pub const CALL_ALLOC_AND_ENTER_INIT: u8 = 143;
/// Opcode `CALL_BOUND_METHOD_EXACT_ARGS`.
pub const CALL_BOUND_METHOD_EXACT_ARGS: u8 = 144;
/// Opcode `CALL_BOUND_METHOD_GENERAL`.
pub const CALL_BOUND_METHOD_GENERAL: u8 = 145;
/// Opcode `CALL_BUILTIN_CLASS`.
pub const CALL_BUILTIN_CLASS: u8 = 146;
/// Opcode `CALL_BUILTIN_FAST`.
pub const CALL_BUILTIN_FAST: u8 = 147;
/// Opcode `CALL_BUILTIN_FAST_WITH_KEYWORDS`.
pub const CALL_BUILTIN_FAST_WITH_KEYWORDS: u8 = 148;
/// Opcode `CALL_BUILTIN_O`.
pub const CALL_BUILTIN_O: u8 = 149;
/// Opcode `CALL_ISINSTANCE`.
pub const CALL_ISINSTANCE: u8 = 150;
/// Opcode `CALL_KW_BOUND_METHOD`.
pub const CALL_KW_BOUND_METHOD: u8 = 151;
/// Opcode `CALL_KW_NON_PY`.
pub const CALL_KW_NON_PY: u8 = 152;
/// Opcode `CALL_KW_PY`.
pub const CALL_KW_PY: u8 = 153;
/// Opcode `CALL_LEN`.
pub const CALL_LEN: u8 = 154;
/// Opcode `CALL_LIST_APPEND`.
pub const CALL_LIST_APPEND: u8 = 155;
/// Opcode `CALL_METHOD_DESCRIPTOR_FAST`.
pub const CALL_METHOD_DESCRIPTOR_FAST: u8 = 156;
/// Opcode `CALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS`.
pub const CALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS: u8 = 157;
/// Opcode `CALL_METHOD_DESCRIPTOR_NOARGS`.
pub const CALL_METHOD_DESCRIPTOR_NOARGS: u8 = 158;
/// Opcode `CALL_METHOD_DESCRIPTOR_O`.
pub const CALL_METHOD_DESCRIPTOR_O: u8 = 159;
/// Opcode `CALL_NON_PY_GENERAL`.
pub const CALL_NON_PY_GENERAL: u8 = 160;
/// Opcode `CALL_PY_EXACT_ARGS`.
pub const CALL_PY_EXACT_ARGS: u8 = 161;
/// Opcode `CALL_PY_GENERAL`.
pub const CALL_PY_GENERAL: u8 = 162;
/// Opcode `CALL_STR_1`.
pub const CALL_STR_1: u8 = 163;
/// Opcode `CALL_TUPLE_1`.
pub const CALL_TUPLE_1: u8 = 164;
/// Opcode `CALL_TYPE_1`.
pub const CALL_TYPE_1: u8 = 165;
/// Opcode `COMPARE_OP_FLOAT`.
pub const COMPARE_OP_FLOAT: u8 = 166;
/// Opcode `COMPARE_OP_INT`.
pub const COMPARE_OP_INT: u8 = 167;
/// Opcode `COMPARE_OP_STR`.
pub const COMPARE_OP_STR: u8 = 168;
/// Opcode `CONTAINS_OP_DICT`.
pub const CONTAINS_OP_DICT: u8 = 169;
/// Opcode `CONTAINS_OP_SET`.
pub const CONTAINS_OP_SET: u8 = 170;
/// Opcode `FOR_ITER_GEN`.
pub const FOR_ITER_GEN: u8 = 171;
/// Opcode `FOR_ITER_LIST`.
pub const FOR_ITER_LIST: u8 = 172;
/// Opcode `FOR_ITER_RANGE`.
pub const FOR_ITER_RANGE: u8 = 173;
/// Opcode `FOR_ITER_TUPLE`.
pub const FOR_ITER_TUPLE: u8 = 174;
/// Opcode `JUMP_BACKWARD_JIT`.
pub const JUMP_BACKWARD_JIT: u8 = 175;
/// Opcode `JUMP_BACKWARD_NO_JIT`.
pub const JUMP_BACKWARD_NO_JIT: u8 = 176;
/// Opcode `LOAD_ATTR_CLASS`.
pub const LOAD_ATTR_CLASS: u8 = 177;
/// Opcode `LOAD_ATTR_CLASS_WITH_METACLASS_CHECK`.
pub const LOAD_ATTR_CLASS_WITH_METACLASS_CHECK: u8 = 178;
/// Opcode `LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN`.
pub const LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN: u8 = 179;
/// Opcode `LOAD_ATTR_INSTANCE_VALUE`.
pub const LOAD_ATTR_INSTANCE_VALUE: u8 = 180;
/// Opcode `LOAD_ATTR_METHOD_LAZY_DICT`.
pub const LOAD_ATTR_METHOD_LAZY_DICT: u8 = 181;
/// Opcode `LOAD_ATTR_METHOD_NO_DICT`.
pub const LOAD_ATTR_METHOD_NO_DICT: u8 = 182;
/// Opcode `LOAD_ATTR_METHOD_WITH_VALUES`.
pub const LOAD_ATTR_METHOD_WITH_VALUES: u8 = 183;
/// Opcode `LOAD_ATTR_MODULE`.
pub const LOAD_ATTR_MODULE: u8 = 184;
/// Opcode `LOAD_ATTR_NONDESCRIPTOR_NO_DICT`.
pub const LOAD_ATTR_NONDESCRIPTOR_NO_DICT: u8 = 185;
/// Opcode `LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES`.
pub const LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES: u8 = 186;
/// Opcode `LOAD_ATTR_PROPERTY`.
pub const LOAD_ATTR_PROPERTY: u8 = 187;
/// Opcode `LOAD_ATTR_SLOT`.
pub const LOAD_ATTR_SLOT: u8 = 188;
/// Opcode `LOAD_ATTR_WITH_HINT`.
pub const LOAD_ATTR_WITH_HINT: u8 = 189;
/// Opcode `LOAD_CONST_IMMORTAL`.
pub const LOAD_CONST_IMMORTAL: u8 = 190;
/// Opcode `LOAD_CONST_MORTAL`.
pub const LOAD_CONST_MORTAL: u8 = 191;
/// Opcode `LOAD_GLOBAL_BUILTIN`.
pub const LOAD_GLOBAL_BUILTIN: u8 = 192;
/// Opcode `LOAD_GLOBAL_MODULE`.
pub const LOAD_GLOBAL_MODULE: u8 = 193;
/// Opcode `LOAD_SUPER_ATTR_ATTR`.
pub const LOAD_SUPER_ATTR_ATTR: u8 = 194;
/// Opcode `LOAD_SUPER_ATTR_METHOD`.
pub const LOAD_SUPER_ATTR_METHOD: u8 = 195;
/// Opcode `RESUME_CHECK`.
pub const RESUME_CHECK: u8 = 196;
/// Opcode `SEND_GEN`.
pub const SEND_GEN: u8 = 197;
/// Opcode `STORE_ATTR_INSTANCE_VALUE`.
pub const STORE_ATTR_INSTANCE_VALUE: u8 = 198;
/// Opcode `STORE_ATTR_SLOT`.
pub const STORE_ATTR_SLOT: u8 = 199;
/// Opcode `STORE_ATTR_WITH_HINT`.
pub const STORE_ATTR_WITH_HINT: u8 = 200;
/// Opcode `STORE_SUBSCR_DICT`.
pub const STORE_SUBSCR_DICT: u8 = 201;
/// Opcode `STORE_SUBSCR_LIST_INT`.
pub const STORE_SUBSCR_LIST_INT: u8 = 202;
/// Opcode `TO_BOOL_ALWAYS_TRUE`.
pub const TO_BOOL_ALWAYS_TRUE: u8 = 203;
/// Opcode `TO_BOOL_BOOL`.
pub const TO_BOOL_BOOL: u8 = 204;
/// Opcode `TO_BOOL_INT`.
pub const TO_BOOL_INT: u8 = 205;
/// Opcode `TO_BOOL_LIST`.
pub const TO_BOOL_LIST: u8 = 206;
/// Opcode `TO_BOOL_NONE`.
pub const TO_BOOL_NONE: u8 = 207;
/// Opcode `TO_BOOL_STR`.
pub const TO_BOOL_STR: u8 = 208;
/// Opcode `UNPACK_SEQUENCE_LIST`.
pub const UNPACK_SEQUENCE_LIST: u8 = 209;
/// Opcode `UNPACK_SEQUENCE_TUPLE`.
pub const UNPACK_SEQUENCE_TUPLE: u8 = 210;
/// Opcode `UNPACK_SEQUENCE_TWO_TUPLE`.
pub const UNPACK_SEQUENCE_TWO_TUPLE: u8 = 211;
/// Opcode `INSTRUMENTED_END_FOR`.
pub const INSTRUMENTED_END_FOR: u8 = 234;
/// Opcode `INSTRUMENTED_POP_ITER`.
pub const INSTRUMENTED_POP_ITER: u8 = 235;
/// Opcode `INSTRUMENTED_END_SEND`.
pub const INSTRUMENTED_END_SEND: u8 = 236;
/// Opcode `INSTRUMENTED_FOR_ITER`.
pub const INSTRUMENTED_FOR_ITER: u8 = 237;
/// Opcode `INSTRUMENTED_INSTRUCTION`.
pub const INSTRUMENTED_INSTRUCTION: u8 = 238;
/// Opcode `INSTRUMENTED_JUMP_FORWARD`.
pub const INSTRUMENTED_JUMP_FORWARD: u8 = 239;
/// Opcode `INSTRUMENTED_NOT_TAKEN`.
pub const INSTRUMENTED_NOT_TAKEN: u8 = 240;
/// Opcode `INSTRUMENTED_POP_JUMP_IF_TRUE`.
pub const INSTRUMENTED_POP_JUMP_IF_TRUE: u8 = 241;
/// Opcode `INSTRUMENTED_POP_JUMP_IF_FALSE`.
pub const INSTRUMENTED_POP_JUMP_IF_FALSE: u8 = 242;
/// Opcode `INSTRUMENTED_POP_JUMP_IF_NONE`.
pub const INSTRUMENTED_POP_JUMP_IF_NONE: u8 = 243;
/// Opcode `INSTRUMENTED_POP_JUMP_IF_NOT_NONE`.
pub const INSTRUMENTED_POP_JUMP_IF_NOT_NONE: u8 = 244;
/// Opcode `INSTRUMENTED_RESUME`.
pub const INSTRUMENTED_RESUME: u8 = 245;
/// Opcode `INSTRUMENTED_RETURN_VALUE`.
pub const INSTRUMENTED_RETURN_VALUE: u8 = 246;
/// Opcode `INSTRUMENTED_YIELD_VALUE`.
pub const INSTRUMENTED_YIELD_VALUE: u8 = 247;
/// Opcode `INSTRUMENTED_END_ASYNC_FOR`.
pub const INSTRUMENTED_END_ASYNC_FOR: u8 = 248;
/// Opcode `INSTRUMENTED_LOAD_SUPER_ATTR`.
pub const INSTRUMENTED_LOAD_SUPER_ATTR: u8 = 249;
/// Opcode `INSTRUMENTED_CALL`.
pub const INSTRUMENTED_CALL: u8 = 250;
/// Opcode `INSTRUMENTED_CALL_KW`.
pub const INSTRUMENTED_CALL_KW: u8 = 251;
/// Opcode `INSTRUMENTED_CALL_FUNCTION_EX`.
pub const INSTRUMENTED_CALL_FUNCTION_EX: u8 = 252;
/// Opcode `INSTRUMENTED_JUMP_BACKWARD`.
pub const INSTRUMENTED_JUMP_BACKWARD: u8 = 253;
/// Opcode `INSTRUMENTED_LINE`.
pub const INSTRUMENTED_LINE: u8 = 254;
/// Opcode `ENTER_EXECUTOR`.
pub const ENTER_EXECUTOR: u8 = 255;

/// The table, indexed by opcode number.
pub static TABLE: [OpInfo; 256] = [
    OpInfo {
        name: "CACHE",
        caches: 0,
        flags: 0,
        deopt: 0,
    },
    OpInfo {
        name: "BINARY_SLICE",
        caches: 0,
        flags: 0,
        deopt: 1,
    },
    OpInfo {
        name: "BUILD_TEMPLATE",
        caches: 0,
        flags: 0,
        deopt: 2,
    },
    OpInfo {
        name: "BINARY_OP_INPLACE_ADD_UNICODE",
        caches: 5,
        flags: 0,
        deopt: 44,
    },
    OpInfo {
        name: "CALL_FUNCTION_EX",
        caches: 0,
        flags: 0,
        deopt: 4,
    },
    OpInfo {
        name: "CHECK_EG_MATCH",
        caches: 0,
        flags: 0,
        deopt: 5,
    },
    OpInfo {
        name: "CHECK_EXC_MATCH",
        caches: 0,
        flags: 0,
        deopt: 6,
    },
    OpInfo {
        name: "CLEANUP_THROW",
        caches: 0,
        flags: 0,
        deopt: 7,
    },
    OpInfo {
        name: "DELETE_SUBSCR",
        caches: 0,
        flags: 0,
        deopt: 8,
    },
    OpInfo {
        name: "END_FOR",
        caches: 0,
        flags: 0,
        deopt: 9,
    },
    OpInfo {
        name: "END_SEND",
        caches: 0,
        flags: 0,
        deopt: 10,
    },
    OpInfo {
        name: "EXIT_INIT_CHECK",
        caches: 0,
        flags: 0,
        deopt: 11,
    },
    OpInfo {
        name: "FORMAT_SIMPLE",
        caches: 0,
        flags: 0,
        deopt: 12,
    },
    OpInfo {
        name: "FORMAT_WITH_SPEC",
        caches: 0,
        flags: 0,
        deopt: 13,
    },
    OpInfo {
        name: "GET_AITER",
        caches: 0,
        flags: 0,
        deopt: 14,
    },
    OpInfo {
        name: "GET_ANEXT",
        caches: 0,
        flags: 0,
        deopt: 15,
    },
    OpInfo {
        name: "GET_ITER",
        caches: 0,
        flags: 0,
        deopt: 16,
    },
    OpInfo {
        name: "RESERVED",
        caches: 0,
        flags: 0,
        deopt: 17,
    },
    OpInfo {
        name: "GET_LEN",
        caches: 0,
        flags: 0,
        deopt: 18,
    },
    OpInfo {
        name: "GET_YIELD_FROM_ITER",
        caches: 0,
        flags: 0,
        deopt: 19,
    },
    OpInfo {
        name: "INTERPRETER_EXIT",
        caches: 0,
        flags: 0,
        deopt: 20,
    },
    OpInfo {
        name: "LOAD_BUILD_CLASS",
        caches: 0,
        flags: 0,
        deopt: 21,
    },
    OpInfo {
        name: "LOAD_LOCALS",
        caches: 0,
        flags: 0,
        deopt: 22,
    },
    OpInfo {
        name: "MAKE_FUNCTION",
        caches: 0,
        flags: 0,
        deopt: 23,
    },
    OpInfo {
        name: "MATCH_KEYS",
        caches: 0,
        flags: 0,
        deopt: 24,
    },
    OpInfo {
        name: "MATCH_MAPPING",
        caches: 0,
        flags: 0,
        deopt: 25,
    },
    OpInfo {
        name: "MATCH_SEQUENCE",
        caches: 0,
        flags: 0,
        deopt: 26,
    },
    OpInfo {
        name: "NOP",
        caches: 0,
        flags: 0,
        deopt: 27,
    },
    OpInfo {
        name: "NOT_TAKEN",
        caches: 0,
        flags: 0,
        deopt: 28,
    },
    OpInfo {
        name: "POP_EXCEPT",
        caches: 0,
        flags: 0,
        deopt: 29,
    },
    OpInfo {
        name: "POP_ITER",
        caches: 0,
        flags: 0,
        deopt: 30,
    },
    OpInfo {
        name: "POP_TOP",
        caches: 0,
        flags: 0,
        deopt: 31,
    },
    OpInfo {
        name: "PUSH_EXC_INFO",
        caches: 0,
        flags: 0,
        deopt: 32,
    },
    OpInfo {
        name: "PUSH_NULL",
        caches: 0,
        flags: 0,
        deopt: 33,
    },
    OpInfo {
        name: "RETURN_GENERATOR",
        caches: 0,
        flags: 0,
        deopt: 34,
    },
    OpInfo {
        name: "RETURN_VALUE",
        caches: 0,
        flags: 0,
        deopt: 35,
    },
    OpInfo {
        name: "SETUP_ANNOTATIONS",
        caches: 0,
        flags: 0,
        deopt: 36,
    },
    OpInfo {
        name: "STORE_SLICE",
        caches: 0,
        flags: 0,
        deopt: 37,
    },
    OpInfo {
        name: "STORE_SUBSCR",
        caches: 1,
        flags: 0,
        deopt: 38,
    },
    OpInfo {
        name: "TO_BOOL",
        caches: 3,
        flags: 0,
        deopt: 39,
    },
    OpInfo {
        name: "UNARY_INVERT",
        caches: 0,
        flags: 0,
        deopt: 40,
    },
    OpInfo {
        name: "UNARY_NEGATIVE",
        caches: 0,
        flags: 0,
        deopt: 41,
    },
    OpInfo {
        name: "UNARY_NOT",
        caches: 0,
        flags: 0,
        deopt: 42,
    },
    OpInfo {
        name: "WITH_EXCEPT_START",
        caches: 0,
        flags: 0,
        deopt: 43,
    },
    OpInfo {
        name: "BINARY_OP",
        caches: 5,
        flags: HAS_ARG,
        deopt: 44,
    },
    OpInfo {
        name: "BUILD_INTERPOLATION",
        caches: 0,
        flags: HAS_ARG,
        deopt: 45,
    },
    OpInfo {
        name: "BUILD_LIST",
        caches: 0,
        flags: HAS_ARG,
        deopt: 46,
    },
    OpInfo {
        name: "BUILD_MAP",
        caches: 0,
        flags: HAS_ARG,
        deopt: 47,
    },
    OpInfo {
        name: "BUILD_SET",
        caches: 0,
        flags: HAS_ARG,
        deopt: 48,
    },
    OpInfo {
        name: "BUILD_SLICE",
        caches: 0,
        flags: HAS_ARG,
        deopt: 49,
    },
    OpInfo {
        name: "BUILD_STRING",
        caches: 0,
        flags: HAS_ARG,
        deopt: 50,
    },
    OpInfo {
        name: "BUILD_TUPLE",
        caches: 0,
        flags: HAS_ARG,
        deopt: 51,
    },
    OpInfo {
        name: "CALL",
        caches: 3,
        flags: HAS_ARG,
        deopt: 52,
    },
    OpInfo {
        name: "CALL_INTRINSIC_1",
        caches: 0,
        flags: HAS_ARG,
        deopt: 53,
    },
    OpInfo {
        name: "CALL_INTRINSIC_2",
        caches: 0,
        flags: HAS_ARG,
        deopt: 54,
    },
    OpInfo {
        name: "CALL_KW",
        caches: 3,
        flags: HAS_ARG,
        deopt: 55,
    },
    OpInfo {
        name: "COMPARE_OP",
        caches: 1,
        flags: HAS_ARG | HAS_COMPARE,
        deopt: 56,
    },
    OpInfo {
        name: "CONTAINS_OP",
        caches: 1,
        flags: HAS_ARG,
        deopt: 57,
    },
    OpInfo {
        name: "CONVERT_VALUE",
        caches: 0,
        flags: HAS_ARG,
        deopt: 58,
    },
    OpInfo {
        name: "COPY",
        caches: 0,
        flags: HAS_ARG,
        deopt: 59,
    },
    OpInfo {
        name: "COPY_FREE_VARS",
        caches: 0,
        flags: HAS_ARG,
        deopt: 60,
    },
    OpInfo {
        name: "DELETE_ATTR",
        caches: 0,
        flags: HAS_ARG | HAS_NAME,
        deopt: 61,
    },
    OpInfo {
        name: "DELETE_DEREF",
        caches: 0,
        flags: HAS_ARG | HAS_FREE,
        deopt: 62,
    },
    OpInfo {
        name: "DELETE_FAST",
        caches: 0,
        flags: HAS_ARG | HAS_LOCAL,
        deopt: 63,
    },
    OpInfo {
        name: "DELETE_GLOBAL",
        caches: 0,
        flags: HAS_ARG | HAS_NAME,
        deopt: 64,
    },
    OpInfo {
        name: "DELETE_NAME",
        caches: 0,
        flags: HAS_ARG | HAS_NAME,
        deopt: 65,
    },
    OpInfo {
        name: "DICT_MERGE",
        caches: 0,
        flags: HAS_ARG,
        deopt: 66,
    },
    OpInfo {
        name: "DICT_UPDATE",
        caches: 0,
        flags: HAS_ARG,
        deopt: 67,
    },
    OpInfo {
        name: "END_ASYNC_FOR",
        caches: 0,
        flags: HAS_ARG | HAS_JUMP,
        deopt: 68,
    },
    OpInfo {
        name: "EXTENDED_ARG",
        caches: 0,
        flags: HAS_ARG,
        deopt: 69,
    },
    OpInfo {
        name: "FOR_ITER",
        caches: 1,
        flags: HAS_ARG | HAS_JUMP,
        deopt: 70,
    },
    OpInfo {
        name: "GET_AWAITABLE",
        caches: 0,
        flags: HAS_ARG,
        deopt: 71,
    },
    OpInfo {
        name: "IMPORT_FROM",
        caches: 0,
        flags: HAS_ARG | HAS_NAME,
        deopt: 72,
    },
    OpInfo {
        name: "IMPORT_NAME",
        caches: 0,
        flags: HAS_ARG | HAS_NAME,
        deopt: 73,
    },
    OpInfo {
        name: "IS_OP",
        caches: 0,
        flags: HAS_ARG,
        deopt: 74,
    },
    OpInfo {
        name: "JUMP_BACKWARD",
        caches: 1,
        flags: HAS_ARG | HAS_JUMP,
        deopt: 75,
    },
    OpInfo {
        name: "JUMP_BACKWARD_NO_INTERRUPT",
        caches: 0,
        flags: HAS_ARG | HAS_JUMP,
        deopt: 76,
    },
    OpInfo {
        name: "JUMP_FORWARD",
        caches: 0,
        flags: HAS_ARG | HAS_JUMP,
        deopt: 77,
    },
    OpInfo {
        name: "LIST_APPEND",
        caches: 0,
        flags: HAS_ARG,
        deopt: 78,
    },
    OpInfo {
        name: "LIST_EXTEND",
        caches: 0,
        flags: HAS_ARG,
        deopt: 79,
    },
    OpInfo {
        name: "LOAD_ATTR",
        caches: 9,
        flags: HAS_ARG | HAS_NAME,
        deopt: 80,
    },
    OpInfo {
        name: "LOAD_COMMON_CONSTANT",
        caches: 0,
        flags: HAS_ARG,
        deopt: 81,
    },
    OpInfo {
        name: "LOAD_CONST",
        caches: 0,
        flags: HAS_ARG | HAS_CONST,
        deopt: 82,
    },
    OpInfo {
        name: "LOAD_DEREF",
        caches: 0,
        flags: HAS_ARG | HAS_LOCAL,
        deopt: 83,
    },
    OpInfo {
        name: "LOAD_FAST",
        caches: 0,
        flags: HAS_ARG | HAS_LOCAL,
        deopt: 84,
    },
    OpInfo {
        name: "LOAD_FAST_AND_CLEAR",
        caches: 0,
        flags: HAS_ARG | HAS_LOCAL,
        deopt: 85,
    },
    OpInfo {
        name: "LOAD_FAST_BORROW",
        caches: 0,
        flags: HAS_ARG | HAS_LOCAL,
        deopt: 86,
    },
    OpInfo {
        name: "LOAD_FAST_BORROW_LOAD_FAST_BORROW",
        caches: 0,
        flags: HAS_ARG | HAS_LOCAL,
        deopt: 87,
    },
    OpInfo {
        name: "LOAD_FAST_CHECK",
        caches: 0,
        flags: HAS_ARG | HAS_LOCAL,
        deopt: 88,
    },
    OpInfo {
        name: "LOAD_FAST_LOAD_FAST",
        caches: 0,
        flags: HAS_ARG | HAS_LOCAL,
        deopt: 89,
    },
    OpInfo {
        name: "LOAD_FROM_DICT_OR_DEREF",
        caches: 0,
        flags: HAS_ARG | HAS_FREE,
        deopt: 90,
    },
    OpInfo {
        name: "LOAD_FROM_DICT_OR_GLOBALS",
        caches: 0,
        flags: HAS_ARG | HAS_NAME,
        deopt: 91,
    },
    OpInfo {
        name: "LOAD_GLOBAL",
        caches: 4,
        flags: HAS_ARG | HAS_NAME,
        deopt: 92,
    },
    OpInfo {
        name: "LOAD_NAME",
        caches: 0,
        flags: HAS_ARG | HAS_NAME,
        deopt: 93,
    },
    OpInfo {
        name: "LOAD_SMALL_INT",
        caches: 0,
        flags: HAS_ARG,
        deopt: 94,
    },
    OpInfo {
        name: "LOAD_SPECIAL",
        caches: 0,
        flags: HAS_ARG,
        deopt: 95,
    },
    OpInfo {
        name: "LOAD_SUPER_ATTR",
        caches: 1,
        flags: HAS_ARG | HAS_NAME,
        deopt: 96,
    },
    OpInfo {
        name: "MAKE_CELL",
        caches: 0,
        flags: HAS_ARG | HAS_FREE,
        deopt: 97,
    },
    OpInfo {
        name: "MAP_ADD",
        caches: 0,
        flags: HAS_ARG,
        deopt: 98,
    },
    OpInfo {
        name: "MATCH_CLASS",
        caches: 0,
        flags: HAS_ARG,
        deopt: 99,
    },
    OpInfo {
        name: "POP_JUMP_IF_FALSE",
        caches: 1,
        flags: HAS_ARG | HAS_JUMP,
        deopt: 100,
    },
    OpInfo {
        name: "POP_JUMP_IF_NONE",
        caches: 1,
        flags: HAS_ARG | HAS_JUMP,
        deopt: 101,
    },
    OpInfo {
        name: "POP_JUMP_IF_NOT_NONE",
        caches: 1,
        flags: HAS_ARG | HAS_JUMP,
        deopt: 102,
    },
    OpInfo {
        name: "POP_JUMP_IF_TRUE",
        caches: 1,
        flags: HAS_ARG | HAS_JUMP,
        deopt: 103,
    },
    OpInfo {
        name: "RAISE_VARARGS",
        caches: 0,
        flags: HAS_ARG,
        deopt: 104,
    },
    OpInfo {
        name: "RERAISE",
        caches: 0,
        flags: HAS_ARG,
        deopt: 105,
    },
    OpInfo {
        name: "SEND",
        caches: 1,
        flags: HAS_ARG | HAS_JUMP,
        deopt: 106,
    },
    OpInfo {
        name: "SET_ADD",
        caches: 0,
        flags: HAS_ARG,
        deopt: 107,
    },
    OpInfo {
        name: "SET_FUNCTION_ATTRIBUTE",
        caches: 0,
        flags: HAS_ARG,
        deopt: 108,
    },
    OpInfo {
        name: "SET_UPDATE",
        caches: 0,
        flags: HAS_ARG,
        deopt: 109,
    },
    OpInfo {
        name: "STORE_ATTR",
        caches: 4,
        flags: HAS_ARG | HAS_NAME,
        deopt: 110,
    },
    OpInfo {
        name: "STORE_DEREF",
        caches: 0,
        flags: HAS_ARG | HAS_FREE,
        deopt: 111,
    },
    OpInfo {
        name: "STORE_FAST",
        caches: 0,
        flags: HAS_ARG | HAS_LOCAL,
        deopt: 112,
    },
    OpInfo {
        name: "STORE_FAST_LOAD_FAST",
        caches: 0,
        flags: HAS_ARG | HAS_LOCAL,
        deopt: 113,
    },
    OpInfo {
        name: "STORE_FAST_STORE_FAST",
        caches: 0,
        flags: HAS_ARG | HAS_LOCAL,
        deopt: 114,
    },
    OpInfo {
        name: "STORE_GLOBAL",
        caches: 0,
        flags: HAS_ARG | HAS_NAME,
        deopt: 115,
    },
    OpInfo {
        name: "STORE_NAME",
        caches: 0,
        flags: HAS_ARG | HAS_NAME,
        deopt: 116,
    },
    OpInfo {
        name: "SWAP",
        caches: 0,
        flags: HAS_ARG,
        deopt: 117,
    },
    OpInfo {
        name: "UNPACK_EX",
        caches: 0,
        flags: HAS_ARG,
        deopt: 118,
    },
    OpInfo {
        name: "UNPACK_SEQUENCE",
        caches: 1,
        flags: HAS_ARG,
        deopt: 119,
    },
    OpInfo {
        name: "YIELD_VALUE",
        caches: 0,
        flags: HAS_ARG,
        deopt: 120,
    },
    OpInfo {
        name: "<121>",
        caches: 0,
        flags: 0,
        deopt: 121,
    },
    OpInfo {
        name: "<122>",
        caches: 0,
        flags: 0,
        deopt: 122,
    },
    OpInfo {
        name: "<123>",
        caches: 0,
        flags: 0,
        deopt: 123,
    },
    OpInfo {
        name: "<124>",
        caches: 0,
        flags: 0,
        deopt: 124,
    },
    OpInfo {
        name: "<125>",
        caches: 0,
        flags: 0,
        deopt: 125,
    },
    OpInfo {
        name: "<126>",
        caches: 0,
        flags: 0,
        deopt: 126,
    },
    OpInfo {
        name: "<127>",
        caches: 0,
        flags: 0,
        deopt: 127,
    },
    OpInfo {
        name: "RESUME",
        caches: 0,
        flags: HAS_ARG,
        deopt: 128,
    },
    OpInfo {
        name: "BINARY_OP_ADD_FLOAT",
        caches: 5,
        flags: 0,
        deopt: 44,
    },
    OpInfo {
        name: "BINARY_OP_ADD_INT",
        caches: 5,
        flags: 0,
        deopt: 44,
    },
    OpInfo {
        name: "BINARY_OP_ADD_UNICODE",
        caches: 5,
        flags: 0,
        deopt: 44,
    },
    OpInfo {
        name: "BINARY_OP_EXTEND",
        caches: 5,
        flags: 0,
        deopt: 44,
    },
    OpInfo {
        name: "BINARY_OP_MULTIPLY_FLOAT",
        caches: 5,
        flags: 0,
        deopt: 44,
    },
    OpInfo {
        name: "BINARY_OP_MULTIPLY_INT",
        caches: 5,
        flags: 0,
        deopt: 44,
    },
    OpInfo {
        name: "BINARY_OP_SUBSCR_DICT",
        caches: 5,
        flags: 0,
        deopt: 44,
    },
    OpInfo {
        name: "BINARY_OP_SUBSCR_GETITEM",
        caches: 5,
        flags: 0,
        deopt: 44,
    },
    OpInfo {
        name: "BINARY_OP_SUBSCR_LIST_INT",
        caches: 5,
        flags: 0,
        deopt: 44,
    },
    OpInfo {
        name: "BINARY_OP_SUBSCR_LIST_SLICE",
        caches: 5,
        flags: 0,
        deopt: 44,
    },
    OpInfo {
        name: "BINARY_OP_SUBSCR_STR_INT",
        caches: 5,
        flags: 0,
        deopt: 44,
    },
    OpInfo {
        name: "BINARY_OP_SUBSCR_TUPLE_INT",
        caches: 5,
        flags: 0,
        deopt: 44,
    },
    OpInfo {
        name: "BINARY_OP_SUBTRACT_FLOAT",
        caches: 5,
        flags: 0,
        deopt: 44,
    },
    OpInfo {
        name: "BINARY_OP_SUBTRACT_INT",
        caches: 5,
        flags: 0,
        deopt: 44,
    },
    OpInfo {
        name: "CALL_ALLOC_AND_ENTER_INIT",
        caches: 3,
        flags: 0,
        deopt: 52,
    },
    OpInfo {
        name: "CALL_BOUND_METHOD_EXACT_ARGS",
        caches: 3,
        flags: 0,
        deopt: 52,
    },
    OpInfo {
        name: "CALL_BOUND_METHOD_GENERAL",
        caches: 3,
        flags: 0,
        deopt: 52,
    },
    OpInfo {
        name: "CALL_BUILTIN_CLASS",
        caches: 3,
        flags: 0,
        deopt: 52,
    },
    OpInfo {
        name: "CALL_BUILTIN_FAST",
        caches: 3,
        flags: 0,
        deopt: 52,
    },
    OpInfo {
        name: "CALL_BUILTIN_FAST_WITH_KEYWORDS",
        caches: 3,
        flags: 0,
        deopt: 52,
    },
    OpInfo {
        name: "CALL_BUILTIN_O",
        caches: 3,
        flags: 0,
        deopt: 52,
    },
    OpInfo {
        name: "CALL_ISINSTANCE",
        caches: 3,
        flags: 0,
        deopt: 52,
    },
    OpInfo {
        name: "CALL_KW_BOUND_METHOD",
        caches: 3,
        flags: 0,
        deopt: 55,
    },
    OpInfo {
        name: "CALL_KW_NON_PY",
        caches: 3,
        flags: 0,
        deopt: 55,
    },
    OpInfo {
        name: "CALL_KW_PY",
        caches: 3,
        flags: 0,
        deopt: 55,
    },
    OpInfo {
        name: "CALL_LEN",
        caches: 3,
        flags: 0,
        deopt: 52,
    },
    OpInfo {
        name: "CALL_LIST_APPEND",
        caches: 3,
        flags: 0,
        deopt: 52,
    },
    OpInfo {
        name: "CALL_METHOD_DESCRIPTOR_FAST",
        caches: 3,
        flags: 0,
        deopt: 52,
    },
    OpInfo {
        name: "CALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS",
        caches: 3,
        flags: 0,
        deopt: 52,
    },
    OpInfo {
        name: "CALL_METHOD_DESCRIPTOR_NOARGS",
        caches: 3,
        flags: 0,
        deopt: 52,
    },
    OpInfo {
        name: "CALL_METHOD_DESCRIPTOR_O",
        caches: 3,
        flags: 0,
        deopt: 52,
    },
    OpInfo {
        name: "CALL_NON_PY_GENERAL",
        caches: 3,
        flags: 0,
        deopt: 52,
    },
    OpInfo {
        name: "CALL_PY_EXACT_ARGS",
        caches: 3,
        flags: 0,
        deopt: 52,
    },
    OpInfo {
        name: "CALL_PY_GENERAL",
        caches: 3,
        flags: 0,
        deopt: 52,
    },
    OpInfo {
        name: "CALL_STR_1",
        caches: 3,
        flags: 0,
        deopt: 52,
    },
    OpInfo {
        name: "CALL_TUPLE_1",
        caches: 3,
        flags: 0,
        deopt: 52,
    },
    OpInfo {
        name: "CALL_TYPE_1",
        caches: 3,
        flags: 0,
        deopt: 52,
    },
    OpInfo {
        name: "COMPARE_OP_FLOAT",
        caches: 1,
        flags: 0,
        deopt: 56,
    },
    OpInfo {
        name: "COMPARE_OP_INT",
        caches: 1,
        flags: 0,
        deopt: 56,
    },
    OpInfo {
        name: "COMPARE_OP_STR",
        caches: 1,
        flags: 0,
        deopt: 56,
    },
    OpInfo {
        name: "CONTAINS_OP_DICT",
        caches: 1,
        flags: 0,
        deopt: 57,
    },
    OpInfo {
        name: "CONTAINS_OP_SET",
        caches: 1,
        flags: 0,
        deopt: 57,
    },
    OpInfo {
        name: "FOR_ITER_GEN",
        caches: 1,
        flags: 0,
        deopt: 70,
    },
    OpInfo {
        name: "FOR_ITER_LIST",
        caches: 1,
        flags: 0,
        deopt: 70,
    },
    OpInfo {
        name: "FOR_ITER_RANGE",
        caches: 1,
        flags: 0,
        deopt: 70,
    },
    OpInfo {
        name: "FOR_ITER_TUPLE",
        caches: 1,
        flags: 0,
        deopt: 70,
    },
    OpInfo {
        name: "JUMP_BACKWARD_JIT",
        caches: 1,
        flags: 0,
        deopt: 75,
    },
    OpInfo {
        name: "JUMP_BACKWARD_NO_JIT",
        caches: 1,
        flags: 0,
        deopt: 75,
    },
    OpInfo {
        name: "LOAD_ATTR_CLASS",
        caches: 9,
        flags: 0,
        deopt: 80,
    },
    OpInfo {
        name: "LOAD_ATTR_CLASS_WITH_METACLASS_CHECK",
        caches: 9,
        flags: 0,
        deopt: 80,
    },
    OpInfo {
        name: "LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN",
        caches: 9,
        flags: 0,
        deopt: 80,
    },
    OpInfo {
        name: "LOAD_ATTR_INSTANCE_VALUE",
        caches: 9,
        flags: 0,
        deopt: 80,
    },
    OpInfo {
        name: "LOAD_ATTR_METHOD_LAZY_DICT",
        caches: 9,
        flags: 0,
        deopt: 80,
    },
    OpInfo {
        name: "LOAD_ATTR_METHOD_NO_DICT",
        caches: 9,
        flags: 0,
        deopt: 80,
    },
    OpInfo {
        name: "LOAD_ATTR_METHOD_WITH_VALUES",
        caches: 9,
        flags: 0,
        deopt: 80,
    },
    OpInfo {
        name: "LOAD_ATTR_MODULE",
        caches: 9,
        flags: 0,
        deopt: 80,
    },
    OpInfo {
        name: "LOAD_ATTR_NONDESCRIPTOR_NO_DICT",
        caches: 9,
        flags: 0,
        deopt: 80,
    },
    OpInfo {
        name: "LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES",
        caches: 9,
        flags: 0,
        deopt: 80,
    },
    OpInfo {
        name: "LOAD_ATTR_PROPERTY",
        caches: 9,
        flags: 0,
        deopt: 80,
    },
    OpInfo {
        name: "LOAD_ATTR_SLOT",
        caches: 9,
        flags: 0,
        deopt: 80,
    },
    OpInfo {
        name: "LOAD_ATTR_WITH_HINT",
        caches: 9,
        flags: 0,
        deopt: 80,
    },
    OpInfo {
        name: "LOAD_CONST_IMMORTAL",
        caches: 0,
        flags: 0,
        deopt: 82,
    },
    OpInfo {
        name: "LOAD_CONST_MORTAL",
        caches: 0,
        flags: 0,
        deopt: 82,
    },
    OpInfo {
        name: "LOAD_GLOBAL_BUILTIN",
        caches: 4,
        flags: 0,
        deopt: 92,
    },
    OpInfo {
        name: "LOAD_GLOBAL_MODULE",
        caches: 4,
        flags: 0,
        deopt: 92,
    },
    OpInfo {
        name: "LOAD_SUPER_ATTR_ATTR",
        caches: 1,
        flags: 0,
        deopt: 96,
    },
    OpInfo {
        name: "LOAD_SUPER_ATTR_METHOD",
        caches: 1,
        flags: 0,
        deopt: 96,
    },
    OpInfo {
        name: "RESUME_CHECK",
        caches: 0,
        flags: 0,
        deopt: 128,
    },
    OpInfo {
        name: "SEND_GEN",
        caches: 1,
        flags: 0,
        deopt: 106,
    },
    OpInfo {
        name: "STORE_ATTR_INSTANCE_VALUE",
        caches: 4,
        flags: 0,
        deopt: 110,
    },
    OpInfo {
        name: "STORE_ATTR_SLOT",
        caches: 4,
        flags: 0,
        deopt: 110,
    },
    OpInfo {
        name: "STORE_ATTR_WITH_HINT",
        caches: 4,
        flags: 0,
        deopt: 110,
    },
    OpInfo {
        name: "STORE_SUBSCR_DICT",
        caches: 1,
        flags: 0,
        deopt: 38,
    },
    OpInfo {
        name: "STORE_SUBSCR_LIST_INT",
        caches: 1,
        flags: 0,
        deopt: 38,
    },
    OpInfo {
        name: "TO_BOOL_ALWAYS_TRUE",
        caches: 3,
        flags: 0,
        deopt: 39,
    },
    OpInfo {
        name: "TO_BOOL_BOOL",
        caches: 3,
        flags: 0,
        deopt: 39,
    },
    OpInfo {
        name: "TO_BOOL_INT",
        caches: 3,
        flags: 0,
        deopt: 39,
    },
    OpInfo {
        name: "TO_BOOL_LIST",
        caches: 3,
        flags: 0,
        deopt: 39,
    },
    OpInfo {
        name: "TO_BOOL_NONE",
        caches: 3,
        flags: 0,
        deopt: 39,
    },
    OpInfo {
        name: "TO_BOOL_STR",
        caches: 3,
        flags: 0,
        deopt: 39,
    },
    OpInfo {
        name: "UNPACK_SEQUENCE_LIST",
        caches: 1,
        flags: 0,
        deopt: 119,
    },
    OpInfo {
        name: "UNPACK_SEQUENCE_TUPLE",
        caches: 1,
        flags: 0,
        deopt: 119,
    },
    OpInfo {
        name: "UNPACK_SEQUENCE_TWO_TUPLE",
        caches: 1,
        flags: 0,
        deopt: 119,
    },
    OpInfo {
        name: "<212>",
        caches: 0,
        flags: 0,
        deopt: 212,
    },
    OpInfo {
        name: "<213>",
        caches: 0,
        flags: 0,
        deopt: 213,
    },
    OpInfo {
        name: "<214>",
        caches: 0,
        flags: 0,
        deopt: 214,
    },
    OpInfo {
        name: "<215>",
        caches: 0,
        flags: 0,
        deopt: 215,
    },
    OpInfo {
        name: "<216>",
        caches: 0,
        flags: 0,
        deopt: 216,
    },
    OpInfo {
        name: "<217>",
        caches: 0,
        flags: 0,
        deopt: 217,
    },
    OpInfo {
        name: "<218>",
        caches: 0,
        flags: 0,
        deopt: 218,
    },
    OpInfo {
        name: "<219>",
        caches: 0,
        flags: 0,
        deopt: 219,
    },
    OpInfo {
        name: "<220>",
        caches: 0,
        flags: 0,
        deopt: 220,
    },
    OpInfo {
        name: "<221>",
        caches: 0,
        flags: 0,
        deopt: 221,
    },
    OpInfo {
        name: "<222>",
        caches: 0,
        flags: 0,
        deopt: 222,
    },
    OpInfo {
        name: "<223>",
        caches: 0,
        flags: 0,
        deopt: 223,
    },
    OpInfo {
        name: "<224>",
        caches: 0,
        flags: 0,
        deopt: 224,
    },
    OpInfo {
        name: "<225>",
        caches: 0,
        flags: 0,
        deopt: 225,
    },
    OpInfo {
        name: "<226>",
        caches: 0,
        flags: 0,
        deopt: 226,
    },
    OpInfo {
        name: "<227>",
        caches: 0,
        flags: 0,
        deopt: 227,
    },
    OpInfo {
        name: "<228>",
        caches: 0,
        flags: 0,
        deopt: 228,
    },
    OpInfo {
        name: "<229>",
        caches: 0,
        flags: 0,
        deopt: 229,
    },
    OpInfo {
        name: "<230>",
        caches: 0,
        flags: 0,
        deopt: 230,
    },
    OpInfo {
        name: "<231>",
        caches: 0,
        flags: 0,
        deopt: 231,
    },
    OpInfo {
        name: "<232>",
        caches: 0,
        flags: 0,
        deopt: 232,
    },
    OpInfo {
        name: "<233>",
        caches: 0,
        flags: 0,
        deopt: 233,
    },
    OpInfo {
        name: "INSTRUMENTED_END_FOR",
        caches: 0,
        flags: 0,
        deopt: 234,
    },
    OpInfo {
        name: "INSTRUMENTED_POP_ITER",
        caches: 0,
        flags: 0,
        deopt: 235,
    },
    OpInfo {
        name: "INSTRUMENTED_END_SEND",
        caches: 0,
        flags: 0,
        deopt: 236,
    },
    OpInfo {
        name: "INSTRUMENTED_FOR_ITER",
        caches: 0,
        flags: HAS_ARG | HAS_JUMP,
        deopt: 237,
    },
    OpInfo {
        name: "INSTRUMENTED_INSTRUCTION",
        caches: 0,
        flags: 0,
        deopt: 238,
    },
    OpInfo {
        name: "INSTRUMENTED_JUMP_FORWARD",
        caches: 0,
        flags: HAS_ARG,
        deopt: 239,
    },
    OpInfo {
        name: "INSTRUMENTED_NOT_TAKEN",
        caches: 0,
        flags: 0,
        deopt: 240,
    },
    OpInfo {
        name: "INSTRUMENTED_POP_JUMP_IF_TRUE",
        caches: 0,
        flags: HAS_ARG,
        deopt: 241,
    },
    OpInfo {
        name: "INSTRUMENTED_POP_JUMP_IF_FALSE",
        caches: 0,
        flags: HAS_ARG,
        deopt: 242,
    },
    OpInfo {
        name: "INSTRUMENTED_POP_JUMP_IF_NONE",
        caches: 0,
        flags: HAS_ARG,
        deopt: 243,
    },
    OpInfo {
        name: "INSTRUMENTED_POP_JUMP_IF_NOT_NONE",
        caches: 0,
        flags: HAS_ARG,
        deopt: 244,
    },
    OpInfo {
        name: "INSTRUMENTED_RESUME",
        caches: 0,
        flags: HAS_ARG,
        deopt: 245,
    },
    OpInfo {
        name: "INSTRUMENTED_RETURN_VALUE",
        caches: 0,
        flags: 0,
        deopt: 246,
    },
    OpInfo {
        name: "INSTRUMENTED_YIELD_VALUE",
        caches: 0,
        flags: HAS_ARG,
        deopt: 247,
    },
    OpInfo {
        name: "INSTRUMENTED_END_ASYNC_FOR",
        caches: 0,
        flags: HAS_ARG | HAS_JUMP,
        deopt: 248,
    },
    OpInfo {
        name: "INSTRUMENTED_LOAD_SUPER_ATTR",
        caches: 0,
        flags: HAS_ARG | HAS_NAME,
        deopt: 249,
    },
    OpInfo {
        name: "INSTRUMENTED_CALL",
        caches: 0,
        flags: HAS_ARG,
        deopt: 250,
    },
    OpInfo {
        name: "INSTRUMENTED_CALL_KW",
        caches: 0,
        flags: HAS_ARG,
        deopt: 251,
    },
    OpInfo {
        name: "INSTRUMENTED_CALL_FUNCTION_EX",
        caches: 0,
        flags: 0,
        deopt: 252,
    },
    OpInfo {
        name: "INSTRUMENTED_JUMP_BACKWARD",
        caches: 0,
        flags: HAS_ARG,
        deopt: 253,
    },
    OpInfo {
        name: "INSTRUMENTED_LINE",
        caches: 0,
        flags: 0,
        deopt: 254,
    },
    OpInfo {
        name: "ENTER_EXECUTOR",
        caches: 0,
        flags: HAS_ARG,
        deopt: 255,
    },
];

/// The row for `op`.
pub fn info(op: u8) -> &'static OpInfo {
    &TABLE[usize::from(op)]
}

/// `dis.opname[op]`.
pub fn name(op: u8) -> &'static str {
    info(op).name
}

/// Inline CACHE units after `op`.
pub fn cache_count(op: u8) -> usize {
    usize::from(info(op).caches)
}

/// Whether `op` reads its argument byte.
pub fn has_arg(op: u8) -> bool {
    info(op).flags & HAS_ARG != 0
}

/// Whether `op` is a jump whose argument counts code units backwards.
pub fn is_backward_jump(op: u8) -> bool {
    matches!(
        info(op).deopt,
        JUMP_BACKWARD | JUMP_BACKWARD_NO_INTERRUPT | END_ASYNC_FOR
    )
}

/// The opcode number for a name, if CPython 3.14 has it.
pub fn by_name(name: &str) -> Option<u8> {
    TABLE
        .iter()
        .position(|row| row.name == name)
        .and_then(|op| u8::try_from(op).ok())
}

/// `opcode.cmp_op`: `COMPARE_OP`'s operator, from `arg >> 5`.
pub const CMP_OP: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];

/// `BINARY_OP` argument → `(name, symbol)`, `opcode._nb_ops`.
pub const NB_OPS: [(&str, &str); 27] = [
    ("NB_ADD", "+"),
    ("NB_AND", "&"),
    ("NB_FLOOR_DIVIDE", "//"),
    ("NB_LSHIFT", "<<"),
    ("NB_MATRIX_MULTIPLY", "@"),
    ("NB_MULTIPLY", "*"),
    ("NB_REMAINDER", "%"),
    ("NB_OR", "|"),
    ("NB_POWER", "**"),
    ("NB_RSHIFT", ">>"),
    ("NB_SUBTRACT", "-"),
    ("NB_TRUE_DIVIDE", "/"),
    ("NB_XOR", "^"),
    ("NB_INPLACE_ADD", "+="),
    ("NB_INPLACE_AND", "&="),
    ("NB_INPLACE_FLOOR_DIVIDE", "//="),
    ("NB_INPLACE_LSHIFT", "<<="),
    ("NB_INPLACE_MATRIX_MULTIPLY", "@="),
    ("NB_INPLACE_MULTIPLY", "*="),
    ("NB_INPLACE_REMAINDER", "%="),
    ("NB_INPLACE_OR", "|="),
    ("NB_INPLACE_POWER", "**="),
    ("NB_INPLACE_RSHIFT", ">>="),
    ("NB_INPLACE_SUBTRACT", "-="),
    ("NB_INPLACE_TRUE_DIVIDE", "/="),
    ("NB_INPLACE_XOR", "^="),
    ("NB_SUBSCR", "[]"),
];

/// `CALL_INTRINSIC_1` argument names, `opcode._intrinsic_1_descs`.
pub const INTRINSIC_1: [&str; 12] = [
    "INTRINSIC_1_INVALID",
    "INTRINSIC_PRINT",
    "INTRINSIC_IMPORT_STAR",
    "INTRINSIC_STOPITERATION_ERROR",
    "INTRINSIC_ASYNC_GEN_WRAP",
    "INTRINSIC_UNARY_POSITIVE",
    "INTRINSIC_LIST_TO_TUPLE",
    "INTRINSIC_TYPEVAR",
    "INTRINSIC_PARAMSPEC",
    "INTRINSIC_TYPEVARTUPLE",
    "INTRINSIC_SUBSCRIPT_GENERIC",
    "INTRINSIC_TYPEALIAS",
];

/// `CALL_INTRINSIC_2` argument names, `opcode._intrinsic_2_descs`.
pub const INTRINSIC_2: [&str; 6] = [
    "INTRINSIC_2_INVALID",
    "INTRINSIC_PREP_RERAISE_STAR",
    "INTRINSIC_TYPEVAR_WITH_BOUND",
    "INTRINSIC_TYPEVAR_WITH_CONSTRAINTS",
    "INTRINSIC_SET_FUNCTION_TYPE_PARAMS",
    "INTRINSIC_SET_TYPEPARAM_DEFAULT",
];

/// `LOAD_SPECIAL` argument names, `opcode._special_method_names`.
pub const SPECIAL_METHODS: [&str; 4] = ["__enter__", "__exit__", "__aenter__", "__aexit__"];

/// `LOAD_COMMON_CONSTANT` argument → what `dis` shows (`opcode._common_constants`:
/// classes by name, builtin functions by repr).
pub const COMMON_CONSTANTS: [&str; 5] = [
    "AssertionError",
    "NotImplementedError",
    "tuple",
    "<built-in function all>",
    "<built-in function any>",
];

/// `SET_FUNCTION_ATTRIBUTE` flag bits, lowest first (`dis.FUNCTION_ATTR_FLAGS`).
pub const FUNCTION_ATTR_FLAGS: [&str; 5] = [
    "defaults",
    "kwdefaults",
    "annotations",
    "closure",
    "annotate",
];

/// `CONVERT_VALUE` argument names.
pub const CONVERSIONS: [&str; 4] = ["", "str", "repr", "ascii"];
