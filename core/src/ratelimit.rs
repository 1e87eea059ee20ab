//! Rate-limit headers and the time model that reads them.
//!
//! SendGrid's `X-RateLimit-Reset` is an epoch second. Reading it needs care:
//! - an answer processed just before its window turned, or a client clock a little ahead of
//!   SendGrid's, gives a reset in the past: that means "now", not "that many seconds from now";
//! - a client clock far from SendGrid's (more than [`SKEW_TOLERANCE_SECS`]) is corrected with the
//!   answer's `Date` header, the server's own clock;
//! - some proxies and test servers send seconds-from-now instead: a value below
//!   [`EPOCH_THRESHOLD`] is read that way;
//! - no value is believed beyond [`MAX_RESET_WAIT`], so no header can make a client wait for
//!   years or overflow a clock.
//!
//! Every function here takes the client's clock as an argument, so the rules are tested with
//! any clock.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::HeaderMap;
use serde::{Deserialize, Serialize};

/// `X-RateLimit-Reset` values at or above this (2001-09-09) are epoch seconds; smaller values
/// are seconds from now.
pub const EPOCH_THRESHOLD: u64 = 1_000_000_000;
/// The longest reset believed; larger or later values are read as this.
pub const MAX_RESET_WAIT: Duration = Duration::from_secs(3600);
/// Client and server clocks (`Date`) further apart than this are corrected with the server's.
pub const SKEW_TOLERANCE_SECS: f64 = 2.0;

/// The rate-limit headers of a response (`X-RateLimit-Limit`, `-Remaining`, `-Reset`), with the
/// `Date` and `Retry-After` headers that help read them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RateLimit {
    /// Requests allowed in the window.
    pub limit: Option<u64>,
    /// Requests left in the window (a fractional value is rounded down).
    pub remaining: Option<u64>,
    /// The raw `X-RateLimit-Reset` value: epoch seconds, or seconds from now when smaller than
    /// [`EPOCH_THRESHOLD`].
    pub reset: Option<u64>,
    /// The answer's `Date` header as epoch seconds (the server's clock), when sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<u64>,
    /// The standard `Retry-After` header, in seconds from the answer (an HTTP-date is converted
    /// with the server's `Date`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u64>,
}

impl RateLimit {
    /// Reads the headers of an answer received at `now` (the client's clock).
    pub fn from_headers(h: &HeaderMap, now: SystemTime) -> RateLimit {
        let text = |name: &str| h.get(name).and_then(|v| v.to_str().ok());
        let date = text("date")
            .and_then(|d| httpdate::parse_http_date(d).ok())
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map(|d| d.as_secs());
        let retry_after = text("retry-after").and_then(|v| {
            if let Some(n) = parse_header_number(v, Rounding::Up) {
                return Some(n);
            }
            // An HTTP-date: measured against the server's clock when it sent one.
            let at = httpdate::parse_http_date(v).ok()?;
            let base = date.map_or(now, |d| UNIX_EPOCH + Duration::from_secs(d));
            Some(at.duration_since(base).map(|d| d.as_secs()).unwrap_or(0))
        });
        RateLimit {
            limit: text("x-ratelimit-limit").and_then(|v| parse_header_number(v, Rounding::Down)),
            remaining: text("x-ratelimit-remaining")
                .and_then(|v| parse_header_number(v, Rounding::Down)),
            reset: text("x-ratelimit-reset").and_then(|v| parse_header_number(v, Rounding::Up)),
            date,
            retry_after,
        }
    }

    /// How long until the window resets, measured from the current time.
    pub fn reset_after(&self) -> Option<Duration> {
        self.reset_after_at(SystemTime::now())
    }

    /// How long until the window resets, for a client whose clock reads `now`: zero for a reset
    /// in the past, at most [`MAX_RESET_WAIT`], corrected by `Date` when the clocks disagree.
    pub fn reset_after_at(&self, now: SystemTime) -> Option<Duration> {
        let reset = self.reset?;
        if reset < EPOCH_THRESHOLD {
            return Some(Duration::from_secs(reset).min(MAX_RESET_WAIT));
        }
        let local = now
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            .as_secs_f64();
        // The server's clock read somewhere in [date, date + 1): its middle is the estimate.
        let now = match self.date {
            Some(d) if (local - (d as f64 + 0.5)).abs() > SKEW_TOLERANCE_SECS => d as f64 + 0.5,
            _ => local,
        };
        let after = (reset as f64 - now).clamp(0.0, MAX_RESET_WAIT.as_secs_f64());
        Some(Duration::from_secs_f64(after))
    }

    /// How long a 429 asks to wait: `Retry-After` when sent, else the time to the reset.
    pub fn retry_after_at(&self, now: SystemTime) -> Option<Duration> {
        match self.retry_after {
            Some(s) => Some(Duration::from_secs(s).min(MAX_RESET_WAIT)),
            None => self.reset_after_at(now),
        }
    }
}

/// How a fractional header number is made whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rounding {
    /// Towards zero: counts of what is left (never promise more than there is).
    Down,
    /// Away from zero: times to wait (never wake early).
    Up,
}

/// A non-negative header number made whole as `rounding` says (saturating at `u64::MAX`);
/// anything else (negative, NaN, infinite, not a number) is `None`.
pub fn parse_header_number(v: &str, rounding: Rounding) -> Option<u64> {
    let f = v
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && *v >= 0.0)?;
    let f = match rounding {
        Rounding::Down => f.floor(),
        Rounding::Up => f.ceil(),
    };
    // `as` saturates: a number beyond u64 reads as u64::MAX ("very far"), which the readers
    // above clamp.
    Some(f as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: u64 = 1_780_000_000;

    fn at(secs: f64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs_f64(secs)
    }

    fn rl(reset: u64, date: Option<u64>) -> RateLimit {
        RateLimit {
            reset: Some(reset),
            date,
            ..Default::default()
        }
    }

    #[test]
    fn epoch_reset_in_the_future_is_measured_to_the_millisecond() {
        let d = rl(NOW + 1, None)
            .reset_after_at(at(NOW as f64 + 0.25))
            .unwrap();
        assert_eq!(d, Duration::from_millis(750));
    }

    #[test]
    fn epoch_reset_in_the_past_means_now_not_55_years() {
        // The answer was processed just before the window turned and read 2.5 s later.
        let d = rl(NOW, None).reset_after_at(at(NOW as f64 + 2.5)).unwrap();
        assert_eq!(d, Duration::ZERO);
        // With a Date header that agrees with the local clock as well.
        let d = rl(NOW, Some(NOW))
            .reset_after_at(at(NOW as f64 + 1.2))
            .unwrap();
        assert_eq!(d, Duration::ZERO);
    }

    #[test]
    fn small_values_are_seconds_from_now() {
        assert_eq!(
            rl(3, None).reset_after_at(at(NOW as f64)),
            Some(Duration::from_secs(3))
        );
        assert_eq!(
            rl(0, None).reset_after_at(at(NOW as f64)),
            Some(Duration::ZERO)
        );
    }

    #[test]
    fn huge_values_are_clamped() {
        for reset in [u64::MAX, EPOCH_THRESHOLD - 1, NOW * 1000] {
            let d = rl(reset, None).reset_after_at(at(NOW as f64)).unwrap();
            assert!(d <= MAX_RESET_WAIT, "{reset}: {d:?}");
        }
        let r = RateLimit {
            retry_after: Some(u64::MAX),
            ..Default::default()
        };
        assert_eq!(r.retry_after_at(at(NOW as f64)), Some(MAX_RESET_WAIT));
    }

    #[test]
    fn client_clock_five_seconds_ahead_is_corrected_by_date() {
        // Server time NOW + 0.4; window resets at NOW + 1; client reads NOW + 5.4.
        let d = rl(NOW + 1, Some(NOW))
            .reset_after_at(at(NOW as f64 + 5.4))
            .unwrap();
        assert!(d <= Duration::from_millis(1000), "{d:?}");
        // Without Date, the reset reads as past: "now", never years.
        let d = rl(NOW + 1, None)
            .reset_after_at(at(NOW as f64 + 5.4))
            .unwrap();
        assert_eq!(d, Duration::ZERO);
    }

    #[test]
    fn client_clock_five_seconds_behind_is_corrected_by_date() {
        // Server time NOW + 0.4; client reads NOW - 4.6: without Date the wait would be 5.6 s.
        let d = rl(NOW + 1, Some(NOW))
            .reset_after_at(at(NOW as f64 - 4.6))
            .unwrap();
        assert!(d <= Duration::from_millis(1000), "{d:?}");
    }

    #[test]
    fn headers_are_read_with_rounding_and_dates() {
        let mut h = HeaderMap::new();
        h.insert("x-ratelimit-remaining", "1.7".parse().unwrap());
        h.insert("x-ratelimit-limit", "600".parse().unwrap());
        h.insert("x-ratelimit-reset", "1780000000.2".parse().unwrap());
        h.insert("date", "Fri, 29 May 2026 00:00:00 GMT".parse().unwrap());
        h.insert(
            "retry-after",
            "Fri, 29 May 2026 00:00:07 GMT".parse().unwrap(),
        );
        let r = RateLimit::from_headers(&h, SystemTime::now());
        assert_eq!(r.remaining, Some(1), "remaining rounds down");
        assert_eq!(r.limit, Some(600));
        assert_eq!(r.reset, Some(1_780_000_001), "reset rounds up");
        assert_eq!(r.retry_after, Some(7));
        h.insert("retry-after", "12".parse().unwrap());
        assert_eq!(
            RateLimit::from_headers(&h, SystemTime::now()).retry_after,
            Some(12)
        );
        for bad in ["-1", "NaN", "inf", "1e400", "", "abc"] {
            // (1e400 overflows f64 to infinity)
            h.insert("x-ratelimit-remaining", bad.parse().unwrap());
            assert_eq!(
                RateLimit::from_headers(&h, SystemTime::now()).remaining,
                None,
                "{bad}"
            );
        }
    }
}
