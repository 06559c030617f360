//! What the quality evaluations share (tests only): the fixed held-out split and the ratio
//! that precision and recall are made of. One definition, so the partners, stories and
//! entities evaluations split their material the same way, decided before any tuning.

/// The held-out third: the 64-bit FNV-1a hash of `key` (an article's or story's id) is
/// divisible by 3. Held-out material is never looked at while tuning.
pub fn held_out(key: &str) -> bool {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in key.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash.is_multiple_of(3)
}

/// `a / b`, and 1 when there is nothing to count (no prediction, no gold item).
pub fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}
