//! A limiter shared by all clones of one client: it reads `X-RateLimit-Remaining` and `-Reset`
//! from every answer and holds new requests back once the window is used up, so that concurrent
//! bulk jobs wait for the reset instead of collecting 429s.
//!
//! The budget is the smallest `Remaining` seen in the current window minus the requests still in
//! flight (some of which the server may already have counted, so it errs low). When it reaches
//! zero while requests are in flight, new requests wait for those answers, which tell the exact
//! count; only when nothing is in flight and nothing remains do they wait for the reset.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use tokio::sync::Notify;

use crate::error::RateLimit;

/// Answers of one window carry resets this close together.
const SAME_WINDOW: Duration = Duration::from_millis(900);
/// The longest wait for an in-flight answer before looking again.
const RECHECK: Duration = Duration::from_millis(50);

#[derive(Debug, Default)]
struct State {
    /// The smallest `Remaining` seen in the current window.
    remaining: Option<u64>,
    /// When the current window ends.
    reset_at: Option<Instant>,
    /// Requests started but not yet answered.
    in_flight: u64,
}

enum Wait {
    /// For an in-flight answer.
    Answer,
    /// For the window to reset.
    Until(Duration),
}

/// The shared pacing state. Never holds its lock across an await.
#[derive(Debug, Default)]
pub(crate) struct Pacer {
    state: Mutex<State>,
    answered: Notify,
}

impl Pacer {
    /// Waits until a request may be started, then counts it as in flight. A reset further away
    /// than `max_wait` is not waited for: the request goes and SendGrid's 429 reaches the caller
    /// with its retry-after.
    pub(crate) async fn acquire(&self, max_wait: Duration) {
        loop {
            let wait = {
                let Ok(mut s) = self.state.lock() else { return };
                let now = Instant::now();
                let wait = match (s.remaining, s.reset_at) {
                    (Some(r), Some(at)) if at > now => {
                        if r > s.in_flight {
                            None
                        } else if s.in_flight > 0 {
                            Some(Wait::Answer)
                        } else if at - now <= max_wait {
                            Some(Wait::Until(at - now))
                        } else {
                            None
                        }
                    }
                    _ => {
                        // No information, or the window is over: go, and learn from the answer.
                        s.remaining = None;
                        s.reset_at = None;
                        None
                    }
                };
                if wait.is_none() {
                    s.in_flight += 1;
                }
                wait
            };
            match wait {
                None => return,
                Some(Wait::Answer) => {
                    let _ = tokio::time::timeout(RECHECK, self.answered.notified()).await;
                }
                // A few ms past the reset, so the server's window has certainly turned over.
                Some(Wait::Until(w)) => {
                    tokio::time::sleep(w + Duration::from_millis(5 + fastrand::u64(0..15))).await
                }
            }
        }
    }

    /// Records an answer's rate-limit headers (`None` when the request failed without one).
    pub(crate) fn release(&self, rl: Option<&RateLimit>) {
        if let Ok(mut s) = self.state.lock() {
            s.in_flight = s.in_flight.saturating_sub(1);
            if let Some((remaining, after)) =
                rl.and_then(|r| Some((r.remaining?, r.reset_after()?)))
            {
                let reset_at = Instant::now() + after;
                match s.reset_at {
                    // Same window: answers can arrive out of order, the smallest count is right.
                    Some(at) if at.max(reset_at) - at.min(reset_at) < SAME_WINDOW => {
                        s.remaining = Some(s.remaining.map_or(remaining, |r| r.min(remaining)));
                    }
                    // A late answer from an earlier window says nothing about this one.
                    Some(at) if reset_at < at => {}
                    _ => {
                        s.remaining = Some(remaining);
                        s.reset_at = Some(reset_at);
                    }
                }
            }
        }
        self.answered.notify_waiters();
    }
}
