//! SendGrid behaviours the documentation omits and its users report, imitated by the sandbox.
//! Those real SendGrid always shows are on by default; each can be switched with
//! `POST /__sandbox/quirks` (read them with `GET /__sandbox/quirks`), and `POST /__sandbox/reset`
//! restores the defaults.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use sendgrid_admin::scopes::{is_sendgrid_managed, GRANT_BASELINE_SCOPES};

/// Scopes SendGrid adds to a password-login teammate's reads.
pub const TEAMMATE_AUTO_SCOPES: &[&str] = &["2fa_required", "sender_verification_eligible"];
/// Scopes SendGrid adds to an SSO teammate's reads (two-factor is the IdP's).
pub const SSO_AUTO_SCOPES: &[&str] = &["2fa_exempt", "sender_verification_eligible"];
/// Scopes SendGrid adds to an API key's reads (kenzo0107/terraform-provider-sendgrid #118).
pub const API_KEY_AUTO_SCOPES: &[&str] = &[
    "2fa_required",
    "sender_verification_eligible",
    "sender_verification_exempt",
];
/// What SendGrid's teammates list answers at most per page, whatever `limit` asks (#119).
pub const TEAMMATES_PAGE_CAP: usize = 50;

/// The switches. Each field of a `POST /__sandbox/quirks` body is optional.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Quirks {
    /// Teammate and API key reads carry scopes SendGrid adds itself (`2fa_required`,
    /// `sender_verification_eligible`, …; kenzo0107/terraform-provider-sendgrid #104, #117,
    /// #118), and a write that sends one back is a 400 "invalid or unassignable scopes". On.
    pub auto_scopes: bool,
    /// A restricted subuser grant reads back with a baseline of read scopes beside the ones
    /// asked (kenzo0107 #205). On.
    pub grant_baseline_scopes: bool,
    /// `GET /v3/teammates` answers at most 50 teammates per page whatever `limit` asks
    /// (kenzo0107 #119: "documentation … default value of 500, while in fact it is 50"). On.
    pub teammates_page_cap: bool,
    /// The subuser access of an admin or unrestricted teammate lists every subuser (as admin),
    /// with `has_restricted_subuser_access: false` (SendGrid's spec: "If the Teammate is an
    /// administrator, all Subusers will be returned"); off, it lists none. On.
    pub implied_access: bool,
    /// An SSO teammate request with an unknown scope in its subuser access answers success and
    /// silently drops that access; off, it is a 400. Off.
    pub sso_silent_drop: bool,
    /// Every JSON object in a successful answer gains `"sandbox_added": {"since": "2026-12"}`,
    /// a field no client models, as when SendGrid ships a new field. Off.
    pub added_fields: bool,
}

impl Default for Quirks {
    fn default() -> Self {
        Quirks {
            auto_scopes: true,
            grant_baseline_scopes: true,
            teammates_page_cap: true,
            implied_access: true,
            sso_silent_drop: false,
            added_fields: false,
        }
    }
}

impl Quirks {
    /// None of them: the plain shape of SendGrid's spec.
    pub fn none() -> Self {
        Quirks {
            auto_scopes: false,
            grant_baseline_scopes: false,
            teammates_page_cap: false,
            implied_access: false,
            sso_silent_drop: false,
            added_fields: false,
        }
    }

    /// `scopes` as a read answers them: with `auto` added when `auto_scopes` is on.
    pub fn read_scopes(&self, scopes: &[String], auto: &[&str]) -> Vec<String> {
        let mut out = scopes.to_vec();
        if self.auto_scopes {
            out.extend(auto.iter().map(|s| s.to_string()));
        }
        out
    }

    /// A restricted grant's scopes as read: with the baseline when `grant_baseline_scopes` is on.
    pub fn grant_scopes(&self, scopes: &[String]) -> Vec<String> {
        let mut out = scopes.to_vec();
        if self.grant_baseline_scopes {
            for s in GRANT_BASELINE_SCOPES {
                if !out.iter().any(|x| x == s) {
                    out.push(s.to_string());
                }
            }
        }
        out
    }

    /// SendGrid's 400 body for a write that sends back a scope it manages itself.
    pub fn refuse_managed(&self, scopes: &[String]) -> Option<Value> {
        if !self.auto_scopes {
            return None;
        }
        let bad: Vec<&str> = scopes
            .iter()
            .map(String::as_str)
            .filter(|s| is_sendgrid_managed(s))
            .collect();
        (!bad.is_empty()).then(|| {
            json!({"errors": [{"field": "scopes",
                "message": format!("invalid or unassignable scopes: {}", bad.join(", "))}]})
        })
    }
}
