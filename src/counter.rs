//! A count of calls that stops at a limit: the look-ups that switch to a faster automaton once a
//! run has read enough text to pay for building it.

use std::sync::atomic::{AtomicUsize, Ordering};

/// Counts calls until `limit` is reached. Past it, a call only reads the count: workers on
/// several cores would otherwise write one cache line on every sentence and wait for each other.
#[derive(Default)]
pub struct CallCount(AtomicUsize);

impl CallCount {
    pub const fn new() -> CallCount {
        CallCount(AtomicUsize::new(0))
    }

    /// Whether fewer than `limit` calls came before this one.
    pub fn below(&self, limit: usize) -> bool {
        self.0.load(Ordering::Relaxed) < limit && self.0.fetch_add(1, Ordering::Relaxed) < limit
    }
}

#[cfg(test)]
mod tests {
    use super::CallCount;

    #[test]
    fn the_first_calls_are_below_the_limit_and_the_rest_are_not() {
        let count = CallCount::new();
        let answers: Vec<bool> = (0..6).map(|_| count.below(4)).collect();
        assert_eq!(answers, [true, true, true, true, false, false]);
        assert!(!CallCount::new().below(0));
    }
}
