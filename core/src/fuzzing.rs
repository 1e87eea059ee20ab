//! The bodies of the fuzz targets (`fuzz/`, cargo-fuzz) and of their corpus replay in
//! `core/tests/fuzz_corpus.rs`: each takes arbitrary bytes, must never panic, and asserts what
//! must hold for any input. Not a stable API.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::{HeaderMap, HeaderValue};
use reqwest::Url;

use crate::obo::OnBehalfOf;
use crate::ratelimit::RateLimit;
pub use crate::ratelimit::{parse_header_number, Rounding};
pub use crate::transport::parse_error_body;

fn decode<T: serde::de::DeserializeOwned>(bytes: &[u8]) {
    let _ = serde_json::from_slice::<T>(bytes);
    let _ = serde_json::from_slice::<Vec<T>>(bytes);
}

/// Every response model decodes `bytes` (as one and as a list) or refuses it, without panicking.
pub fn decode_models(bytes: &[u8]) {
    use crate::{accounts as a, api_keys as k, credits, ips, monitor, reputations, scopes, stats};
    use crate::{subusers, teammates as t, teammates_sso, user};
    decode::<subusers::Subuser>(bytes);
    decode::<subusers::CreatedSubuser>(bytes);
    decode::<ips::SubuserIps>(bytes);
    decode::<ips::IpAddress>(bytes);
    decode::<ips::IpSubusersPage>(bytes);
    decode::<reputations::Reputation>(bytes);
    decode::<credits::SubuserCredits>(bytes);
    decode::<monitor::Monitor>(bytes);
    decode::<stats::DatedStats>(bytes);
    decode::<t::Teammate>(bytes);
    decode::<t::Invitation>(bytes);
    decode::<t::SubuserAccessPage>(bytes);
    decode::<teammates_sso::SsoTeammate>(bytes);
    decode::<scopes::AccessRequest>(bytes);
    decode::<scopes::ApprovedAccessRequest>(bytes);
    decode::<a::AccountPage>(bytes);
    decode::<a::Offering>(bytes);
    decode::<a::CreatedAccount>(bytes);
    decode::<a::CatalogEntry>(bytes);
    decode::<a::AccountState>(bytes);
    decode::<a::AccountIpPage>(bytes);
    decode::<a::AddedIps>(bytes);
    decode::<k::ApiKey>(bytes);
    decode::<k::CreatedApiKey>(bytes);
    decode::<user::UserAccount>(bytes);
    decode::<user::UserName>(bytes);
    if let Ok(p) = serde_json::from_slice::<t::SubuserAccessPage>(bytes) {
        let _ = p.next_query();
    }
}

/// An error body in any shape gives details whose text is bounded when the body is not JSON.
pub fn error_body(bytes: &[u8]) {
    let (errors, _) = parse_error_body(bytes);
    if serde_json::from_slice::<serde_json::Value>(bytes).is_err() {
        assert!(errors.iter().all(|e| e.message.chars().count() <= 200));
    }
}

/// Rate-limit headers (`limit`, `remaining`, `reset`, `date`, `retry-after`, one per line) read
/// at any wall-clock time: never a panic, never a wait beyond an hour.
pub fn rate_limit(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let mut lines = text.split('\n');
    let mut h = HeaderMap::new();
    for name in [
        "x-ratelimit-limit",
        "x-ratelimit-remaining",
        "x-ratelimit-reset",
        "date",
        "retry-after",
    ] {
        if let Some(v) = lines.next().and_then(|v| HeaderValue::from_str(v).ok()) {
            h.insert(name, v);
        }
    }
    let secs = bytes
        .iter()
        .take(8)
        .fold(0u64, |a, b| a.wrapping_mul(31).wrapping_add(*b as u64))
        % 8_000_000_000;
    let now = UNIX_EPOCH + Duration::from_secs(secs);
    let rl = RateLimit::from_headers(&h, now);
    let hour = Duration::from_secs(3600);
    assert!(rl.reset_after_at(now).is_none_or(|d| d <= hour));
    let _ = rl.retry_after_at(now);
    let _ = rl.reset_after_at(SystemTime::now());
    for r in [Rounding::Down, Rounding::Up] {
        let _ = parse_header_number(&text, r);
    }
}

/// Any string as an on-behalf-of value and as a path segment: what validation accepts is a
/// valid header value, and a segment never changes the path's shape (it decodes back to itself
/// as one segment after `/v3`).
pub fn encoders(bytes: &[u8]) {
    let s = String::from_utf8_lossy(bytes).into_owned();
    for obo in [
        OnBehalfOf::subuser(s.clone()),
        OnBehalfOf::account(s.clone()),
        OnBehalfOf::parse(&s),
    ] {
        if let Ok(v) = obo.header_value() {
            assert!(HeaderValue::from_str(&v).is_ok(), "{v:?}");
        }
    }
    let Ok(base) = Url::parse("https://api.sendgrid.com") else {
        return;
    };
    let segments = vec!["subusers".to_string(), s.clone(), "monitor".to_string()];
    let query = vec![("username".to_string(), s.clone())];
    if let Ok(url) = crate::transport::request_url(&base, &segments, &query) {
        let got: Vec<String> = url
            .path_segments()
            .map(|p| {
                p.map(|x| {
                    percent_encoding::percent_decode_str(x)
                        .decode_utf8_lossy()
                        .into_owned()
                })
                .collect()
            })
            .unwrap_or_default();
        assert_eq!(got, ["v3", "subusers", s.as_str(), "monitor"], "{url}");
        assert_eq!(url.host_str(), Some("api.sendgrid.com"));
        let q: Vec<(String, String)> = url.query_pairs().into_owned().collect();
        assert_eq!(q, query);
    }
}
