//! A limiter shared by all clones of one client: it reads `X-RateLimit-Remaining` and `-Reset`
//! from every answer and holds new requests back once the window is used up, so that concurrent
//! bulk jobs wait for the reset instead of collecting 429s.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::error::RateLimit;

#[derive(Debug, Default)]
struct State {
    /// Requests we may still start in the current window (server's count minus what is in flight).
    budget: Option<u64>,
    /// When the current window ends.
    reset_at: Option<Instant>,
    /// Requests started but not yet answered.
    in_flight: u64,
}

/// The shared pacing state. Cheap to consult; never holds its lock across an await.
#[derive(Debug, Default)]
pub(crate) struct Pacer {
    state: Mutex<State>,
}

impl Pacer {
    /// Waits (at most `max_wait`) until a request may be started, then counts it as in flight.
    /// When the window resets later than `max_wait`, the request goes at once and SendGrid's
    /// 429 reaches the caller with its retry-after.
    pub(crate) async fn acquire(&self, max_wait: Duration) {
        loop {
            let wait = {
                let Ok(mut s) = self.state.lock() else { return };
                let now = Instant::now();
                match (s.budget, s.reset_at) {
                    (Some(0), Some(at)) if at > now && at - now <= max_wait => Some(at - now),
                    (Some(b), Some(at)) if at > now => {
                        // b == 0 here means the wait would be too long: go and let SendGrid say 429.
                        s.budget = Some(b.saturating_sub(1));
                        s.in_flight += 1;
                        None
                    }
                    _ => {
                        // No information, or the window is over: go, and learn from the answer.
                        if s.reset_at.is_some_and(|at| at <= now) {
                            s.budget = None;
                            s.reset_at = None;
                        }
                        s.in_flight += 1;
                        None
                    }
                }
            };
            match wait {
                None => return,
                // A few ms past the reset, so the server's window has certainly turned over.
                Some(w) => {
                    tokio::time::sleep(w + Duration::from_millis(5 + fastrand::u64(0..15))).await
                }
            }
        }
    }

    /// Records an answer's rate-limit headers (`None` when the request failed without one).
    pub(crate) fn release(&self, rl: Option<&RateLimit>) {
        let Ok(mut s) = self.state.lock() else { return };
        s.in_flight = s.in_flight.saturating_sub(1);
        let Some(rl) = rl else { return };
        let (Some(remaining), Some(after)) = (rl.remaining, rl.reset_after()) else {
            return;
        };
        let reset_at = Instant::now() + after;
        let budget = remaining.saturating_sub(s.in_flight);
        // Answers of the same window can arrive out of order: keep the smaller budget.
        let same_window = s
            .reset_at
            .is_some_and(|at| at.max(reset_at) - at.min(reset_at) < Duration::from_millis(900));
        s.budget = Some(match (same_window, s.budget) {
            (true, Some(b)) => b.min(budget),
            _ => budget,
        });
        s.reset_at = Some(if same_window {
            s.reset_at.unwrap_or(reset_at)
        } else {
            reset_at
        });
    }
}
