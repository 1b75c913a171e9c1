//! Scheduling: the jobs grouped by solver into batches (a group is one GPU launch), ordered by
//! estimated work, and the [`Board`] the devices share while they run: the GPUs take groups from the
//! big end of the queue, the CPU worker from the small end, so they meet in the middle and neither
//! idles while the other has a backlog. Under `--device auto` the [`CostModel`](super::cost) decides
//! which side a group is worth.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicUsize};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

use super::accelerator::Accelerator;
use super::device::{Device, DeviceChoice};
use super::job::{ExecOptions, Job};
use super::runnable::Runnable;
use super::sample::OutGrid;
use crate::data::task::TaskGrid;

/// The smallest wave [`Board::take_wave_for_gpu`] makes when it shares the queue out among the GPU
/// workers (a device's full wave is far bigger; a run smaller than this goes to one worker).
const MIN_SHARED_WAVE: usize = 256;

/// How many samples a GPU worker's next wave takes: what is queued, shared out among the `workers`
/// GPU workers so each issues and decodes its part at once, rather than one worker taking it all
/// while the others idle (eval: 400 kernels issued by one thread in 3.5-4.8 ms); never more than
/// the device's wave (`samples`), nor less than [`MIN_SHARED_WAVE`] unless that is all there is.
fn wave_room(samples: usize, queued: usize, workers: usize) -> usize {
    samples.min(queued.div_ceil(workers.max(1)).max(MIN_SHARED_WAVE)).max(1)
}

/// A batch: one solver's jobs (indices into the job list) and their input cells.
pub(crate) struct Group {
    pub solver: usize,
    pub jobs: Vec<usize>,
    pub cells: usize,
}

impl Group {
    /// Moves `taken` (jobs just split off this group's list) into a group of their own, with
    /// their share of the cells (pro rata: the queue keeps only the sum per group).
    fn carve(&mut self, taken: Vec<usize>) -> Group {
        let cells = self.cells * taken.len() / (taken.len() + self.jobs.len());
        self.cells -= cells;
        Group { solver: self.solver, jobs: taken, cells }
    }
}

/// The jobs grouped by solver, biggest estimated work first.
pub(crate) fn groups(solvers: &[Runnable], inputs: &[&TaskGrid], jobs: &[Job]) -> Vec<Group> {
    let mut by_solver: Vec<Vec<usize>> = vec![Vec::new(); solvers.len()];
    for (k, j) in jobs.iter().enumerate() {
        by_solver[j.solver as usize].push(k);
    }
    let cells_of = |k: usize| {
        let g = inputs[jobs[k].input as usize];
        g.height() * g.width()
    };
    let mut groups: Vec<Group> = by_solver
        .into_iter()
        .enumerate()
        .filter(|(_, js)| !js.is_empty())
        .map(|(solver, jobs)| Group { solver, cells: jobs.iter().map(|&k| cells_of(k)).sum(), jobs })
        .collect();
    groups.sort_by(|a, b| {
        b.cells.cmp(&a.cells).then(b.jobs.len().cmp(&a.jobs.len())).then(a.solver.cmp(&b.solver))
    });
    groups
}

/// Whether the cost model sends `g` to a GPU.
pub(crate) fn prefers_gpu(g: &Group, solvers: &[Runnable], opts: &ExecOptions, threads: usize) -> bool {
    opts.cost.prefers_gpu(solvers[g.solver].task, g.jobs.len(), g.cells, threads)
}

/// Whether any GPU is worth opening: under auto, GPUs that no batch is worth (a single task's few
/// samples, a cheap solver) are not even given the inputs, since opening them and starting their
/// workers would cost more than the work.
pub(crate) fn gpu_pays(groups: &[Group], solvers: &[Runnable], opts: &ExecOptions, threads: usize) -> bool {
    opts.device != DeviceChoice::Auto || groups.iter().any(|g| prefers_gpu(g, solvers, opts, threads))
}

/// The groups some usable GPU has a kernel for, and those no GPU can run (the CPU's whatever the
/// queue says).
pub(crate) fn split_by_kernel(
    groups: Vec<Group>,
    solvers: &[Runnable],
    usable: &[&dyn Accelerator],
) -> (Vec<Group>, Vec<Group>) {
    groups.into_iter().partition(|g| usable.iter().any(|a| runs_on(*a, &solvers[g.solver])))
}

/// Whether `accel` has a kernel for `r` (a run-time program has one once compiled for it).
pub(crate) fn runs_on(accel: &dyn Accelerator, r: &Runnable) -> bool {
    r.cuda_kernel.is_some_and(|k| accel.has_kernel(k))
}

/// An output and the device that produced it.
pub(crate) type Output = (Result<OutGrid, String>, Device);

/// What the devices share during a run.
pub(crate) struct Board {
    /// The groups a GPU can run, biggest first.
    pub queue: Mutex<VecDeque<Group>>,
    /// Per job, its output once some device produced it.
    pub outputs: Vec<Mutex<Option<Output>>>,
    /// Jobs a GPU gave back, with why, for the CPU to redo.
    pub redo: Mutex<Vec<(usize, String)>>,
    /// Per job, whether its output is a verdict (the GPU's or the typed CPU path's).
    pub verdict: Vec<AtomicBool>,
    /// Every GPU batch: solver index, samples, milliseconds.
    pub gpu_batches: Mutex<Vec<(usize, usize, f64)>>,
    /// Busy time summed over GPU workers.
    pub gpu_busy: Mutex<Duration>,
    /// Waves in flight, since when some was, and the time with at least one in flight so far.
    pub gpu_active: Mutex<(usize, Option<Instant>, Duration)>,
    /// The first whole-batch GPU failure, if any.
    pub fatal: Mutex<Option<String>>,
    /// GPU workers still taking batches.
    pub gpu_workers: AtomicUsize,
    /// Set when the CPU worker has something new to look at (samples given back, a GPU worker
    /// gone), so it waits for that instead of polling: a 100-us poll's wake-up was most of a tiny
    /// run's time after its one wave.
    cpu_news: (Mutex<bool>, Condvar),
}

impl Board {
    pub fn new(queue: Vec<Group>, jobs: usize, gpu_workers: usize) -> Board {
        Board {
            queue: Mutex::new(VecDeque::from(queue)),
            outputs: (0..jobs).map(|_| Mutex::new(None)).collect(),
            redo: Mutex::new(Vec::new()),
            verdict: (0..jobs).map(|_| AtomicBool::new(false)).collect(),
            gpu_batches: Mutex::new(Vec::new()),
            gpu_busy: Mutex::new(Duration::ZERO),
            gpu_active: Mutex::new((0, None, Duration::ZERO)),
            fatal: Mutex::new(None),
            gpu_workers: AtomicUsize::new(gpu_workers),
            cpu_news: (Mutex::new(false), Condvar::new()),
        }
    }

    /// Tells the CPU worker to look at the board again.
    pub fn wake_cpu(&self) {
        *self.cpu_news.0.lock().unwrap() = true;
        self.cpu_news.1.notify_one();
    }

    /// Waits until [`Board::wake_cpu`] was called since the last wait, or `timeout` passed.
    pub fn wait_for_cpu_news(&self, timeout: Duration) {
        let news = self.cpu_news.0.lock().unwrap();
        let (mut news, _) = self.cpu_news.1.wait_timeout_while(news, timeout, |n| !*n).unwrap();
        *news = false;
    }

    /// A GPU worker stops taking waves.
    pub fn gpu_worker_done(&self) {
        self.gpu_workers.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
        self.wake_cpu();
    }

    pub fn set(&self, k: usize, output: Result<OutGrid, String>, device: Device) {
        *self.outputs[k].lock().unwrap() = Some((output, device));
    }

    /// A GPU wave starts: the GPUs count as active from now until no wave is in flight.
    pub fn wave_started(&self) {
        let mut a = self.gpu_active.lock().unwrap();
        if a.0 == 0 {
            a.1 = Some(Instant::now());
        }
        a.0 += 1;
    }

    /// A GPU wave ended.
    pub fn wave_ended(&self) {
        let mut a = self.gpu_active.lock().unwrap();
        a.0 -= 1;
        if a.0 == 0 {
            if let Some(since) = a.1.take() {
                a.2 += since.elapsed();
            }
        }
    }

    /// Records `why` as the run's GPU failure unless one came first.
    pub fn fail(&self, why: String) {
        let mut f = self.fatal.lock().unwrap();
        if f.is_none() {
            *f = Some(why);
        }
    }

    /// A wave for `accel`: from the big end of the queue, the groups it can run and, under auto,
    /// would run faster than the CPU (solvers differ in cost, so a smaller one further on may still
    /// be), up to `samples` jobs in all; a group bigger than what is left of the wave is split and
    /// its rest stays at the front. Empty: the rest is the CPU's.
    pub fn take_wave_for_gpu(
        &self,
        accel: &dyn Accelerator,
        samples: usize,
        solvers: &[Runnable],
        opts: &ExecOptions,
        threads: usize,
    ) -> Vec<Group> {
        let auto = opts.device == DeviceChoice::Auto;
        let mut q = self.queue.lock().unwrap();
        let mut wave = Vec::new();
        let workers = self.gpu_workers.load(std::sync::atomic::Ordering::SeqCst);
        let mut room = wave_room(samples, q.iter().map(|g| g.jobs.len()).sum(), workers);
        let mut k = 0;
        while room > 0 && k < q.len() {
            let g = &q[k];
            if !runs_on(accel, &solvers[g.solver]) || (auto && !prefers_gpu(g, solvers, opts, threads)) {
                k += 1;
                continue;
            }
            if g.jobs.len() <= room {
                let g = q.remove(k).unwrap();
                room -= g.jobs.len();
                wave.push(g);
            } else {
                let g = &mut q[k];
                let rest = g.jobs.split_off(room);
                let taken = std::mem::replace(&mut g.jobs, rest);
                wave.push(g.carve(taken));
                room = 0;
            }
        }
        wave
    }

    /// Moves jobs from the small end of the queue into `pending` for the CPU worker: up to
    /// `batch_target` while GPUs still take work, and of a batch the GPUs do better only one at a
    /// time and at most `batch_target` of its jobs (shared, not hoarded); with no GPU taking work,
    /// everything left, in one parallel run rather than rounds that each wait for their slowest
    /// sample.
    pub fn take_for_cpu(
        &self,
        pending: &mut Vec<usize>,
        batch_target: usize,
        solvers: &[Runnable],
        opts: &ExecOptions,
        threads: usize,
    ) {
        let gpus_busy = self.gpu_workers.load(std::sync::atomic::Ordering::SeqCst) > 0;
        let mut q = self.queue.lock().unwrap();
        while !gpus_busy || pending.len() < batch_target {
            let Some(g) = q.back_mut() else { break };
            let theirs = gpus_busy && prefers_gpu(g, solvers, opts, threads);
            if theirs && !pending.is_empty() {
                break;
            }
            if theirs && g.jobs.len() > batch_target {
                // Only a CPU batch's share of a big batch the GPUs do better: taken whole, the
                // CPU worker (first at the queue) ran a 10^5-sample run alone at 16 threads' speed.
                let tail = g.jobs.split_off(g.jobs.len() - batch_target);
                pending.extend(g.carve(tail).jobs);
                break;
            }
            pending.extend(q.pop_back().unwrap().jobs);
            if theirs {
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cpu_worker_is_woken_by_news_and_news_before_its_wait_is_not_lost() {
        let board = Board::new(Vec::new(), 0, 1);
        // news given before the wait: the wait returns at once, however long its timeout
        board.wake_cpu();
        let t = Instant::now();
        board.wait_for_cpu_news(Duration::from_secs(30));
        assert!(t.elapsed() < Duration::from_secs(10), "news before the wait was lost");
        // news from another thread while waiting (a GPU worker's end)
        std::thread::scope(|s| {
            s.spawn(|| {
                std::thread::sleep(Duration::from_millis(20));
                board.gpu_worker_done();
            });
            let t = Instant::now();
            board.wait_for_cpu_news(Duration::from_secs(30));
            assert!(t.elapsed() < Duration::from_secs(10), "the wake-up did not arrive");
        });
        assert_eq!(board.gpu_workers.load(std::sync::atomic::Ordering::SeqCst), 0);
        // the news was taken: with none, the wait lasts its timeout
        let t = Instant::now();
        board.wait_for_cpu_news(Duration::from_millis(30));
        assert!(t.elapsed() >= Duration::from_millis(30));
    }

    #[test]
    fn the_cpu_takes_only_a_batch_of_a_big_group_the_gpus_do_better_and_all_of_a_small_one() {
        let solver = solvers::get("67a3c6ac").expect("registered");
        let runnables = [Runnable::compiled(solver, super::super::typed_cpu::TypedCpu::Off)];
        let gpu_always = super::super::cost::CostModel {
            gpu_us_per_batch: 0.0,
            gpu_us_per_sample: 0.0,
            gpu_us_per_cell: 0.0,
            ..Default::default()
        };
        let opts = ExecOptions { device: DeviceChoice::Auto, cost: gpu_always, ..ExecOptions::default() };
        let big = Group { solver: 0, jobs: (0..1000).collect(), cells: 9000 };
        let board = Board::new(vec![big], 1000, 1);
        let mut pending = Vec::new();
        board.take_for_cpu(&mut pending, 256, &runnables, &opts, 16);
        assert_eq!(pending, (744..1000).collect::<Vec<_>>(), "the tail's 256 jobs");
        let q = board.queue.lock().unwrap();
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].jobs, (0..744).collect::<Vec<_>>(), "the rest stays for the GPUs");
        assert_eq!(q[0].cells, 9000 - 9000 * 256 / 1000);
        drop(q);
        // a group no bigger than a CPU batch is taken whole
        let small = Group { solver: 0, jobs: (0..100).collect(), cells: 900 };
        let board = Board::new(vec![small], 100, 1);
        let mut pending = Vec::new();
        board.take_for_cpu(&mut pending, 256, &runnables, &opts, 16);
        assert_eq!(pending.len(), 100);
        assert!(board.queue.lock().unwrap().is_empty());
    }

    #[test]
    fn a_small_run_is_shared_among_the_gpu_workers_and_a_big_one_fills_whole_waves() {
        // eval's 1,718 samples over three workers: three waves of about 573, not one of 1,718
        assert_eq!(wave_room(16384, 1718, 3), 573);
        // a big run: the device's whole wave
        assert_eq!(wave_room(16384, 687_200, 3), 16384);
        // a tiny run is not cut into waves smaller than MIN_SHARED_WAVE
        assert_eq!(wave_room(16384, 300, 3), MIN_SHARED_WAVE);
        assert_eq!(wave_room(16384, 60, 2), MIN_SHARED_WAVE);
        // nor past the device's wave, with or without workers counted
        assert_eq!(wave_room(100, 60, 0), 100);
        assert_eq!(wave_room(0, 0, 0), 1);
    }
}
