//! Grids derived from real ones: the eight symmetries and colour permutations that `check` feeds
//! the devices and `bench` scales its workload with.

use super::task::TaskGrid;

/// `g` under one of the 8 symmetries (`sym`: bit 2 transposes, bit 0 flips rows, bit 1 flips
/// columns), then the colour permutation `perm`.
pub fn variant(g: &TaskGrid, sym: u8, perm: &[u8; 10]) -> Option<TaskGrid> {
    let (h, w) = (g.height(), g.width());
    let (oh, ow) = if sym & 4 != 0 { (w, h) } else { (h, w) };
    let mut cells = Vec::with_capacity(h * w);
    for i in 0..oh {
        for j in 0..ow {
            let (mut a, mut b) = if sym & 4 != 0 { (j, i) } else { (i, j) };
            if sym & 1 != 0 {
                a = h - 1 - a;
            }
            if sym & 2 != 0 {
                b = w - 1 - b;
            }
            cells.push(perm[g.cells()[a * w + b] as usize]);
        }
    }
    TaskGrid::new(oh, ow, cells).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_eight_symmetries_are_distinct_and_keep_the_cells() {
        let g = TaskGrid::new(2, 3, vec![1, 2, 3, 4, 5, 6]).unwrap();
        let id: [u8; 10] = std::array::from_fn(|k| k as u8);
        let all: Vec<TaskGrid> = (0..8).map(|s| variant(&g, s, &id).unwrap()).collect();
        for (a, x) in all.iter().enumerate() {
            let mut sorted = x.cells().to_vec();
            sorted.sort();
            assert_eq!(sorted, [1, 2, 3, 4, 5, 6]);
            for y in &all[a + 1..] {
                assert_ne!(x, y, "symmetries must differ on an asymmetric grid");
            }
        }
        assert_eq!(all[4].height(), 3, "transposes swap height and width");
    }

    #[test]
    fn colour_permutations_apply_to_every_cell() {
        let g = TaskGrid::new(1, 3, vec![0, 1, 2]).unwrap();
        let perm = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0];
        assert_eq!(variant(&g, 0, &perm).unwrap().cells(), [9, 8, 7]);
    }
}
