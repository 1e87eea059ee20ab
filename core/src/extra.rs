//! Fields SendGrid sends that this version of the models does not know: each response model
//! keeps them in its `extra` (a `#[serde(flatten)]` map), so a field SendGrid adds tomorrow is
//! reachable today (Python `model.extra["new_field"]`, Kotlin/Swift `extra["new_field"]` as JSON
//! text) and survives `to_dict()`/`to_json()` and pickling unchanged.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Unknown fields of an answer, by name, as JSON values (empty when SendGrid sent none).
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Extra(pub BTreeMap<String, Value>);

impl Extra {
    /// True when SendGrid sent no unknown field.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// An unknown field's value.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.0.get(name)
    }
}

/// Only the names: an unknown field could hold a secret (a key, a password), and `Debug` output
/// ends up in logs.
impl fmt::Debug for Extra {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.0.keys()).finish()
    }
}

// Kotlin and Swift see `Map<String, String>`: each value as JSON text.
#[cfg(feature = "uniffi")]
uniffi::custom_type!(Extra, std::collections::HashMap<String, String>, {
    lower: |e| e.0.iter().map(|(k, v)| (k.clone(), v.to_string())).collect(),
    try_lift: |m| {
        let mut out = BTreeMap::new();
        for (k, text) in m {
            let v: Value = serde_json::from_str(&text)
                .map_err(|e| uniffi::deps::anyhow::anyhow!("extra[{k:?}] is not JSON text: {e}"))?;
            out.insert(k, v);
        }
        Ok(Extra(out))
    },
});

/// Models that keep unknown fields (the page wrappers and client-side records do not).
pub trait HasExtra {
    /// The unknown fields, when the model keeps them.
    fn extra(&self) -> Option<&Extra> {
        None
    }
}

macro_rules! has_extra {
    (keeps: $($t:ty),* ; none: $($n:ty),* $(,)?) => {
        $(impl HasExtra for $t {
            fn extra(&self) -> Option<&Extra> {
                Some(&self.extra)
            }
        })*
        $(impl HasExtra for $n {})*
    };
}

has_extra!(
    keeps:
    crate::accounts::Account,
    crate::accounts::Offering,
    crate::accounts::CreatedAccount,
    crate::accounts::CatalogEntry,
    crate::accounts::Entitlements,
    crate::accounts::AccountIp,
    crate::accounts::AddedIps,
    crate::api_keys::ApiKey,
    crate::api_keys::CreatedApiKey,
    crate::credits::SubuserCredits,
    crate::ips::IpAddress,
    crate::ips::SubuserIps,
    crate::monitor::Monitor,
    crate::reputations::Reputation,
    crate::scopes::AccessRequest,
    crate::scopes::ApprovedAccessRequest,
    crate::stats::Metrics,
    crate::stats::StatEntry,
    crate::stats::DatedStats,
    crate::subusers::Subuser,
    crate::subusers::CreatedSubuser,
    crate::teammates::Teammate,
    crate::teammates::Invitation,
    crate::teammates::SubuserAccess,
    crate::teammates_sso::SsoTeammate,
    crate::user::UserAccount,
    crate::user::UserName;
    none:
    crate::accounts::AccountPage,
    crate::accounts::AccountIpPage,
    crate::ips::IpSubusersPage,
    crate::teammates::SubuserAccessPage,
    crate::bulk::BulkProgress,
    crate::response_info::ResponseInfo,
    crate::response_info::RateLimitView,
    crate::ApiErrorDetail,
);
