//! Input checks run before any request is sent. Each names the field and says what is valid.

use std::net::Ipv4Addr;

use crate::error::{Error, Result};

/// The longest username accepted. SendGrid documents no limit; 64 characters is the length its
/// console accepts and keeps paths sane.
pub const MAX_USERNAME_LEN: usize = 64;

fn has_control(s: &str) -> bool {
    s.chars().any(char::is_control)
}

/// `.` and `..` are dot-segments: in a URL path they are removed or climb a level, so the
/// request would reach another endpoint (`subusers/../monitor`). No name or token may be one.
fn dot_segment(field: &str, v: &str) -> Result<()> {
    if v == "." || v == ".." {
        return Err(Error::invalid(
            field,
            format!("{v:?} cannot be used: in a URL path it would reach another endpoint"),
        ));
    }
    Ok(())
}

/// A subuser or teammate username used in a path or query: 1–64 characters, no control characters.
pub fn username(field: &str, v: &str) -> Result<()> {
    if v.trim().is_empty() {
        return Err(Error::invalid(field, "must not be empty"));
    }
    let n = v.chars().count();
    if n > MAX_USERNAME_LEN {
        return Err(Error::invalid(
            field,
            format!("is {n} characters long; at most {MAX_USERNAME_LEN} are allowed"),
        ));
    }
    if has_control(v) {
        return Err(Error::invalid(
            field,
            "must not contain control characters (CR, LF, tab, ...)",
        ));
    }
    dot_segment(field, v)
}

/// A teammate's username: a [`username`] that is not one of the words SendGrid uses for its own
/// paths under `/v3/teammates/` (`pending`), which would reach another endpoint.
pub fn teammate_username(field: &str, v: &str) -> Result<()> {
    username(field, v)?;
    if RESERVED_TEAMMATE_NAMES.contains(&v) {
        return Err(Error::invalid(
            field,
            format!("{v:?} is reserved by SendGrid's teammate paths and cannot name a teammate"),
        ));
    }
    Ok(())
}

/// Path words under `/v3/teammates/` that are not teammates.
pub const RESERVED_TEAMMATE_NAMES: &[&str] = &["pending"];

/// A list of usernames, each checked with [`username`]; `min` is the fewest allowed.
pub fn usernames(field: &str, v: &[String], min: usize, max: usize) -> Result<()> {
    if v.len() < min || v.len() > max {
        return Err(Error::invalid(
            field,
            format!(
                "has {} entries; between {min} and {max} are allowed",
                v.len()
            ),
        ));
    }
    for (i, u) in v.iter().enumerate() {
        username(&format!("{field}[{i}]"), u)?;
    }
    Ok(())
}

/// An opaque path token (invite token, request id): non-empty, no control characters, ≤ 256.
pub fn token(field: &str, v: &str) -> Result<()> {
    if v.trim().is_empty() {
        return Err(Error::invalid(field, "must not be empty"));
    }
    if v.len() > 256 || has_control(v) {
        return Err(Error::invalid(
            field,
            "must be at most 256 characters without control characters",
        ));
    }
    dot_segment(field, v)
}

/// A customer account id: 1-128 printable ASCII characters without spaces.
pub fn account_id(field: &str, v: &str) -> Result<()> {
    if v.is_empty() || v.len() > 128 || !v.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(Error::invalid(
            field,
            "must be 1-128 printable ASCII characters without spaces",
        ));
    }
    dot_segment(field, v)
}

/// An API key id: printable ASCII.
pub fn api_key_id(field: &str, v: &str) -> Result<()> {
    if v.is_empty() || !v.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(Error::invalid(field, "must be printable ASCII"));
    }
    dot_segment(field, v)
}

/// An email address: 5–255 characters, `local@domain.tld`, no spaces or control characters
/// (the teammates spec's own rule, applied everywhere).
pub fn email(field: &str, v: &str) -> Result<()> {
    let bad = |why: &str| {
        Err(Error::invalid(
            field,
            format!("{v:?} is not an email address: {why}"),
        ))
    };
    if v.len() < 5 || v.len() > 255 {
        return bad("it must be 5 to 255 characters long");
    }
    if v.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return bad("it must not contain spaces or control characters");
    }
    let Some((local, domain)) = v.rsplit_once('@') else {
        return bad("it needs an @");
    };
    if local.is_empty() {
        return bad("nothing before the @");
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2 || labels.iter().any(|l| l.is_empty()) {
        return bad("the domain needs a dot, like example.com");
    }
    Ok(())
}

/// Scope names: each non-empty, without spaces or control characters.
pub fn scope_names(field: &str, scopes: &[String]) -> Result<()> {
    for (i, s) in scopes.iter().enumerate() {
        if s.trim().is_empty() || s.chars().any(|c| c.is_control() || c.is_whitespace()) {
            return Err(Error::invalid(
                format!("{field}[{i}]"),
                format!("{s:?} is not a scope name"),
            ));
        }
    }
    Ok(())
}

/// One IPv4 address in dotted-quad form.
pub fn ipv4(field: &str, ip: &str) -> Result<()> {
    match ip.parse::<Ipv4Addr>() {
        Ok(_) => Ok(()),
        Err(_) => Err(Error::invalid(
            field,
            format!("{ip:?} is not an IPv4 address"),
        )),
    }
}

/// A list of IPv4 addresses in dotted-quad form.
pub fn ipv4_list(field: &str, ips: &[String]) -> Result<()> {
    for (i, ip) in ips.iter().enumerate() {
        if ip.parse::<Ipv4Addr>().is_err() {
            return Err(Error::invalid(
                format!("{field}[{i}]"),
                format!("{ip:?} is not an IPv4 address"),
            ));
        }
    }
    Ok(())
}

/// A password for a new subuser: non-empty, at most 128 characters. Never echoed.
pub fn password(field: &str, v: &str) -> Result<()> {
    if v.is_empty() {
        return Err(Error::invalid(field, "must not be empty"));
    }
    if v.chars().count() > 128 {
        return Err(Error::invalid(field, "must be at most 128 characters"));
    }
    Ok(())
}

/// An optional numeric parameter within `min..=max`.
pub fn range(field: &str, v: Option<u32>, min: u32, max: u32) -> Result<()> {
    match v {
        Some(x) if x < min || x > max => Err(Error::invalid(
            field,
            format!("is {x}; it must be between {min} and {max}"),
        )),
        _ => Ok(()),
    }
}

/// A calendar date in `YYYY-MM-DD` form.
pub fn date(field: &str, v: &str) -> Result<()> {
    let b = v.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && digits(0..4)
        && digits(5..7)
        && digits(8..10);
    let num = |r: std::ops::Range<usize>| v[r].parse::<u32>().unwrap_or(0);
    if !shaped || !(1..=12).contains(&num(5..7)) || !(1..=31).contains(&num(8..10)) {
        return Err(Error::invalid(
            field,
            format!("{v:?} is not a date in YYYY-MM-DD form"),
        ));
    }
    Ok(())
}

/// A value placed in an HTTP header: printable, no CR/LF or other control characters.
pub fn header_value(field: &str, v: &str) -> Result<()> {
    if v.trim().is_empty() {
        return Err(Error::invalid(field, "must not be empty"));
    }
    if has_control(v) {
        return Err(Error::invalid(
            field,
            "must not contain control characters such as CR or LF",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert!(email("e", "a@b.co").is_ok());
        for bad in [
            "",
            "a@b",
            "ab.com",
            "@b.com",
            "a b@c.com",
            "a@b..com",
            "a@.com",
        ] {
            assert!(email("e", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn dates() {
        assert!(date("d", "2026-11-22").is_ok());
        for bad in [
            "2026-13-01",
            "2026-1-01",
            "20261122",
            "2026-11-22T",
            "abcd-ef-gh",
            "2026-11-00",
        ] {
            assert!(date("d", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn usernames_rules() {
        assert!(username("u", "ok").is_ok());
        assert!(username("u", "").is_err());
        assert!(username("u", &"x".repeat(65)).is_err());
        assert!(username("u", "a\nb").is_err());
        assert!(username("u", "a/b c?#%é").is_ok());
    }
}
