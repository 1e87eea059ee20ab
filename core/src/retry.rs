//! When and how long to wait before trying a failed request again: the policy and the one
//! decision function every request goes through (a pure function, tested without HTTP).

use std::time::Duration;

use backon::{BackoffBuilder, ExponentialBuilder};

/// How failed requests are retried. On by default; [`RetryPolicy::none`] turns retries off.
///
/// - 429: wait for `Retry-After` or `X-RateLimit-Reset` plus a little jitter, any method. A
///   reset further away than `max_rate_limit_wait` is not retried: the error returns at once
///   with its `retry_after`. A reset already past is retried with backoff.
/// - 5xx, 408, timeouts, broken connections: exponential backoff with jitter, only for
///   idempotent requests. GET, PUT and DELETE are idempotent, POST never is, PATCH is except
///   where it adds or consumes (`credits.adjust_remaining`, `scopes.approve_access_request`).
/// - Any method is retried when the connection was never made (the request was not sent).
/// - A DELETE retried after an answer that may have been lost, which then meets 404, has
///   succeeded: the first attempt deleted it.
/// - A body over the size cap is never retried: the answer would be the same.
#[derive(Debug, Clone, PartialEq)]
pub struct RetryPolicy {
    /// Attempts in total, the first included (1 = no retry).
    pub max_attempts: u32,
    /// The most time spent waiting between attempts, summed over one call.
    pub max_total_wait: Duration,
    /// The first backoff delay for 5xx / timeouts / connection errors.
    pub initial_backoff: Duration,
    /// The largest single backoff delay (jitter included).
    pub max_backoff: Duration,
    /// The longest single wait for a rate-limit reset.
    pub max_rate_limit_wait: Duration,
}

/// Retries after the first attempt unless configured (429, 5xx, timeouts, broken connections).
pub const DEFAULT_MAX_RETRIES: u32 = 4;

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: DEFAULT_MAX_RETRIES + 1,
            max_total_wait: Duration::from_secs(120),
            initial_backoff: Duration::from_millis(200),
            max_backoff: Duration::from_secs(10),
            max_rate_limit_wait: Duration::from_secs(60),
        }
    }
}

impl RetryPolicy {
    /// Never retry: every failure is returned after the first attempt.
    pub fn none() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        }
    }

    /// The default policy with `retries` retries after the first attempt.
    pub fn with_max_retries(retries: u32) -> Self {
        RetryPolicy {
            max_attempts: retries.saturating_add(1),
            ..RetryPolicy::default()
        }
    }

    /// Backoff delays (exponential, with jitter), each at most `max_backoff`.
    pub(crate) fn backoff(&self) -> impl Iterator<Item = Duration> + Send {
        let max = self.max_backoff;
        ExponentialBuilder::default()
            .with_min_delay(self.initial_backoff)
            .with_max_delay(self.max_backoff)
            .with_factor(2.0)
            .with_jitter()
            .without_max_times()
            .build()
            .map(move |d| d.min(max))
    }

    /// The wait before retrying a 429 whose reset is `reset_after` away (jitter: up to 10 %,
    /// 20–250 ms, so that clients released together do not all hit the API at once), never
    /// more than `max_rate_limit_wait`.
    pub(crate) fn rate_limit_wait(&self, reset_after: Duration) -> Duration {
        let base = reset_after.min(self.max_rate_limit_wait);
        let cap = (base / 10).clamp(Duration::from_millis(20), Duration::from_millis(250));
        (base + cap.mul_f64(fastrand::f64())).min(self.max_rate_limit_wait)
    }
}

/// What one attempt came to, as far as retrying is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// A 2xx answer.
    Success,
    /// A non-2xx answer; `retry_after` is what its headers ask (429, 503).
    Status {
        status: u16,
        retry_after: Option<Duration>,
    },
    /// No complete answer. `sent` is false when the connection was never made.
    Failed { sent: bool },
    /// The answer was larger than the cap: trying again cannot change it.
    TooLarge,
}

impl std::fmt::Display for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Outcome::Success => f.write_str("success"),
            Outcome::Status { status, .. } => write!(f, "HTTP {status}"),
            Outcome::Failed { sent: false } => f.write_str("no connection"),
            Outcome::Failed { sent: true } => f.write_str("no answer"),
            Outcome::TooLarge => f.write_str("a body over the size cap"),
        }
    }
}

impl Outcome {
    /// Whether the server may have processed the request although no answer says so.
    pub(crate) fn ambiguous(self) -> bool {
        match self {
            Outcome::Failed { sent } => sent,
            Outcome::Status { status, .. } => status >= 500,
            Outcome::Success | Outcome::TooLarge => false,
        }
    }
}

/// Where one call stands: attempts made, time already spent waiting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Progress {
    pub(crate) attempt: u32,
    pub(crate) waited: Duration,
}

/// Whether to try again after `outcome`, and after how long; `None` ends the call.
/// `backoff` is the call's backoff sequence (consumed only when a backoff is chosen).
pub(crate) fn decide(
    policy: &RetryPolicy,
    outcome: Outcome,
    idempotent: bool,
    at: Progress,
    backoff: &mut dyn Iterator<Item = Duration>,
) -> Option<Duration> {
    let wait = match outcome {
        Outcome::Success | Outcome::TooLarge => None,
        Outcome::Status {
            status: 429,
            retry_after,
        } => match retry_after {
            // Certain to meet another 429: fail fast with the retry-after.
            Some(w) if w > policy.max_rate_limit_wait => None,
            // A reset already past (clock skew, a late answer): back off, do not spin.
            Some(w) if w.is_zero() => backoff.next(),
            Some(w) => Some(policy.rate_limit_wait(w)),
            None => backoff.next(),
        },
        Outcome::Status {
            status,
            retry_after,
        } if (status >= 500 || status == 408) && idempotent => {
            let b = backoff.next()?;
            match retry_after {
                Some(w) if w > policy.max_rate_limit_wait => None,
                Some(w) => Some(b.max(w)),
                None => Some(b),
            }
        }
        Outcome::Status { .. } => None,
        Outcome::Failed { sent: false } => backoff.next(),
        Outcome::Failed { sent: true } if idempotent => backoff.next(),
        Outcome::Failed { sent: true } => None,
    };
    wait.filter(|w| {
        at.attempt < policy.max_attempts
            && at
                .waited
                .checked_add(*w)
                .is_some_and(|t| t <= policy.max_total_wait)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first() -> Progress {
        Progress {
            attempt: 1,
            waited: Duration::ZERO,
        }
    }

    fn decide1(outcome: Outcome, idempotent: bool) -> Option<Duration> {
        let p = RetryPolicy::default();
        decide(&p, outcome, idempotent, first(), &mut p.backoff())
    }

    fn status(status: u16, retry_after: Option<u64>) -> Outcome {
        Outcome::Status {
            status,
            retry_after: retry_after.map(Duration::from_secs),
        }
    }

    #[test]
    fn rate_limited_waits_for_the_reset_with_a_little_jitter() {
        let w = decide1(status(429, Some(2)), false).unwrap();
        assert!(
            w >= Duration::from_secs(2) && w <= Duration::from_millis(2200),
            "{w:?}"
        );
    }

    #[test]
    fn rate_limited_beyond_the_cap_fails_fast() {
        assert_eq!(decide1(status(429, Some(61)), true), None);
        assert_eq!(decide1(status(429, Some(3600)), true), None);
    }

    #[test]
    fn rate_limited_with_a_past_reset_backs_off_instead_of_spinning() {
        let w = decide1(status(429, Some(0)), true).unwrap();
        assert!(w >= Duration::from_millis(200), "{w:?}");
    }

    #[test]
    fn server_errors_and_timeouts_retry_idempotent_requests_only() {
        for o in [
            status(500, None),
            status(503, None),
            status(408, None),
            Outcome::Failed { sent: true },
        ] {
            assert!(decide1(o, true).is_some(), "{o:?}");
            assert_eq!(decide1(o, false), None, "{o:?}");
        }
    }

    #[test]
    fn a_request_never_sent_is_retried_whatever_its_method() {
        assert!(decide1(Outcome::Failed { sent: false }, false).is_some());
    }

    #[test]
    fn client_errors_and_oversized_bodies_are_final() {
        for o in [
            status(400, None),
            status(404, None),
            status(409, None),
            Outcome::TooLarge,
        ] {
            assert_eq!(decide1(o, true), None, "{o:?}");
        }
    }

    #[test]
    fn retry_after_on_503_is_honoured() {
        let w = decide1(status(503, Some(5)), true).unwrap();
        assert!(w >= Duration::from_secs(5));
    }

    #[test]
    fn jitter_never_exceeds_max_backoff() {
        let p = RetryPolicy {
            initial_backoff: Duration::from_millis(400),
            max_backoff: Duration::from_millis(500),
            ..RetryPolicy::default()
        };
        for d in p.backoff().take(200) {
            assert!(d <= Duration::from_millis(500), "{d:?}");
        }
        for _ in 0..200 {
            assert!(p.rate_limit_wait(Duration::from_secs(600)) <= p.max_rate_limit_wait);
        }
    }

    #[test]
    fn attempts_and_total_wait_bound_every_retry() {
        let p = RetryPolicy::default();
        let last = Progress {
            attempt: p.max_attempts,
            waited: Duration::ZERO,
        };
        assert_eq!(
            decide(&p, status(503, None), true, last, &mut p.backoff()),
            None
        );
        let spent = Progress {
            attempt: 1,
            waited: p.max_total_wait,
        };
        assert_eq!(
            decide(&p, status(429, Some(1)), true, spent, &mut p.backoff()),
            None
        );
    }

    #[test]
    fn ambiguity_is_what_may_have_been_processed() {
        assert!(Outcome::Failed { sent: true }.ambiguous());
        assert!(status(503, None).ambiguous());
        assert!(!Outcome::Failed { sent: false }.ambiguous());
        assert!(!status(429, None).ambiguous());
    }
}
