//! [`ClientConfig`]: the settings every binding and the CLI build a client from, with the
//! defaults and the rules between settings defined once, and the unit conversions the bindings
//! use for numbers that arrive as floats (seconds in Python and the CLI, milliseconds in Node
//! and Kotlin/Swift).

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use crate::client::Client;
use crate::error::{Error, Result};
use crate::region::Region;
use crate::OnBehalfOf;

pub use crate::bulk::DEFAULT_CONCURRENCY;
pub use crate::client::{DEFAULT_CONNECT_TIMEOUT, DEFAULT_TIMEOUT};
pub use crate::paging::DEFAULT_PAGE_SIZE;
pub use crate::retry::DEFAULT_MAX_RETRIES;

/// How a client is built. Every field is optional; `None` means the default.
#[derive(Clone, Default, PartialEq)]
pub struct ClientConfig {
    /// API key (default: the `SENDGRID_API_KEY` environment variable). Never shown by `Debug`.
    pub api_key: Option<String>,
    /// `global` (default) or `eu`: whose API host is used.
    pub region: Option<String>,
    /// A base URL instead of the region's host: the sandbox, a proxy.
    pub base_url: Option<String>,
    /// Act as this subuser on every call (`on-behalf-of: <username>`).
    pub on_behalf_of: Option<String>,
    /// Act as this customer account on every call (`on-behalf-of: account-id <id>`); not
    /// together with `on_behalf_of`.
    pub account_id: Option<String>,
    /// Total time of one attempt (default [`DEFAULT_TIMEOUT`], 30 s).
    pub timeout: Option<Duration>,
    /// Time to connect (default [`DEFAULT_CONNECT_TIMEOUT`], 10 s).
    pub connect_timeout: Option<Duration>,
    /// Retries after the first attempt (default [`DEFAULT_MAX_RETRIES`]).
    pub max_retries: Option<u32>,
    /// Share pacing with every process using the same key through Redis, e.g.
    /// `redis://127.0.0.1:6379/0` (default: each client paces on its own).
    pub rate_limit_store: Option<String>,
    /// Appended to the user agent: the binding's name (`python`, `node`, `uniffi`, `cli`).
    pub user_agent_suffix: Option<String>,
    /// Your application, appended to the user agent after the binding, e.g.
    /// `billing-sync/2.3`.
    pub app_name: Option<String>,
    /// Allow a plain `http://` base URL to another machine (default: refused; loopback is
    /// always allowed).
    pub allow_insecure_http: Option<bool>,
    /// Send every request through this proxy (`http://` or `https://`, credentials allowed and
    /// never shown); without it `HTTPS_PROXY`/`ALL_PROXY`/`NO_PROXY` apply.
    pub proxy: Option<String>,
    /// A PEM file of certificate authorities to trust besides the platform's.
    pub ca_bundle: Option<String>,
}

impl fmt::Debug for ClientConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientConfig")
            .field("api_key", &self.api_key.as_ref().map(|_| "<redacted>"))
            .field("region", &self.region)
            .field("base_url", &self.base_url)
            .field("on_behalf_of", &self.on_behalf_of)
            .field("account_id", &self.account_id)
            .field("timeout", &self.timeout)
            .field("connect_timeout", &self.connect_timeout)
            .field("max_retries", &self.max_retries)
            .field(
                "rate_limit_store",
                &self.rate_limit_store.as_ref().map(|_| "<set>"),
            )
            .field("user_agent_suffix", &self.user_agent_suffix)
            .field("app_name", &self.app_name)
            .field("allow_insecure_http", &self.allow_insecure_http)
            .field("proxy", &self.proxy.as_ref().map(|_| "<set>"))
            .field("ca_bundle", &self.ca_bundle)
            .finish()
    }
}

impl ClientConfig {
    /// Checks the settings (each error names its field) and builds the client.
    pub fn build(self) -> Result<Client> {
        let mut b = Client::builder();
        if let Some(r) = &self.region {
            b = b.region(Region::from_str(r)?);
        }
        match (self.on_behalf_of, self.account_id) {
            (Some(_), Some(_)) => {
                return Err(Error::invalid(
                    "account_id",
                    "give on_behalf_of (a subuser) or account_id (a customer account), not both",
                ))
            }
            (Some(s), None) => b = b.on_behalf_of(OnBehalfOf::subuser(s)),
            (None, Some(a)) => b = b.on_behalf_of(OnBehalfOf::account(a)),
            (None, None) => {}
        }
        if let Some(t) = self.timeout {
            b = b.timeout(t);
        }
        if let Some(t) = self.connect_timeout {
            b = b.connect_timeout(t);
        }
        if let Some(r) = self.max_retries {
            b = b.max_retries(r);
        }
        if let Some(k) = self.api_key {
            b = b.api_key(k);
        }
        if let Some(u) = self.base_url {
            b = b.base_url(u);
        }
        if let Some(s) = self.rate_limit_store {
            b = b.rate_limit_store(s);
        }
        if let Some(s) = self.user_agent_suffix {
            b = b.user_agent_suffix(s);
        }
        if let Some(a) = self.app_name {
            b = b.app_name(a);
        }
        if let Some(p) = self.proxy {
            b = b.proxy(p);
        }
        if let Some(c) = self.ca_bundle {
            b = b.ca_bundle(c);
        }
        b = b.allow_insecure_http(self.allow_insecure_http.unwrap_or(false));
        b.build()
    }
}

/// A number of seconds (Python, the CLI) as a duration: finite and not negative.
pub fn seconds(field: &str, v: f64) -> Result<Duration> {
    Duration::try_from_secs_f64(v)
        .map_err(|_| Error::invalid(field, format!("is {v}; it must be a number of seconds ≥ 0")))
}

/// Refuses a key of an options object that is not one of `known` (a typo such as `baseURL`
/// must never mean "not given": with a real key, a "sandbox" script would call production).
/// The error names the key, the object, and the closest known key when one is close.
pub fn check_option_keys<'a>(
    what: &str,
    keys: impl IntoIterator<Item = &'a str>,
    known: &[&str],
) -> Result<()> {
    match keys.into_iter().find(|k| !known.contains(k)) {
        Some(key) => Err(unknown_option(what, key, key, known)),
        None => Ok(()),
    }
}

/// The error for `key` (at `path`, which names it within nested objects: `profile.firstNme`),
/// an unknown key of the options object `what` whose keys are `known`: it offers the closest
/// known key when one is close, else lists them.
pub fn unknown_option(what: &str, path: &str, key: &str, known: &[&str]) -> Error {
    let closest = known
        .iter()
        .map(|k| {
            (
                strsim::jaro_winkler(&key.to_ascii_lowercase(), &k.to_ascii_lowercase()),
                *k,
            )
        })
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k);
    let reason = match closest {
        Some(k) => format!("unknown option of {what}; did you mean {k}?"),
        None => format!(
            "unknown option of {what} (its options: {})",
            known.join(", ")
        ),
    };
    Error::invalid(path, reason)
}

/// A number of milliseconds (Node, Kotlin/Swift) as a duration: finite and not negative.
pub fn millis(field: &str, v: f64) -> Result<Duration> {
    Duration::try_from_secs_f64(v / 1000.0).map_err(|_| {
        Error::invalid(
            field,
            format!("is {v}; it must be a number of milliseconds ≥ 0"),
        )
    })
}

/// A whole, non-negative number that fits `T` (counts, limits, frequencies, ids), from the
/// integer or float a binding received; anything else is an `invalid_input` naming the field
/// and the value given (never a silent 0 or a wrapped number).
pub fn whole<T: TryFrom<i64>>(field: &str, v: f64) -> Result<T> {
    if !v.is_finite() || v.fract() != 0.0 || v < 0.0 || v > i64::MAX as f64 {
        return Err(not_whole(field, v));
    }
    T::try_from(v as i64).map_err(|_| not_whole(field, v))
}

/// [`whole`] for an integer a binding received.
pub fn whole_int<T: TryFrom<i64>>(field: &str, v: i64) -> Result<T> {
    if v < 0 {
        return Err(not_whole(field, v));
    }
    T::try_from(v).map_err(|_| not_whole(field, v))
}

fn not_whole(field: &str, v: impl fmt::Display) -> Error {
    Error::invalid(
        field,
        format!("is {v}; it must be a non-negative integer in range"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn an_unknown_option_key_names_the_closest_known_one() {
        let known = ["apiKey", "baseUrl", "region"];
        assert!(check_option_keys("new Client", ["apiKey", "region"], &known).is_ok());
        let e = check_option_keys("new Client", ["baseURL"], &known).unwrap_err();
        assert_eq!(e.field(), Some("baseURL"));
        assert_eq!(
            e.to_string(),
            "invalid baseURL: unknown option of new Client; did you mean baseUrl?"
        );
        let e = check_option_keys("new Client", ["zzz"], &known).unwrap_err();
        assert!(
            e.to_string()
                .contains("its options: apiKey, baseUrl, region"),
            "{e}"
        );
    }

    fn config() -> ClientConfig {
        ClientConfig {
            api_key: Some("SG.secret".into()),
            base_url: Some("http://127.0.0.1:9".into()),
            ..Default::default()
        }
    }

    #[test]
    fn a_subuser_and_an_account_together_are_refused_naming_the_field() {
        let e = ClientConfig {
            on_behalf_of: Some("acme".into()),
            account_id: Some("a-1".into()),
            ..config()
        }
        .build()
        .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput);
        assert!(e.to_string().contains("account_id"), "{e}");
    }

    #[test]
    fn either_scope_alone_is_used() {
        let c = ClientConfig {
            account_id: Some("a-1".into()),
            ..config()
        };
        let client = c.build().unwrap();
        assert_eq!(
            client.current_on_behalf_of().map(|o| o.to_string()),
            Some("account-id a-1".into())
        );
    }

    #[test]
    fn plain_http_goes_to_this_machine_only_unless_allowed() {
        for ok in [
            "http://127.0.0.1:9",
            "http://localhost:9",
            "http://[::1]:9",
            "https://example.com",
        ] {
            let c = ClientConfig {
                base_url: Some(ok.into()),
                ..config()
            };
            assert!(c.build().is_ok(), "{ok}");
        }
        let c = ClientConfig {
            base_url: Some("http://10.0.0.5:8080".into()),
            ..config()
        };
        let e = c.clone().build().unwrap_err();
        assert_eq!(e.field(), Some("base_url"));
        assert!(e.to_string().contains("clear text"), "{e}");
        let allowed = ClientConfig {
            allow_insecure_http: Some(true),
            ..c
        };
        assert!(allowed.build().is_ok());
    }

    #[test]
    fn the_base_url_comes_from_the_environment_when_not_given() {
        // Only this test sets the variable (a separate name would not test the real one).
        std::env::set_var(crate::client::BASE_URL_ENV, "http://127.0.0.1:7");
        let from_env = ClientConfig {
            base_url: None,
            ..config()
        }
        .build();
        let given = config().build();
        std::env::remove_var(crate::client::BASE_URL_ENV);
        assert_eq!(from_env.unwrap().base_url(), "http://127.0.0.1:7/");
        assert_eq!(given.unwrap().base_url(), "http://127.0.0.1:9/");
    }

    #[test]
    fn debug_never_shows_the_key() {
        let shown = format!("{:?}", config());
        assert!(!shown.contains("SG.secret"), "{shown}");
    }

    #[test]
    fn units_refuse_what_is_not_a_duration_or_a_count() {
        assert_eq!(
            seconds("timeout", 1.5).unwrap(),
            Duration::from_millis(1500)
        );
        assert_eq!(
            millis("timeoutMs", 250.0).unwrap(),
            Duration::from_millis(250)
        );
        for v in [-1.0, f64::NAN, f64::INFINITY] {
            assert!(seconds("timeout", v).is_err());
            assert!(millis("timeoutMs", v).is_err());
        }
        assert_eq!(whole::<u32>("frequency", 5.0).unwrap(), 5);
        for v in [-1.0, 0.5, f64::NAN, 1e300, 5e9] {
            let e = whole::<u32>("frequency", v).unwrap_err();
            assert!(e.to_string().contains("frequency"), "{e}");
        }
        let e = whole_int::<u64>("frequency", -3).unwrap_err();
        assert!(e.to_string().contains("-3"), "{e}");
    }
}
