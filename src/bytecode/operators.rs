//! `BINARY_OP`'s and `COMPARE_OP`'s arguments, named: the interpreter
//! matches on these, never on raw numbers. Their numbering is CPython's
//! (`NB_*` in `opcode.h`, `opcode.cmp_op`); the tests check it against the
//! generated tables `NB_OPS` and `CMP_OP`.

use super::opcodes::{CMP_OP, NB_OPS};

/// Declares [`BinaryOp`] and its `ALL` table from one list of names.
macro_rules! binary_ops {
    ($($name:ident),* $(,)?) => {
        /// `BINARY_OP`'s argument (`NB_*` in CPython's `opcode.h`), in its order.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum BinaryOp {
            $($name),*
        }

        impl BinaryOp {
            /// Every operator, by argument.
            pub const ALL: [BinaryOp; [$(BinaryOp::$name),*].len()] = [$(BinaryOp::$name),*];
        }
    };
}

binary_ops![
    Add,
    And,
    FloorDivide,
    Lshift,
    MatrixMultiply,
    Multiply,
    Remainder,
    Or,
    Power,
    Rshift,
    Subtract,
    TrueDivide,
    Xor,
    InplaceAdd,
    InplaceAnd,
    InplaceFloorDivide,
    InplaceLshift,
    InplaceMatrixMultiply,
    InplaceMultiply,
    InplaceRemainder,
    InplaceOr,
    InplacePower,
    InplaceRshift,
    InplaceSubtract,
    InplaceTrueDivide,
    InplaceXor,
    Subscr,
];

impl BinaryOp {
    /// How many in-place operators follow the plain ones.
    const INPLACE_OFFSET: u8 = 13;

    /// The operator of a `BINARY_OP` argument.
    pub fn from_arg(arg: u32) -> Option<BinaryOp> {
        Self::ALL.get(arg as usize).copied()
    }

    /// Its `BINARY_OP` argument.
    pub fn arg(self) -> u32 {
        self as u32
    }

    /// Its symbol as CPython's messages show it (`+`, `+=`, `[]`).
    pub fn symbol(self) -> &'static str {
        NB_OPS[self as usize].1
    }

    /// `a += b` and friends.
    pub fn is_inplace(self) -> bool {
        (Self::INPLACE_OFFSET..BinaryOp::Subscr as u8).contains(&(self as u8))
    }

    /// The plain operator of an in-place one (`+=` → `+`); others unchanged.
    pub fn base(self) -> BinaryOp {
        if self.is_inplace() {
            Self::ALL[(self as u8 - Self::INPLACE_OFFSET) as usize]
        } else {
            self
        }
    }

    /// The in-place form of a plain operator (`+` → `+=`); others unchanged.
    pub fn inplace(self) -> BinaryOp {
        if (self as u8) < Self::INPLACE_OFFSET {
            Self::ALL[(self as u8 + Self::INPLACE_OFFSET) as usize]
        } else {
            self
        }
    }
}

/// `COMPARE_OP`'s operator (`opcode.cmp_op`, the argument shifted right by 5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum CompareOp {
    Lt = 0,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CompareOp {
    /// Every operator, in `cmp_op` order.
    pub const ALL: [CompareOp; 6] = [
        CompareOp::Lt,
        CompareOp::Le,
        CompareOp::Eq,
        CompareOp::Ne,
        CompareOp::Gt,
        CompareOp::Ge,
    ];

    /// The operator of a `COMPARE_OP` argument (`oparg >> 5`).
    pub fn from_arg(arg: u32) -> Option<CompareOp> {
        Self::ALL.get((arg >> 5) as usize).copied()
    }

    /// `COMPARE_OP` makes its result a bool (`oparg & 16`).
    pub fn coerces_to_bool(arg: u32) -> bool {
        arg & 16 != 0
    }

    /// Its symbol (`<`, `==`, …).
    pub fn symbol(self) -> &'static str {
        CMP_OP[self as usize]
    }

    /// The operator with its operands swapped (`a < b` is `b > a`): the
    /// reflected method CPython tries second.
    pub fn swapped(self) -> CompareOp {
        match self {
            CompareOp::Lt => CompareOp::Gt,
            CompareOp::Le => CompareOp::Ge,
            CompareOp::Eq => CompareOp::Eq,
            CompareOp::Ne => CompareOp::Ne,
            CompareOp::Gt => CompareOp::Lt,
            CompareOp::Ge => CompareOp::Le,
        }
    }

    /// Whether an ordering satisfies the operator (`None`: unordered, as a
    /// NaN is: only `!=` holds).
    pub fn holds(self, ordering: Option<std::cmp::Ordering>) -> bool {
        use std::cmp::Ordering::{Equal, Greater, Less};
        match self {
            CompareOp::Lt => ordering == Some(Less),
            CompareOp::Le => matches!(ordering, Some(Less | Equal)),
            CompareOp::Eq => ordering == Some(Equal),
            CompareOp::Ne => ordering != Some(Equal),
            CompareOp::Gt => ordering == Some(Greater),
            CompareOp::Ge => matches!(ordering, Some(Greater | Equal)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_ops_follow_cpython_numbering() {
        for (arg, op) in BinaryOp::ALL.iter().enumerate() {
            assert_eq!(op.arg() as usize, arg);
            let (name, symbol) = NB_OPS[arg];
            assert_eq!(op.symbol(), symbol);
            // `NB_INPLACE_ADD` ↔ `InplaceAdd`.
            let camel: String = name
                .trim_start_matches("NB_")
                .split('_')
                .map(|word| word[..1].to_owned() + &word[1..].to_lowercase())
                .collect();
            assert_eq!(format!("{op:?}"), camel);
            assert_eq!(op.is_inplace(), name.starts_with("NB_INPLACE_"));
            if op.is_inplace() {
                assert_eq!(format!("{}=", op.base().symbol()), symbol);
                assert_eq!(op.base().inplace(), *op);
            }
        }
        assert_eq!(BinaryOp::from_arg(27), None);
    }

    #[test]
    fn compare_ops_follow_cmp_op() {
        for (index, op) in CompareOp::ALL.iter().enumerate() {
            assert_eq!(op.symbol(), CMP_OP[index]);
            assert_eq!(CompareOp::from_arg((index as u32) << 5 | 16), Some(*op));
            assert_eq!(op.swapped().swapped(), *op);
        }
        assert!(CompareOp::coerces_to_bool(2 << 5 | 16));
        assert_eq!(CompareOp::from_arg(6 << 5), None);
    }
}
