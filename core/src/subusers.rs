//! Subusers: list, create, enable, disable, delete.

use std::fmt;

use reqwest::Method;
use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::error::{Error, Result};
use crate::region::Region;
use crate::validate;

/// The largest `limit` accepted by [`Subusers::list`] (SendGrid documents no maximum; 500 is
/// what its console pages with).
pub const MAX_LIST_LIMIT: u32 = 500;

/// A subuser as listed by SendGrid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, get_all, module = "sendgrid_admin")
)]
pub struct Subuser {
    /// Numeric id (declared as `number`; floats are accepted).
    #[serde(deserialize_with = "crate::de::u64_lenient")]
    pub id: u64,
    /// Username.
    pub username: String,
    /// Contact email.
    #[serde(default, deserialize_with = "crate::de::string_or_default")]
    pub email: String,
    /// Whether the subuser is disabled.
    #[serde(default, deserialize_with = "crate::de::null_default")]
    pub disabled: bool,
    /// The subuser's region, present when `include_region` was asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
    /// Fields SendGrid sent that this version does not model, by name (empty when none).
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: crate::extra::Extra,
}

/// Which subusers [`Subusers::list`] returns by region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum RegionFilter {
    /// Every region.
    All,
    /// Global subusers only.
    Global,
    /// EU subusers only.
    Eu,
}

impl RegionFilter {
    fn as_str(self) -> &'static str {
        match self {
            RegionFilter::All => "all",
            RegionFilter::Global => "global",
            RegionFilter::Eu => "eu",
        }
    }
}

/// Parameters of [`Subusers::list`]. All optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ListSubusers {
    /// Only the subuser with this username.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub username: Option<String>,
    /// Page size, 1–500.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub limit: Option<u32>,
    /// How many subusers to skip.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub offset: Option<u32>,
    /// Region filter.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub region: Option<RegionFilter>,
    /// Return each subuser's region.
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub include_region: bool,
}

/// A new subuser, for [`Subusers::create`]. `Debug` hides the password.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CreateSubuser {
    /// Username, 1–64 characters.
    pub username: String,
    /// Contact email.
    pub email: String,
    /// Console password (never logged).
    pub password: String,
    /// IPv4 addresses to assign (may be empty).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub ips: Vec<String>,
    /// Region to create the subuser in (default global).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub region: Option<Region>,
    /// Return the region in the answer.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub include_region: bool,
}

impl fmt::Debug for CreateSubuser {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CreateSubuser")
            .field("username", &self.username)
            .field("email", &self.email)
            .field("password", &"<redacted>")
            .field("ips", &self.ips)
            .field("region", &self.region)
            .field("include_region", &self.include_region)
            .finish()
    }
}

impl CreateSubuser {
    /// Checks every field; the first problem is returned.
    pub fn validate(&self) -> Result<()> {
        validate::username("username", &self.username)?;
        validate::email("email", &self.email)?;
        validate::password("password", &self.password)?;
        validate::ipv4_list("ips", &self.ips)
    }
}

/// `credit_allocation: {"type": …}` on the wire, one string in every language
/// (`credit_allocation_type` / `creditAllocationType`).
mod credit_allocation {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    struct Wire {
        #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
        kind: Option<String>,
    }

    pub fn serialize<S: Serializer>(v: &Option<String>, s: S) -> Result<S::Ok, S::Error> {
        Wire { kind: v.clone() }.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        Ok(Option::<Wire>::deserialize(d)?.and_then(|w| w.kind))
    }
}

/// The answer to [`Subusers::create`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, get_all, module = "sendgrid_admin")
)]
pub struct CreatedSubuser {
    /// Username.
    pub username: String,
    /// The new subuser's id (`user_id` on the wire; `id` is accepted too).
    #[serde(alias = "id", deserialize_with = "crate::de::u64_lenient")]
    pub user_id: u64,
    /// Contact email.
    #[serde(default, deserialize_with = "crate::de::string_or_default")]
    pub email: String,
    /// The credit allocation type, e.g. `"unlimited"` (`credit_allocation.type` on the wire).
    #[serde(
        default,
        rename = "credit_allocation",
        with = "credit_allocation",
        skip_serializing_if = "Option::is_none"
    )]
    pub credit_allocation_type: Option<String>,
    /// Region, when `include_region` was asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
    /// Fields SendGrid sent that this version does not model, by name (empty when none).
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: crate::extra::Extra,
}

#[derive(Serialize)]
pub(crate) struct DisabledBody {
    pub(crate) disabled: bool,
}

/// Subuser administration; get it from [`Client::subusers`].
#[derive(Debug, Clone, Copy)]
pub struct Subusers<'a> {
    pub(crate) client: &'a Client,
}

impl Subusers<'_> {
    /// `GET /v3/subusers`: one page of subusers.
    pub async fn list(self, params: &ListSubusers) -> Result<Vec<Subuser>> {
        self.client.parent_only("subusers.list")?;
        if let Some(u) = &params.username {
            validate::username("username", u)?;
        }
        validate::range("limit", params.limit, 1, MAX_LIST_LIMIT)?;
        let req = self
            .client
            .req(Method::GET, &["subusers"])
            .query_opt("username", params.username.as_ref())
            .query_opt("limit", params.limit)
            .query_opt("offset", params.offset)
            .query_opt("region", params.region.map(RegionFilter::as_str))
            .query_opt("include_region", params.include_region.then_some(true));
        self.client.fetch(req).await
    }

    /// `POST /v3/subusers`: creates a subuser (SendGrid answers 200).
    pub async fn create(self, subuser: &CreateSubuser) -> Result<CreatedSubuser> {
        self.client.parent_only("subusers.create")?;
        subuser.validate()?;
        let req = self.client.req(Method::POST, &["subusers"]).json(subuser)?;
        self.client.fetch(req).await
    }

    /// `PATCH /v3/subusers/{name}` with `disabled: false` (204).
    pub async fn enable(self, username: &str) -> Result<()> {
        self.client.parent_only("subusers.enable")?;
        self.set_disabled(username, false).await
    }

    /// `PATCH /v3/subusers/{name}` with `disabled: true` (204).
    pub async fn disable(self, username: &str) -> Result<()> {
        self.client.parent_only("subusers.disable")?;
        self.set_disabled(username, true).await
    }

    /// `PATCH /v3/subusers/{name}`: enables (`false`) or disables (`true`) a subuser (204).
    pub async fn set_disabled(self, username: &str, disabled: bool) -> Result<()> {
        self.client.parent_only("subusers.set_disabled")?;
        validate::username("username", username)?;
        let req = self
            .client
            .req(Method::PATCH, &["subusers", username])
            .json(&DisabledBody { disabled })?;
        self.client.run(req).await
    }

    /// `DELETE /v3/subusers/{name}` (204).
    pub async fn delete(self, username: &str) -> Result<()> {
        self.client.parent_only("subusers.delete")?;
        validate::username("username", username)?;
        self.client
            .run(self.client.req(Method::DELETE, &["subusers", username]))
            .await
    }

    /// The ids of `usernames`, in order, each looked up with `GET /v3/subusers?username=`
    /// (8 at a time; the operations that name subusers by id need them). A username no subuser
    /// has is `invalid_input` naming `{field}[first + i]`, and the caller writes nothing.
    /// Callers check the usernames with [`validate::username`] before anything is sent.
    pub(crate) async fn ids(
        self,
        field: &str,
        first: usize,
        usernames: &[String],
    ) -> Result<Vec<u64>> {
        use futures_util::stream::{self, StreamExt, TryStreamExt};
        // Owned futures (no borrowing closures), so callers' futures stay `Send` for any
        // lifetime.
        let lookups: Vec<_> = usernames
            .iter()
            .enumerate()
            .map(|(i, u)| {
                id_of(
                    self.client.clone(),
                    format!("{field}[{}]", first + i),
                    u.clone(),
                )
            })
            .collect();
        stream::iter(lookups).buffered(8).try_collect().await
    }
}

/// The id of the subuser named `username`; `invalid_input` naming `field` when there is none.
async fn id_of(client: Client, field: String, username: String) -> Result<u64> {
    let found = client
        .subusers()
        .list(&ListSubusers {
            username: Some(username.clone()),
            ..Default::default()
        })
        .await?;
    found
        .iter()
        .find(|s| s.username == username)
        .map(|s| s.id)
        .ok_or_else(|| Error::invalid(field, format!("no subuser is named {username:?}")))
}
