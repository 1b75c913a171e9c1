//! FNV-1a: cache keys, seeds and output digests (not a defence against crafted input).

/// FNV-1a's starting value: [`fnv1a`] from here hashes a byte string.
pub const FNV_OFFSET: u64 = 0xcbf29ce484222325;

/// FNV-1a of `bytes` continued from `h`.
pub fn fnv1a(h: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(h, |h, &b| (h ^ b as u64).wrapping_mul(0x100000001b3))
}

/// FNV-1a over `parts` in order, from the start (cache keys made of several pieces).
pub fn fnv1a_parts(parts: &[&[u8]]) -> u64 {
    parts.iter().fold(FNV_OFFSET, |h, p| fnv1a(h, p))
}
