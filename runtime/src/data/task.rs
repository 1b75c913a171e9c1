//! Owned ARC task types: validated grids ([`TaskGrid`]), input/output [`Pair`]s and [`Task`]s.
//!
//! These are what the loaders produce and what the runner feeds to solvers. A [`TaskGrid`] can only be
//! built through [`TaskGrid::new`], which enforces ARC's bounds (1..=30 rows and columns, colours
//! 0..=9), so everything downstream may rely on them.

use std::fmt;

use serde::Serialize;
use thiserror::Error;

/// The largest height or width of a task grid (ARC's bound).
pub const MAX_SIDE: usize = 30;
/// The largest colour of a task grid.
pub const MAX_COLOR: u8 = 9;

/// Why a grid is not a valid task grid.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum GridError {
    #[error("empty grid (0 rows)")]
    NoRows,
    #[error("row {row} is empty")]
    EmptyRow { row: usize },
    #[error("{rows} rows, more than {MAX_SIDE}")]
    TooManyRows { rows: usize },
    #[error("row {row} has length {cols}, more than {MAX_SIDE}")]
    TooManyCols { row: usize, cols: usize },
    #[error("ragged rows: row {row} has length {cols} but row 0 has length {expected}")]
    Ragged { row: usize, cols: usize, expected: usize },
    #[error("row {row}, column {col}: colour {color} is outside 0..={MAX_COLOR}")]
    Color { row: usize, col: usize, color: u8 },
    #[error("{h}x{w} grid needs {} cells, got {got}", h * w)]
    Size { h: usize, w: usize, got: usize },
}

/// A rectangular ARC grid: 1..=30 rows, 1..=30 columns, colours 0..=9, row-major.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct TaskGrid {
    h: u8,
    w: u8,
    cells: Vec<u8>,
}

impl TaskGrid {
    /// Checks the bounds and builds the grid from row-major `cells`.
    pub fn new(h: usize, w: usize, cells: Vec<u8>) -> Result<Self, GridError> {
        if h == 0 {
            return Err(GridError::NoRows);
        }
        if h > MAX_SIDE {
            return Err(GridError::TooManyRows { rows: h });
        }
        if w == 0 {
            return Err(GridError::EmptyRow { row: 0 });
        }
        if w > MAX_SIDE {
            return Err(GridError::TooManyCols { row: 0, cols: w });
        }
        if cells.len() != h * w {
            return Err(GridError::Size { h, w, got: cells.len() });
        }
        if let Some(k) = cells.iter().position(|&c| c > MAX_COLOR) {
            return Err(GridError::Color { row: k / w, col: k % w, color: cells[k] });
        }
        // Both sides are at most 30 here, so they fit in u8.
        Ok(TaskGrid { h: h as u8, w: w as u8, cells })
    }

    /// Builds the grid from rows, reporting ragged rows by index.
    pub fn from_rows<R: AsRef<[u8]>>(rows: &[R]) -> Result<Self, GridError> {
        if rows.len() > MAX_SIDE {
            return Err(GridError::TooManyRows { rows: rows.len() });
        }
        let w = rows.first().map_or(0, |r| r.as_ref().len());
        let mut cells = Vec::with_capacity(rows.len() * w);
        for (row, r) in rows.iter().enumerate() {
            let r = r.as_ref();
            if r.is_empty() {
                return Err(GridError::EmptyRow { row });
            }
            if r.len() > MAX_SIDE {
                return Err(GridError::TooManyCols { row, cols: r.len() });
            }
            if r.len() != w {
                return Err(GridError::Ragged { row, cols: r.len(), expected: w });
            }
            cells.extend_from_slice(r);
        }
        TaskGrid::new(rows.len(), w, cells)
    }

    /// Number of rows.
    pub fn height(&self) -> usize {
        self.h as usize
    }
    /// Number of columns.
    pub fn width(&self) -> usize {
        self.w as usize
    }
    /// The row-major cells.
    pub fn cells(&self) -> &[u8] {
        &self.cells
    }
    /// Row `i` (panics if `i >= height()`, like slice indexing).
    pub fn row(&self, i: usize) -> &[u8] {
        &self.cells[i * self.width()..(i + 1) * self.width()]
    }
    /// The colour at row `i`, column `j`, if inside the grid.
    pub fn get(&self, i: usize, j: usize) -> Option<u8> {
        (i < self.height() && j < self.width()).then(|| self.cells[i * self.width() + j])
    }
    /// The rows as vectors (the JSON shape).
    pub fn to_rows(&self) -> Vec<Vec<u8>> {
        self.cells.chunks(self.width()).map(<[u8]>::to_vec).collect()
    }
}

impl fmt::Debug for TaskGrid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TaskGrid{}x{}{:?}", self.h, self.w, self.to_rows())
    }
}

impl Serialize for TaskGrid {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.cells.chunks(self.width()))
    }
}

/// Whether a pair is a demonstration (`train`) or a test pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PairKind {
    Train,
    Test,
}

impl PairKind {
    /// The JSON key of this kind of pair list.
    pub fn key(self) -> &'static str {
        match self {
            PairKind::Train => "train",
            PairKind::Test => "test",
        }
    }
}

impl fmt::Display for PairKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// One input grid and its expected output. The loaders guarantee `output` is `Some` for every train
/// pair; a test pair's output is `None` when the data has no solutions (Kaggle challenges alone).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pair {
    pub input: TaskGrid,
    pub output: Option<TaskGrid>,
}

/// One ARC task: an id, its demonstration pairs and its test pairs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Task {
    pub id: String,
    pub train: Vec<Pair>,
    pub test: Vec<Pair>,
}

impl Task {
    /// The pairs of one kind.
    pub fn pairs(&self, kind: PairKind) -> &[Pair] {
        match kind {
            PairKind::Train => &self.train,
            PairKind::Test => &self.test,
        }
    }

    /// Every pair, train first then test, with its kind and index within its list.
    pub fn samples(&self) -> impl Iterator<Item = (PairKind, usize, &Pair)> + '_ {
        let train = self.train.iter().enumerate().map(|(k, p)| (PairKind::Train, k, p));
        let test = self.test.iter().enumerate().map(|(k, p)| (PairKind::Test, k, p));
        train.chain(test)
    }

    /// Number of pairs (train + test).
    pub fn sample_count(&self) -> usize {
        self.train.len() + self.test.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_rows_builds_row_major_grid() {
        let g = TaskGrid::from_rows(&[vec![1, 2, 3], vec![4, 5, 6]]).unwrap();
        assert_eq!((g.height(), g.width()), (2, 3));
        assert_eq!(g.cells(), &[1, 2, 3, 4, 5, 6]);
        assert_eq!(g.row(1), &[4, 5, 6]);
        assert_eq!(g.get(1, 2), Some(6));
        assert_eq!(g.get(2, 0), None);
        assert_eq!(g.get(0, 3), None);
        assert_eq!(g.to_rows(), vec![vec![1, 2, 3], vec![4, 5, 6]]);
        assert_eq!(serde_json::to_string(&g).unwrap(), "[[1,2,3],[4,5,6]]");
    }

    #[test]
    fn bounds_are_enforced() {
        assert_eq!(TaskGrid::from_rows::<Vec<u8>>(&[]), Err(GridError::NoRows));
        assert_eq!(TaskGrid::from_rows(&[vec![1], vec![]]), Err(GridError::EmptyRow { row: 1 }));
        assert_eq!(
            TaskGrid::from_rows(&[vec![1, 2], vec![3]]),
            Err(GridError::Ragged { row: 1, cols: 1, expected: 2 })
        );
        assert_eq!(TaskGrid::from_rows(&vec![vec![0u8]; 31]), Err(GridError::TooManyRows { rows: 31 }));
        assert_eq!(TaskGrid::from_rows(&[vec![0u8; 31]]), Err(GridError::TooManyCols { row: 0, cols: 31 }));
        assert_eq!(
            TaskGrid::from_rows(&[vec![0, 1], vec![2, 10]]),
            Err(GridError::Color { row: 1, col: 1, color: 10 })
        );
        assert_eq!(TaskGrid::new(2, 2, vec![0; 3]), Err(GridError::Size { h: 2, w: 2, got: 3 }));
        // The largest legal grid is fine.
        let big = TaskGrid::from_rows(&vec![vec![9u8; 30]; 30]).unwrap();
        assert_eq!(big.cells().len(), 900);
    }

    #[test]
    fn samples_list_train_then_test() {
        let g = TaskGrid::new(1, 1, vec![0]).unwrap();
        let p = Pair { input: g.clone(), output: Some(g) };
        let t = Task { id: "t".into(), train: vec![p.clone(), p.clone()], test: vec![p] };
        let order: Vec<_> = t.samples().map(|(k, i, _)| (k, i)).collect();
        assert_eq!(order, vec![(PairKind::Train, 0), (PairKind::Train, 1), (PairKind::Test, 0)]);
        assert_eq!(t.sample_count(), 3);
        assert_eq!(PairKind::Test.to_string(), "test");
    }
}
