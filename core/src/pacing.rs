//! A limiter shared by all clones of one client: it reads `X-RateLimit-Remaining` and `-Reset`
//! from every answer and holds new requests back once the window is used up, so that concurrent
//! bulk jobs wait for the reset instead of collecting 429s.
//!
//! The budget is the smallest `Remaining` seen in the current window minus the requests still in
//! flight (some of which the server may already have counted, so it errs low). When it reaches
//! zero while requests are in flight, new requests wait for those answers, which tell the exact
//! count; only when nothing is in flight and nothing remains do they wait for the reset.
//!
//! Other processes may share the key (a fleet of workers without a shared store): the answers
//! then show the window's budget falling faster than this client spends it. Each client takes
//! its share of what is left — of the requests spent since its first answer of the window, the
//! fraction that were its own — so that together they stay near the limit instead of each
//! spending all that remains. A client alone keeps a share of 1, whatever was spent before it
//! started. A share learnt in one window also governs the first answers of the next, until
//! that window's own share can be told.
//!
//! Three rules keep such a fleet's windows full without a storm of 429s: a client that knows
//! nothing of the current window (new, or the window just turned) sends one request and waits
//! for its answer before the rest follow, instead of a blind burst others may already have
//! spent; a client whose first answer shows others spent part of the window goes two at a time
//! until its share can be told; and when its share rounds down to nothing while places are left
//! and nothing of its own is in flight, it still sends one at a time, so that the window's last
//! places are used rather than left to the reset (the price: at most one 429 per process per
//! window).
//!
//! Time is `tokio::time::Instant` (so tests run it on a paused clock) and the wall clock is
//! passed in by the caller (so tests choose it). A request in flight holds a [`Permit`] that
//! gives its place back when dropped, so a cancelled call never shrinks the budget.

use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, SystemTime};

use tokio::sync::Notify;
use tokio::time::Instant;

use crate::ratelimit::RateLimit;

/// The longest the others wait for the answer to a window's first request before going all the
/// same (that request may be a slow one).
const SCOUT_WAIT: Duration = Duration::from_millis(250);
/// Requests spent since this client's first answer of a window before its share is computed.
const MIN_SPENT_FOR_SHARE: u64 = 8;
/// Answers of one window carry resets this close together.
const SAME_WINDOW: Duration = Duration::from_millis(900);
/// A share learnt in one window is used in the next only if that one opens within this time.
const CARRY_FOR: Duration = Duration::from_secs(2);

#[derive(Debug, Default)]
struct State {
    /// The smallest `Remaining` seen in the current window.
    remaining: Option<u64>,
    /// `Remaining` in this client's first answer of the current window.
    first: Option<u64>,
    /// This client's requests finished in the current window after its first answer (answered,
    /// failed or cancelled alike: the server may have counted any of them).
    mine: u64,
    /// When the current window ends.
    reset_at: Option<Instant>,
    /// Requests started but not yet answered.
    in_flight: u64,
    /// An answer arrived since the last window ended (or ever): until one does, this client
    /// knows nothing of the window and sends one request at a time.
    heard: bool,
    /// When the request that went while nothing was heard started.
    scout_at: Option<Instant>,
    /// `X-RateLimit-Limit` of the current window's answers: an answer with another limit
    /// starts the count afresh (the account's limit changed; the old counts say nothing).
    limit: Option<u64>,
    /// This client's share of the previous window's spending, used at the start of the next
    /// window until enough answers tell the new share (a fleet's processes all start again at a
    /// reset: without it each would spend as if alone until its share can be told).
    carried: Option<f64>,
}

impl State {
    /// Forgets a window that is over.
    fn expire(&mut self, now: Instant) {
        if let Some(at) = self.reset_at.filter(|at| *at <= now) {
            // A share is carried to the window that follows at once, not to one after a pause.
            self.carried = self
                .share()
                .filter(|_| now.saturating_duration_since(at) < CARRY_FOR);
            self.remaining = None;
            self.limit = None;
            self.reset_at = None;
            self.first = None;
            self.mine = 0;
            self.heard = false;
            self.scout_at = None;
        }
    }

    /// How many of this client's requests may be in flight now: what remains, scaled by this
    /// client's share of the window's spending when others spend it too.
    /// This client's share of the current window's spending, once enough was spent to tell.
    fn share(&self) -> Option<f64> {
        let r = self.remaining?;
        let spent = self.first.unwrap_or(r).saturating_sub(r);
        // Too few answers yet to tell others apart from reordering.
        if spent < MIN_SPENT_FOR_SHARE {
            return None;
        }
        Some((self.mine.max(1) as f64 / spent as f64).min(1.0))
    }

    fn budget(&self) -> Option<u64> {
        let r = self.remaining?;
        let Some(share) = self.share().or(self.carried) else {
            // Others spent part of this window before our first answer: until our share can be
            // told, two at a time (alone, that costs a few round trips once).
            if self.first.zip(self.limit).is_some_and(|(f, l)| f + 1 < l) {
                return Some(r.min(2));
            }
            return Some(r);
        };
        // The others' requests in flight are not in `r` yet: as many as ours, per client
        // ((1 - share) / share other clients), so that all in flight together fit in `r`.
        let others = ((1.0 - share) / share.max(f64::EPSILON) * self.in_flight.max(1) as f64)
            .round()
            .min(r as f64);
        Some(((r as f64 - others) * share).floor() as u64)
    }
}

/// What a request waits for before going.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wait {
    /// An in-flight answer, at most until this instant.
    Answer(Instant),
    /// The window to reset at this instant.
    Until(Instant),
}

/// The shared pacing state. Never holds its lock across an await; never panics on any header.
#[derive(Debug, Default)]
pub(crate) struct Pacer {
    state: Mutex<State>,
    answered: Notify,
}

/// One request's place in flight. [`Permit::finish`] records the answer; dropping it without
/// (a cancelled or failed call) gives the place back all the same.
#[derive(Debug)]
pub(crate) struct Permit<'a> {
    pacer: &'a Pacer,
}

impl Permit<'_> {
    /// Records the answer's rate-limit headers (`None` when the request failed without any),
    /// read with the client's wall clock `now`.
    pub(crate) fn finish(self, rl: Option<&RateLimit>, now: SystemTime) {
        self.pacer.record(rl, now);
        std::mem::forget(self);
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        self.pacer.record(None, SystemTime::now());
    }
}

impl Pacer {
    /// A poisoned lock still holds consistent counters (nothing panics while holding it), so
    /// pacing goes on rather than silently switching off.
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Waits until a request may be started and returns its permit. No wait lasts beyond
    /// `max_wait` in total: a reset further away is not waited for (the request goes and
    /// SendGrid's 429 reaches the caller with its retry-after), and answers that take longer
    /// are not waited for either.
    pub(crate) async fn acquire(&self, max_wait: Duration) -> Permit<'_> {
        let deadline = Instant::now().checked_add(max_wait);
        loop {
            // Made (and registered) only when waiting, before the lock is released, so that no
            // answer in between is missed and the common path costs nothing.
            let mut notified = std::pin::pin!(None);
            let wait = {
                let mut s = self.lock();
                let now = Instant::now();
                s.expire(now);
                let wait = match (s.budget(), s.reset_at) {
                    (Some(r), Some(at)) if r <= s.in_flight => {
                        if s.in_flight > 0 {
                            Some(Wait::Answer(deadline.map_or(at, |d| d.min(at))))
                        } else if s.remaining.is_some_and(|left| left > 0) {
                            // Our share rounds to nothing, yet places are left: one at a time
                            // takes them (each process of a fleet rounds its share down).
                            None
                        } else if deadline.is_none_or(|d| at <= d) {
                            Some(Wait::Until(at))
                        } else {
                            None
                        }
                    }
                    // Knowing nothing of the window (a new client, or the window turned): one
                    // request finds out what is left before others follow, instead of a blind
                    // burst that other processes may already have spent.
                    (None, _) if !s.heard && s.in_flight > 0 => {
                        let until = s.scout_at.unwrap_or(now) + SCOUT_WAIT;
                        Some(Wait::Answer(deadline.map_or(until, |d| d.min(until))))
                    }
                    _ => None,
                };
                // Past the deadline there is nothing left to wait for.
                let wait = wait.filter(|w| match w {
                    Wait::Answer(until) => *until > now,
                    Wait::Until(_) => true,
                });
                if wait.is_none() {
                    if !s.heard && s.in_flight == 0 {
                        s.scout_at = Some(now);
                    }
                    s.in_flight += 1;
                    return Permit { pacer: self };
                }
                notified.set(Some(self.answered.notified()));
                if let Some(n) = notified.as_mut().as_pin_mut() {
                    n.enable();
                }
                wait
            };
            match wait {
                Some(Wait::Answer(until)) => {
                    if let Some(n) = notified.as_mut().as_pin_mut() {
                        tokio::select! {
                            _ = n => {}
                            _ = tokio::time::sleep_until(until) => {}
                        }
                    }
                }
                // A few ms past the reset, so the server's window has certainly turned over.
                Some(Wait::Until(at)) => {
                    let jitter = Duration::from_millis(5 + fastrand::u64(0..15));
                    tokio::time::sleep_until(at + jitter).await
                }
                None => {}
            }
        }
    }

    /// Records an answer (or a failure without one) and wakes the waiters.
    /// What this pacer knows now (see [`crate::response_info::RateLimitView`]).
    pub(crate) fn view(&self) -> crate::response_info::RateLimitView {
        let mut s = self.lock();
        let now = Instant::now();
        s.expire(now);
        crate::response_info::RateLimitView {
            limit: s.limit,
            remaining: s.remaining,
            reset_in: s.reset_at.map(|at| at.saturating_duration_since(now)),
            in_flight: s.in_flight,
        }
    }

    fn record(&self, rl: Option<&RateLimit>, wall: SystemTime) {
        {
            let mut s = self.lock();
            s.in_flight = s.in_flight.saturating_sub(1);
            let now = Instant::now();
            s.expire(now);
            s.heard = true;
            let known = rl.and_then(|r| Some((r.remaining?, r.reset_after_at(wall)?)));
            // Counted as ours unless this answer opens a new window (then it is the first).
            let window_before = s.reset_at;
            if let Some((remaining, after)) = known {
                // `after` is at most an hour, so this cannot overflow; checked all the same.
                if let Some(reset_at) = now.checked_add(after).filter(|at| *at > now) {
                    let limit = rl.and_then(|r| r.limit);
                    let same_limit = s.limit.is_none() || limit.is_none() || s.limit == limit;
                    match s.reset_at {
                        // Same window: answers arrive out of order, the smallest count is right.
                        Some(at)
                            if same_limit && at.max(reset_at) - at.min(reset_at) < SAME_WINDOW =>
                        {
                            s.remaining = Some(s.remaining.map_or(remaining, |r| r.min(remaining)));
                        }
                        // A late answer from an earlier window says nothing about this one.
                        Some(at) if same_limit && reset_at < at => {}
                        _ => {
                            s.limit = limit;
                            s.carried = s.carried.filter(|_| same_limit);
                            s.remaining = Some(remaining);
                            s.reset_at = Some(reset_at);
                            s.first = Some(remaining);
                            s.mine = 0;
                        }
                    }
                }
            }
            // An answer counted before our first one (answers overtake each other) is not part
            // of what was spent since: counting it would overstate our share.
            let after_first = known.is_none_or(|(r, _)| s.first.is_none_or(|f| r < f));
            if window_before.is_some() && s.reset_at == window_before && after_first {
                s.mine += 1;
            }
        }
        self.answered.notify_waiters();
    }

    /// Requests in flight now (for tests and the client's rate-limit view).
    #[cfg(test)]
    fn in_flight(&self) -> u64 {
        self.lock().in_flight
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::time::UNIX_EPOCH;

    const EPOCH: u64 = 1_780_000_000;

    fn wall(secs: f64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs_f64(secs)
    }

    fn answer(remaining: u64, reset: u64) -> RateLimit {
        RateLimit {
            limit: Some(10),
            remaining: Some(remaining),
            reset: Some(reset),
            ..Default::default()
        }
    }

    const LONG: Duration = Duration::from_secs(60);

    #[tokio::test(start_paused = true)]
    async fn a_late_epoch_reset_does_not_freeze_the_pacer() {
        let p = Pacer::default();
        // A 429 answer read 2.5 s after its window turned (or a client clock 2.5 s ahead).
        p.acquire(LONG)
            .await
            .finish(Some(&answer(0, EPOCH)), wall(EPOCH as f64 + 2.5));
        let start = Instant::now();
        for _ in 0..5 {
            let permit = p.acquire(LONG).await;
            permit.finish(Some(&answer(100, EPOCH + 3)), wall(EPOCH as f64 + 2.6));
        }
        assert_eq!(Instant::now(), start, "nothing waited");
    }

    #[tokio::test(start_paused = true)]
    async fn a_limit_changed_mid_window_starts_the_count_afresh() {
        let p = Pacer::default();
        let at = |limit, remaining| RateLimit {
            limit: Some(limit),
            ..answer(remaining, EPOCH + 1)
        };
        // Spent a huge window's worth (limit 1,000,000), then the limit becomes 200 in the
        // same second: the old count must not make this client look like a small share.
        for i in 0..20 {
            p.acquire(LONG)
                .await
                .finish(Some(&at(1_000_000, 999_999 - i)), wall(EPOCH as f64 + 0.1));
        }
        p.acquire(LONG)
            .await
            .finish(Some(&at(200, 199)), wall(EPOCH as f64 + 0.2));
        let start = Instant::now();
        for i in 0..50 {
            p.acquire(LONG)
                .await
                .finish(Some(&at(200, 198 - i)), wall(EPOCH as f64 + 0.3));
        }
        assert_eq!(Instant::now(), start, "nothing waited for the reset");
    }

    #[tokio::test(start_paused = true)]
    async fn spent_window_waits_for_its_reset_only() {
        let p = Pacer::default();
        p.acquire(LONG)
            .await
            .finish(Some(&answer(0, EPOCH + 1)), wall(EPOCH as f64 + 0.25));
        let start = Instant::now();
        let _permit = p.acquire(LONG).await;
        let waited = Instant::now() - start;
        assert!(waited >= Duration::from_millis(750), "{waited:?}");
        assert!(waited <= Duration::from_millis(800), "{waited:?}");
    }

    #[tokio::test(start_paused = true)]
    async fn clock_skew_both_ways_waits_at_most_a_window() {
        for skew in [-5.0, 5.0] {
            let p = Pacer::default();
            let rl = RateLimit {
                date: Some(EPOCH),
                ..answer(0, EPOCH + 1)
            };
            p.acquire(LONG)
                .await
                .finish(Some(&rl), wall(EPOCH as f64 + 0.5 + skew));
            let start = Instant::now();
            let _permit = p.acquire(LONG).await;
            let waited = Instant::now() - start;
            assert!(
                waited <= Duration::from_millis(1100),
                "skew {skew}: {waited:?}"
            );
        }
    }

    #[tokio::test(start_paused = true)]
    async fn a_huge_reset_neither_panics_nor_waits_beyond_max_wait() {
        let p = Pacer::default();
        for reset in [u64::MAX, EPOCH * 1000, EPOCH_MAX_DELTA] {
            p.acquire(LONG)
                .await
                .finish(Some(&answer(0, reset)), wall(EPOCH as f64));
            let start = Instant::now();
            let permit = p.acquire(Duration::from_secs(2)).await;
            assert!(Instant::now() - start <= Duration::from_secs(2));
            permit.finish(None, wall(EPOCH as f64));
        }
        // Pacing still works afterwards (the lock was never poisoned).
        assert_eq!(p.in_flight(), 0);
    }
    const EPOCH_MAX_DELTA: u64 = 999_999_999;

    #[tokio::test(start_paused = true)]
    async fn a_cancelled_call_gives_its_place_back() {
        let p = Arc::new(Pacer::default());
        p.acquire(LONG)
            .await
            .finish(Some(&answer(1, EPOCH + 30)), wall(EPOCH as f64));
        // One place left; a call takes it and is cancelled mid-flight.
        let p2 = Arc::clone(&p);
        let call = tokio::spawn(async move {
            let _permit = p2.acquire(LONG).await;
            tokio::time::sleep(Duration::from_secs(3600)).await;
        });
        tokio::time::sleep(Duration::from_millis(10)).await;
        assert_eq!(p.in_flight(), 1);
        call.abort();
        let _ = call.await;
        assert_eq!(p.in_flight(), 0);
        // The place is free again: the next call goes at once.
        let start = Instant::now();
        let _permit = p.acquire(LONG).await;
        assert_eq!(Instant::now(), start);
    }

    #[tokio::test(start_paused = true)]
    async fn waiting_for_answers_respects_max_wait() {
        let p = Pacer::default();
        p.acquire(LONG)
            .await
            .finish(Some(&answer(1, EPOCH + 30)), wall(EPOCH as f64));
        let _held = p.acquire(LONG).await; // in flight, never answered
        let start = Instant::now();
        let _next = p.acquire(Duration::from_millis(300)).await;
        assert_eq!(Instant::now() - start, Duration::from_millis(300));
        // With retries off (max_wait 0) nothing waits at all.
        let start = Instant::now();
        let _more = p.acquire(Duration::ZERO).await;
        assert_eq!(Instant::now(), start);
    }

    #[tokio::test(start_paused = true)]
    async fn an_answer_wakes_a_waiter_at_once() {
        let p = Arc::new(Pacer::default());
        p.acquire(LONG)
            .await
            .finish(Some(&answer(1, EPOCH + 30)), wall(EPOCH as f64));
        let held = p.acquire(LONG).await;
        let p2 = Arc::clone(&p);
        let waiter = tokio::spawn(async move {
            let start = Instant::now();
            let permit = p2.acquire(LONG).await;
            let waited = Instant::now() - start;
            permit.finish(None, wall(EPOCH as f64));
            waited
        });
        tokio::time::sleep(Duration::from_millis(40)).await;
        // The answer says 5 are left: the waiter goes at that moment, not on a re-check.
        held.finish(Some(&answer(5, EPOCH + 30)), wall(EPOCH as f64));
        let waited = waiter.await.unwrap();
        assert_eq!(waited, Duration::from_millis(40));
    }

    #[tokio::test(start_paused = true)]
    async fn a_client_sharing_the_key_takes_its_share_of_what_remains() {
        let p = Pacer::default();
        let at = wall(EPOCH as f64);
        // Starting late in a window (others spent 400 before): alone, all that is left is ours.
        for r in 90..100u64 {
            p.acquire(LONG)
                .await
                .finish(Some(&answer(199 - r, EPOCH + 30)), at);
        }
        assert_eq!(p.lock().budget(), Some(100));
        // Then the count falls by 40 while this client spent 4: others use the key.
        for r in [80, 70, 60, 50] {
            p.acquire(LONG)
                .await
                .finish(Some(&answer(r, EPOCH + 30)), at);
        }
        // 13 of the 59 spent since our first answer were ours: 13/59 of the 50 left, less the
        // requests the ~4 others may have in flight: floor((50 - 4) * 13/59) = 10.
        assert_eq!(p.lock().budget(), Some(10));
    }

    #[tokio::test(start_paused = true)]
    async fn the_share_carries_into_the_next_window_until_it_can_be_told_again() {
        let p = Pacer::default();
        let at = wall(EPOCH as f64);
        // A window (reset in 1 s) in which 10 of the 100 requests spent were ours.
        p.acquire(LONG)
            .await
            .finish(Some(&answer(180, EPOCH + 1)), at);
        for r in (0..10).map(|i| 170 - 10 * i) {
            p.acquire(LONG)
                .await
                .finish(Some(&answer(r, EPOCH + 1)), at);
        }
        assert!(p.lock().share().is_some_and(|s| (s - 0.1).abs() < 1e-9));
        // The next window's first answer: its own share cannot be told yet; last window's holds.
        tokio::time::advance(Duration::from_millis(1010)).await;
        let next = wall(EPOCH as f64 + 1.01);
        p.acquire(LONG)
            .await
            .finish(Some(&answer(150, EPOCH + 2)), next);
        // floor((150 - 9) * 0.1) = 14, not all 150.
        assert_eq!(p.lock().budget(), Some(14));
        // After a pause of a few windows nothing is carried: alone again, all that remains.
        tokio::time::advance(Duration::from_secs(5)).await;
        let later = wall(EPOCH as f64 + 6.01);
        p.acquire(LONG)
            .await
            .finish(Some(&answer(150, EPOCH + 7)), later);
        assert_eq!(p.lock().budget(), Some(150));
    }

    #[tokio::test(start_paused = true)]
    async fn answers_counted_before_the_first_are_not_taken_for_ours() {
        let p = Pacer::default();
        let at = wall(EPOCH as f64);
        let permits = [p.acquire(LONG).await, p.acquire(LONG).await];
        p.acquire(LONG)
            .await
            .finish(Some(&answer(100, EPOCH + 30)), at);
        // Two answers overtaken by the first: counted before it, they are not spending since.
        for (permit, r) in permits.into_iter().zip([102, 101]) {
            permit.finish(Some(&answer(r, EPOCH + 30)), at);
        }
        p.acquire(LONG)
            .await
            .finish(Some(&answer(80, EPOCH + 30)), at);
        // 1 of the 20 spent since the first answer was ours.
        assert!(p.lock().share().is_some_and(|s| (s - 0.05).abs() < 1e-9));
    }

    #[tokio::test(start_paused = true)]
    async fn its_own_cancelled_calls_are_not_taken_for_other_clients() {
        let p = Pacer::default();
        let at = wall(EPOCH as f64);
        p.acquire(LONG)
            .await
            .finish(Some(&answer(39, EPOCH + 30)), at);
        for _ in 0..20 {
            drop(p.acquire(LONG).await); // cancelled, but the server counted them
        }
        p.acquire(LONG)
            .await
            .finish(Some(&answer(18, EPOCH + 30)), at);
        assert_eq!(p.lock().budget(), Some(18));
    }

    #[tokio::test(start_paused = true)]
    async fn a_long_reset_is_not_waited_for() {
        let p = Pacer::default();
        p.acquire(LONG)
            .await
            .finish(Some(&answer(0, EPOCH + 600)), wall(EPOCH as f64));
        let start = Instant::now();
        let _permit = p.acquire(LONG).await;
        assert_eq!(Instant::now(), start, "the 429 will carry the retry-after");
    }

    #[tokio::test(start_paused = true)]
    async fn knowing_nothing_one_request_finds_out_before_the_rest_go() {
        let p = Arc::new(Pacer::default());
        let scout = p.acquire(LONG).await;
        let p2 = Arc::clone(&p);
        let next = tokio::spawn(async move {
            let start = Instant::now();
            let _permit = p2.acquire(LONG).await;
            Instant::now() - start
        });
        tokio::time::sleep(Duration::from_millis(30)).await;
        assert!(!next.is_finished(), "the second waits for the first answer");
        // Any answer will do, even one without rate-limit headers.
        scout.finish(None, wall(EPOCH as f64));
        assert_eq!(next.await.unwrap(), Duration::from_millis(30));
        // Heard from: the next ones go together.
        let start = Instant::now();
        let _a = p.acquire(LONG).await;
        let _b = p.acquire(LONG).await;
        assert_eq!(Instant::now(), start);
    }

    #[tokio::test(start_paused = true)]
    async fn when_others_spent_first_it_goes_two_at_a_time_until_its_share_is_known() {
        let p = Pacer::default();
        // Our first answer: 150 of 200 left, spent by others before we started.
        let rl = |remaining| RateLimit {
            limit: Some(200),
            ..answer(remaining, EPOCH + 30)
        };
        p.acquire(LONG)
            .await
            .finish(Some(&rl(150)), wall(EPOCH as f64));
        assert_eq!(p.lock().budget(), Some(2));
        // Alone after all: once its share can be told, all that remains is its own.
        for r in (140..150).rev() {
            p.acquire(LONG)
                .await
                .finish(Some(&rl(r)), wall(EPOCH as f64));
        }
        assert_eq!(p.lock().budget(), Some(140));
    }

    #[tokio::test(start_paused = true)]
    async fn places_left_that_a_small_share_rounds_away_are_still_taken_one_at_a_time() {
        let p = Pacer::default();
        let at = wall(EPOCH as f64);
        p.acquire(LONG)
            .await
            .finish(Some(&answer(180, EPOCH + 30)), at);
        // A share of 1/10: 10 of the 100 spent were ours.
        for r in (0..10).map(|i| 170 - 10 * i) {
            p.acquire(LONG)
                .await
                .finish(Some(&answer(r, EPOCH + 30)), at);
        }
        p.acquire(LONG)
            .await
            .finish(Some(&answer(5, EPOCH + 30)), at);
        assert_eq!(p.lock().budget(), Some(0));
        // Nothing of ours in flight and 5 left: one goes now, not at the reset.
        let start = Instant::now();
        let one = p.acquire(LONG).await;
        assert_eq!(Instant::now(), start);
        one.finish(Some(&answer(0, EPOCH + 30)), at);
        // None left: the next waits for the reset.
        let _next = p.acquire(LONG).await;
        assert!(Instant::now() - start >= Duration::from_secs(29));
    }

    #[tokio::test(start_paused = true)]
    async fn a_slow_first_request_holds_the_others_back_briefly_only() {
        let p = Pacer::default();
        let _slow = p.acquire(LONG).await; // never answered
        let start = Instant::now();
        let _a = p.acquire(LONG).await;
        assert_eq!(Instant::now() - start, SCOUT_WAIT);
        let _b = p.acquire(LONG).await;
        assert_eq!(Instant::now() - start, SCOUT_WAIT, "once, not per request");
    }
}
