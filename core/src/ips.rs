//! IPs and subusers: the IPs a subuser may send from (`set`, `list`), and the subusers an IP
//! serves (`subusers_of`, `assign`, `unassign`). All parent-level: a client scoped with
//! on-behalf-of is refused before sending. The legacy IP API names subusers by username; IP
//! Address Management names them by id, so `assign`/`unassign` look the ids up first.

use futures_util::stream::BoxStream;
use reqwest::Method;
use serde::{Deserialize, Serialize};

use crate::bulk::{run, BulkItem, BulkOptions};
use crate::client::Client;
use crate::error::Result;
use crate::paging::cursor_pages;
use crate::stats::SortDirection;
use crate::validate;

/// The most subusers one `assign`/`unassign` request carries (SendGrid's limit); larger
/// inputs are sent in chunks of this size.
pub const MAX_SUBUSERS_PER_CALL: usize = 1000;
/// The largest page of [`Ips::subusers_of`].
pub const MAX_SUBUSERS_OF_PAGE: u32 = 100;
/// The largest page of [`Ips::list`] this client asks for (SendGrid documents no maximum).
pub const MAX_LIST_LIMIT: u32 = 500;

/// An IP of the parent account, as `GET /v3/ips` lists it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, get_all, module = "sendgrid_admin")
)]
pub struct IpAddress {
    /// The IPv4 address.
    #[serde(default, deserialize_with = "crate::de::string_or_default")]
    pub ip: String,
    /// Usernames of the subusers that may send from it.
    #[serde(default, deserialize_with = "crate::de::string_list")]
    pub subusers: Vec<String>,
    /// Its reverse DNS record, if any.
    #[serde(
        default,
        deserialize_with = "crate::de::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub rdns: Option<String>,
    /// The IP pools it is in.
    #[serde(default, deserialize_with = "crate::de::string_list")]
    pub pools: Vec<String>,
    /// Whether it is warming up.
    #[serde(default, deserialize_with = "crate::de::null_default")]
    pub warmup: bool,
    /// When warmup started (epoch seconds; a fractional value is truncated).
    #[serde(default, deserialize_with = "crate::de::opt_i64_number")]
    pub start_date: Option<i64>,
    /// Whether it has a reverse DNS record.
    #[serde(default, deserialize_with = "crate::de::null_default")]
    pub whitelabeled: bool,
    /// When it was assigned to the account (epoch seconds).
    #[serde(default, deserialize_with = "crate::de::opt_i64_number")]
    pub assigned_at: Option<i64>,
    /// Fields SendGrid sent that this version does not model, by name (empty when none).
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: crate::extra::Extra,
}

/// Filters and page of [`Ips::list`]. All optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ListIps {
    /// Only the IPs this subuser (username) may send from.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub subuser: Option<String>,
    /// Only this IP.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub ip: Option<String>,
    /// Leave out IPs with a reverse DNS record.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub exclude_whitelabels: Option<bool>,
    /// Page size, 1-500 (SendGrid's default is 10).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub limit: Option<u32>,
    /// IPs to skip.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub offset: Option<u32>,
    /// Sort order.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub sort_by_direction: Option<SortDirection>,
}

/// Where a listing of an IP's subusers starts and how long its page is.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ListIpSubusers {
    /// The cursor from the previous page's `next_after` (SendGrid's `after_key`).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub after: Option<String>,
    /// Page size, 1-100.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub limit: Option<u32>,
}

/// One page of the subusers an IP is assigned to.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "IpSubusersWire")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, get_all, module = "sendgrid_admin")
)]
pub struct IpSubusersPage {
    /// Subuser ids, as SendGrid sends them (numeric strings such as `"12345"`).
    pub subuser_ids: Vec<String>,
    /// The cursor of the next page (`_metadata.next_params.after_key`): pass it as `after`;
    /// `None` on the last page.
    pub next_after: Option<String>,
}

#[derive(Deserialize)]
struct IpSubusersWire {
    #[serde(default, deserialize_with = "crate::de::string_list")]
    result: Vec<String>,
    #[serde(default, rename = "_metadata")]
    metadata: Option<NextParamsWire>,
}

#[derive(Deserialize, Default)]
struct NextParamsWire {
    #[serde(default)]
    next_params: Option<AfterKeyWire>,
}

#[derive(Deserialize, Default)]
struct AfterKeyWire {
    /// A string in answers, an integer as a parameter: both read.
    #[serde(default)]
    after_key: Option<serde_json::Value>,
}

impl From<IpSubusersWire> for IpSubusersPage {
    fn from(w: IpSubusersWire) -> Self {
        let next_after = w
            .metadata
            .and_then(|m| m.next_params)
            .and_then(|p| p.after_key)
            .and_then(|v| match v {
                serde_json::Value::String(s) => Some(s),
                serde_json::Value::Number(n) => Some(n.to_string()),
                _ => None,
            })
            .filter(|s| !s.is_empty());
        IpSubusersPage {
            subuser_ids: w.result,
            next_after,
        }
    }
}

#[derive(Serialize)]
struct BatchBody<'a> {
    subusers: &'a [String],
}

/// The IPs a subuser may send from.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, get_all, module = "sendgrid_admin")
)]
pub struct SubuserIps {
    /// IPv4 addresses.
    #[serde(default, deserialize_with = "crate::de::null_default")]
    pub ips: Vec<String>,
    /// Fields SendGrid sent that this version does not model, by name (empty when none).
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: crate::extra::Extra,
}

/// Subuser IP assignment; get it from [`Client::ips`].
#[derive(Debug, Clone, Copy)]
pub struct Ips<'a> {
    pub(crate) client: &'a Client,
}

impl Ips<'_> {
    /// `GET /v3/ips`: one page of the account's IPs, with the subusers each serves. With
    /// `subuser`, the IPs that subuser may send from (the only way to read them back).
    pub async fn list(self, params: &ListIps) -> Result<Vec<IpAddress>> {
        self.client.parent_only("ips.list")?;
        if let Some(u) = &params.subuser {
            validate::username("subuser", u)?;
        }
        if let Some(ip) = &params.ip {
            validate::ipv4("ip", ip)?;
        }
        validate::range("limit", params.limit, 1, MAX_LIST_LIMIT)?;
        let req = self
            .client
            .req(Method::GET, &["ips"])
            .query_opt("ip", params.ip.as_deref())
            .query_opt("subuser", params.subuser.as_deref())
            .query_opt("exclude_whitelabels", params.exclude_whitelabels)
            .query_opt("limit", params.limit)
            .query_opt("offset", params.offset)
            .query_opt(
                "sort_by_direction",
                params.sort_by_direction.map(SortDirection::as_str),
            );
        self.client.fetch(req).await
    }

    /// `GET /v3/send_ips/ips/{ip}/subusers`: one page of the ids of the subusers `ip` is
    /// assigned to. Follow `next_after` for the next page.
    pub async fn subusers_of(self, ip: &str, params: &ListIpSubusers) -> Result<IpSubusersPage> {
        self.client.parent_only("ips.subusers_of")?;
        validate::ipv4("ip", ip)?;
        validate::range("limit", params.limit, 1, MAX_SUBUSERS_OF_PAGE)?;
        let req = self
            .client
            .req(Method::GET, &["send_ips", "ips", ip, "subusers"])
            .query_opt("after_key", params.after.as_deref())
            .query_opt("limit", params.limit);
        self.client.fetch(req).await
    }

    /// Every subuser id `ip` is assigned to, page after page (`limit`, default 100), until a
    /// page has no cursor, an unchanged one, or no ids.
    pub fn list_all_subusers_of(
        self,
        ip: &str,
        params: ListIpSubusers,
    ) -> BoxStream<'static, Result<String>> {
        let client = self.client.clone();
        let ip = ip.to_string();
        let limit = params.limit.or(Some(MAX_SUBUSERS_OF_PAGE));
        cursor_pages(params.after, move |after| {
            let client = client.clone();
            let ip = ip.clone();
            let p = ListIpSubusers { after, limit };
            async move {
                let page = client.ips().subusers_of(&ip, &p).await?;
                Ok((page.subuser_ids, page.next_after))
            }
        })
    }

    /// `POST /v3/send_ips/ips/{ip}/subusers:batchAdd`: lets these subusers send from `ip`.
    /// Usernames are looked up to ids first (an unknown one fails its chunk before anything
    /// is written); then up to 1000 per request, each request all-or-nothing. One outcome per
    /// chunk, in order: its usernames and the error, if it failed.
    pub async fn assign(
        self,
        ip: &str,
        usernames: &[String],
    ) -> Result<Vec<BulkItem<Vec<String>, ()>>> {
        self.batch("ips.assign", "subusers:batchAdd", ip, usernames)
            .await
    }

    /// `POST /v3/send_ips/ips/{ip}/subusers:batchDelete` (204): stops these subusers sending
    /// from `ip`; chunked and looked up as [`Ips::assign`] is.
    pub async fn unassign(
        self,
        ip: &str,
        usernames: &[String],
    ) -> Result<Vec<BulkItem<Vec<String>, ()>>> {
        self.batch("ips.unassign", "subusers:batchDelete", ip, usernames)
            .await
    }

    async fn batch(
        self,
        op: &str,
        action: &'static str,
        ip: &str,
        usernames: &[String],
    ) -> Result<Vec<BulkItem<Vec<String>, ()>>> {
        self.client.parent_only(op)?;
        validate::ipv4("ip", ip)?;
        if usernames.is_empty() {
            return Err(crate::Error::invalid(
                "usernames",
                "is empty; name at least one subuser",
            ));
        }
        validate::usernames("usernames", usernames, 1, usernames.len())?;
        let chunks: Vec<(usize, Vec<String>)> = usernames
            .chunks(MAX_SUBUSERS_PER_CALL)
            .enumerate()
            .map(|(i, c)| (i * MAX_SUBUSERS_PER_CALL, c.to_vec()))
            .collect();
        let client = self.client;
        let sequential = BulkOptions {
            concurrency: 1,
            progress: None,
        };
        let done = run(chunks, &sequential, |(first, names)| async move {
            let ids: Vec<String> = client
                .subusers()
                .ids("usernames", first, &names)
                .await?
                .into_iter()
                .map(|id| id.to_string())
                .collect();
            let req = client
                .req(Method::POST, &["send_ips", "ips", ip, action])
                .json(&BatchBody { subusers: &ids })?;
            client.run(req).await
        })
        .await;
        Ok(done
            .into_iter()
            .map(|b| BulkItem {
                item: b.item.1,
                result: b.result,
            })
            .collect())
    }

    /// `PUT /v3/subusers/{name}/ips`: replaces the subuser's IPs (the body is a bare JSON array).
    pub async fn set(self, username: &str, ips: &[String]) -> Result<SubuserIps> {
        self.client.parent_only("ips.set")?;
        validate::username("username", username)?;
        validate::ipv4_list("ips", ips)?;
        let req = self
            .client
            .req(Method::PUT, &["subusers", username, "ips"])
            .json(ips)?;
        self.client.fetch(req).await
    }
}
