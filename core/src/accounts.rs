//! Customer accounts (Twilio SendGrid account provisioning, for resellers): the accounts a
//! partner key manages, their offerings, state, single sign-on and dedicated IPs. Every call is
//! parent-level: a client scoped with on-behalf-of is refused before sending. A client acts as
//! one of these accounts with `on_behalf_of(OnBehalfOf::account(id))`; an EU account needs a
//! client built for `Region::Eu` (SendGrid asks for the account's regional host).

use futures_util::stream::BoxStream;
use reqwest::Method;
use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::error::{Error, Result};
use crate::paging::cursor_pages;
use crate::validate;

/// The most accounts one page can hold.
pub const MAX_ACCOUNTS_PAGE: u32 = 100;
/// The most IPs one page of an account's IPs can hold.
pub const MAX_IPS_PAGE: u32 = 5000;
/// The most IPs added or removed in one call.
pub const MAX_IPS_PER_CALL: usize = 10;

/// A customer account as listed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, get_all, module = "sendgrid_admin")
)]
pub struct Account {
    /// The account id (e.g. `sg2a2bcd3ef4ab5c67d8efab91c01de2fa`): what on-behalf-of names.
    pub id: String,
    /// When it was created (RFC 3339).
    #[serde(default)]
    pub created_at: String,
    /// Fields SendGrid sent that this version does not model, by name (empty when none).
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: crate::extra::Extra,
}

/// Where a listing of accounts starts and how long its page is.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ListAccounts {
    /// The last account id already seen (SendGrid's `offset`); `None` starts at the first.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub after: Option<String>,
    /// Page size, 1-100 (SendGrid's default is 10).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub limit: Option<u32>,
}

/// One page of accounts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, get_all, module = "sendgrid_admin")
)]
pub struct AccountPage {
    /// The accounts on this page.
    #[serde(default, deserialize_with = "crate::de::null_default")]
    pub accounts: Vec<Account>,
    /// The cursor of the next page (`pages.last` on the wire): pass it as `after`.
    #[serde(
        default,
        rename(deserialize = "pages"),
        deserialize_with = "pages::deserialize"
    )]
    pub next_after: Option<String>,
}

/// A package or add-on of an account (`org.ei.free.v1`, ...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, get_all, module = "sendgrid_admin")
)]
pub struct Offering {
    /// The offering's name, e.g. `"org.ei.free.v1"`.
    pub name: String,
    /// `package` (exactly one per account) or `addon`.
    pub r#type: OfferingType,
    /// How many (a package's is 1).
    #[serde(
        default,
        deserialize_with = "crate::de::opt_i64_number",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub quantity: Option<i64>,
    /// Fields SendGrid sent that this version does not model, by name (empty when none).
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: crate::extra::Extra,
}

/// The kind of an offering.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "lowercase")]
pub enum OfferingType {
    /// The account's plan; an account has exactly one.
    Package,
    /// Marketing Campaigns, dedicated IPs, Expert Services, ...
    Addon,
    /// A value this version does not know, kept as sent.
    #[serde(untagged)]
    Other(String),
}

/// A new customer account.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CreateAccount {
    /// Contact details of the account (all optional). A profile with no field set is left out
    /// of the request, as no profile is, in every language.
    #[serde(default, skip_serializing_if = "AccountProfile::is_unset")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub profile: Option<AccountProfile>,
    /// Its offerings: exactly one package (quantity 1), any add-ons.
    pub offerings: Vec<Offering>,
    /// Create a test account (SendGrid's `T-Test-Account` header), for partners' own tests.
    #[serde(skip)]
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub test_account: bool,
}

impl std::fmt::Debug for CreateAccount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreateAccount")
            .field("offerings", &self.offerings)
            .field("test_account", &self.test_account)
            .finish_non_exhaustive()
    }
}

/// A customer account's contact details.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AccountProfile {
    /// First name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub first_name: Option<String>,
    /// Last name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub last_name: Option<String>,
    /// Company name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub company_name: Option<String>,
    /// Company website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub company_website: Option<String>,
    /// Contact email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub email: Option<String>,
    /// Phone, E.164 (`+` and at most 15 digits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub phone: Option<String>,
    /// IANA time zone, e.g. `"Europe/Paris"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub timezone: Option<String>,
}

impl AccountProfile {
    /// No profile, or one with no field set: what the request leaves out.
    pub fn is_unset(profile: &Option<AccountProfile>) -> bool {
        profile
            .as_ref()
            .is_none_or(|p| *p == AccountProfile::default())
    }
}

/// The answer to creating an account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, get_all, module = "sendgrid_admin")
)]
pub struct CreatedAccount {
    /// The new account's id.
    pub account_id: String,
    /// Fields SendGrid sent that this version does not model, by name (empty when none).
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: crate::extra::Extra,
}

/// An offering of the partner's catalog and what it entitles an account to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, get_all, module = "sendgrid_admin")
)]
pub struct CatalogEntry {
    /// The offering.
    pub offering: Offering,
    /// Its limits.
    #[serde(default)]
    pub entitlements: Entitlements,
    /// Fields SendGrid sent that this version does not model, by name (empty when none).
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: crate::extra::Extra,
}

/// The limits an offering gives (absent when SendGrid does not say).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, get_all, module = "sendgrid_admin")
)]
pub struct Entitlements {
    /// Emails per month.
    #[serde(
        default,
        deserialize_with = "crate::de::opt_i64_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub email_sends_max_monthly: Option<i64>,
    /// Dedicated IPs.
    #[serde(
        default,
        deserialize_with = "crate::de::opt_i64_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub ip_count: Option<i64>,
    /// Teammates.
    #[serde(
        default,
        deserialize_with = "crate::de::opt_i64_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub teammates_max_total: Option<i64>,
    /// Users.
    #[serde(
        default,
        deserialize_with = "crate::de::opt_i64_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub users_max_total: Option<i64>,
    /// Fields SendGrid sent that this version does not model, by name (empty when none).
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: crate::extra::Extra,
}

/// An account's state as read. A value SendGrid adds later decodes as `Other`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "lowercase")]
pub enum AccountState {
    /// Active.
    Activated,
    /// Deactivated by the partner.
    Deactivated,
    /// Suspended by SendGrid.
    Suspended,
    /// Banned by SendGrid.
    Banned,
    /// SendGrid cannot say.
    Indeterminate,
    /// A value this version does not know, kept as sent.
    #[serde(untagged)]
    Other(String),
}

/// The states a partner can set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "lowercase")]
pub enum NewAccountState {
    /// Reactivates the account.
    Activated,
    /// Deactivates it (it can no longer send).
    Deactivated,
}

/// A dedicated IP of an account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, get_all, module = "sendgrid_admin")
)]
pub struct AccountIp {
    /// IPv4 address.
    pub ip: String,
    /// `"us"` or `"eu"`.
    #[serde(default)]
    pub region: String,
    /// Fields SendGrid sent that this version does not model, by name (empty when none).
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: crate::extra::Extra,
}

/// Where a listing of an account's IPs starts and how long its page is.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ListAccountIps {
    /// The last IP already seen (SendGrid's `offset`); `None` starts at the newest.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub after: Option<String>,
    /// Page size, 1-5000 (SendGrid's default is 10).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub limit: Option<u32>,
}

/// One page of an account's IPs, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, get_all, module = "sendgrid_admin")
)]
pub struct AccountIpPage {
    /// The IPs on this page.
    #[serde(
        rename(deserialize = "result"),
        default,
        deserialize_with = "crate::de::null_default"
    )]
    pub ips: Vec<AccountIp>,
    /// The cursor of the next page (`pages.last` on the wire): pass it as `after`.
    #[serde(
        default,
        rename(deserialize = "pages"),
        deserialize_with = "pages::deserialize"
    )]
    pub next_after: Option<String>,
}

/// The region of new dedicated IPs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "lowercase")]
pub enum IpRegion {
    /// United States.
    Us,
    /// European Union.
    Eu,
}

/// The answer to adding IPs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, get_all, module = "sendgrid_admin")
)]
pub struct AddedIps {
    /// The new IPv4 addresses.
    #[serde(default, deserialize_with = "crate::de::null_default")]
    pub ips: Vec<String>,
    /// Their region, `"us"` or `"eu"`.
    #[serde(default)]
    pub region: String,
    /// Fields SendGrid sent that this version does not model, by name (empty when none).
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: crate::extra::Extra,
}

/// `pages: {last}` on the wire, the next cursor in the models (which serialise it as
/// `next_after`, the name every binding shows).
mod pages {
    use serde::{Deserialize, Deserializer};

    #[derive(Deserialize, Default)]
    struct Pages {
        #[serde(default)]
        last: Option<String>,
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        let p = Option::<Pages>::deserialize(d)?.unwrap_or_default();
        Ok(p.last.filter(|s| !s.is_empty()))
    }
}

/// Customer accounts; get it from [`Client::accounts`].
#[derive(Debug, Clone, Copy)]
pub struct Accounts<'a> {
    pub(crate) client: &'a Client,
}

/// Exactly one package, whose quantity is 1 (or left out); names non-empty; quantities ≥ 1.
pub fn check_offerings(field: &str, offerings: &[Offering]) -> Result<()> {
    let mut packages = 0;
    for (i, o) in offerings.iter().enumerate() {
        if o.name.trim().is_empty() {
            return Err(Error::invalid(format!("{field}[{i}].name"), "is empty"));
        }
        match (&o.r#type, o.quantity) {
            (OfferingType::Package, Some(q)) if q != 1 => {
                return Err(Error::invalid(
                    format!("{field}[{i}].quantity"),
                    format!("a package's quantity must be 1, not {q}"),
                ))
            }
            (OfferingType::Package, _) => packages += 1,
            (OfferingType::Other(t), _) => {
                return Err(Error::invalid(
                    format!("{field}[{i}].type"),
                    format!("{t:?} is not an offering type; use package or addon"),
                ))
            }
            (OfferingType::Addon, Some(q)) if q < 1 => {
                return Err(Error::invalid(
                    format!("{field}[{i}].quantity"),
                    format!("must be at least 1, not {q}"),
                ))
            }
            (OfferingType::Addon, _) => {}
        }
    }
    if packages != 1 {
        return Err(Error::invalid(
            field,
            format!("an account has exactly one package; {packages} given"),
        ));
    }
    Ok(())
}

fn ips_1_to_10(ips: &[String]) -> Result<()> {
    if ips.is_empty() || ips.len() > MAX_IPS_PER_CALL {
        return Err(Error::invalid(
            "ips",
            format!("1-{MAX_IPS_PER_CALL} IPs per call; {} given", ips.len()),
        ));
    }
    validate::ipv4_list("ips", ips)
}

#[derive(Serialize, Deserialize)]
struct OfferingsBody {
    #[serde(default, deserialize_with = "crate::de::null_default")]
    offerings: Vec<Offering>,
}

#[derive(Deserialize)]
struct CatalogBody {
    #[serde(default, deserialize_with = "crate::de::null_default")]
    catalog: Vec<CatalogEntry>,
}

#[derive(Serialize, Deserialize)]
struct StateBody<S> {
    state: S,
}

impl Accounts<'_> {
    fn parent(&self, op: &str) -> Result<()> {
        self.client.parent_only(op)
    }

    /// `GET /v3/partners/accounts`: one page of customer accounts.
    pub async fn list(self, params: &ListAccounts) -> Result<AccountPage> {
        self.parent("accounts.list")?;
        validate::range("limit", params.limit, 1, MAX_ACCOUNTS_PAGE)?;
        let req = self
            .client
            .req(Method::GET, &["partners", "accounts"])
            .query_opt("offset", params.after.as_deref())
            .query_opt("limit", params.limit);
        self.client.fetch(req).await
    }

    /// Every customer account, one page at a time (`limit` is the page size, default 100),
    /// until a page has no cursor, an unchanged one, or no accounts.
    pub fn list_all(self, params: ListAccounts) -> BoxStream<'static, Result<Account>> {
        let client = self.client.clone();
        let limit = params.limit.or(Some(MAX_ACCOUNTS_PAGE));
        cursor_pages(params.after, move |after| {
            let client = client.clone();
            let p = ListAccounts { after, limit };
            async move {
                let page = client.accounts().list(&p).await?;
                Ok((page.accounts, page.next_after))
            }
        })
    }

    /// `POST /v3/partners/accounts`: creates a customer account (201).
    pub async fn create(self, account: &CreateAccount) -> Result<CreatedAccount> {
        self.parent("accounts.create")?;
        check_offerings("offerings", &account.offerings)?;
        if let Some(email) = account.profile.as_ref().and_then(|p| p.email.as_deref()) {
            validate::email("profile.email", email)?;
        }
        if let Some(phone) = account.profile.as_ref().and_then(|p| p.phone.as_deref()) {
            let digits = phone.strip_prefix('+').unwrap_or(phone);
            if digits.is_empty() || digits.len() > 15 || !digits.bytes().all(|b| b.is_ascii_digit())
            {
                return Err(Error::invalid(
                    "profile.phone",
                    "must be E.164: an optional + and 1-15 digits",
                ));
            }
        }
        let mut req = self
            .client
            .req(Method::POST, &["partners", "accounts"])
            .json(account)?;
        if account.test_account {
            req = req.header("T-Test-Account", "true");
        }
        self.client.fetch(req).await
    }

    /// `DELETE /v3/partners/accounts/{id}` (204). **Irreversible**: SendGrid revokes the
    /// account's API keys and single sign-on, removes its offerings and dedicated IPs, and
    /// cancels its billing at once.
    pub async fn delete(self, account_id_: &str) -> Result<()> {
        self.parent("accounts.delete")?;
        validate::account_id("account_id", account_id_)?;
        let req = self
            .client
            .req(Method::DELETE, &["partners", "accounts", account_id_]);
        self.client.run(req).await
    }

    /// `GET …/{id}/offerings`: the account's offerings.
    pub async fn offerings(self, account_id_: &str) -> Result<Vec<Offering>> {
        self.parent("accounts.offerings")?;
        validate::account_id("account_id", account_id_)?;
        let req = self.client.req(
            Method::GET,
            &["partners", "accounts", account_id_, "offerings"],
        );
        Ok(self.client.fetch::<OfferingsBody>(req).await?.offerings)
    }

    /// `PUT …/{id}/offerings`: replaces the account's offerings (exactly one package, quantity
    /// 1); returns them as SendGrid now has them.
    pub async fn set_offerings(
        self,
        account_id_: &str,
        offerings: &[Offering],
    ) -> Result<Vec<Offering>> {
        self.parent("accounts.set_offerings")?;
        validate::account_id("account_id", account_id_)?;
        check_offerings("offerings", offerings)?;
        let req = self
            .client
            .req(
                Method::PUT,
                &["partners", "accounts", account_id_, "offerings"],
            )
            .json(&OfferingsBody {
                offerings: offerings.to_vec(),
            })?;
        Ok(self.client.fetch::<OfferingsBody>(req).await?.offerings)
    }

    /// `GET /v3/partners/offerings`: the partner's catalog.
    pub async fn catalog(self) -> Result<Vec<CatalogEntry>> {
        self.parent("accounts.catalog")?;
        let req = self.client.req(Method::GET, &["partners", "offerings"]);
        Ok(self.client.fetch::<CatalogBody>(req).await?.catalog)
    }

    /// `GET …/{id}/state`.
    pub async fn state(self, account_id_: &str) -> Result<AccountState> {
        self.parent("accounts.state")?;
        validate::account_id("account_id", account_id_)?;
        let req = self
            .client
            .req(Method::GET, &["partners", "accounts", account_id_, "state"]);
        Ok(self
            .client
            .fetch::<StateBody<AccountState>>(req)
            .await?
            .state)
    }

    /// `PUT …/{id}/state` (204): activates or deactivates the account.
    pub async fn set_state(self, account_id_: &str, state: NewAccountState) -> Result<()> {
        self.parent("accounts.set_state")?;
        validate::account_id("account_id", account_id_)?;
        let req = self
            .client
            .req(Method::PUT, &["partners", "accounts", account_id_, "state"])
            .json(&StateBody { state })?;
        self.client.run(req).await
    }

    /// `POST …/{id}/sso`: a single sign-on link into the account's console. SendGrid answers
    /// `303 See Other`; the link (its `Location`) is returned, never followed, and the call is
    /// never repeated. Empty if the answer carries no `Location` (SendGrid's spec declares
    /// none, so such an answer is not an error).
    pub async fn sso_login(self, account_id_: &str) -> Result<String> {
        self.parent("accounts.sso_login")?;
        validate::account_id("account_id", account_id_)?;
        let req = self
            .client
            .req(Method::POST, &["partners", "accounts", account_id_, "sso"]);
        self.client.fetch_location(req).await
    }

    /// `GET …/{id}/ips`: one page of the account's dedicated IPs, newest first.
    pub async fn ips(self, account_id_: &str, params: &ListAccountIps) -> Result<AccountIpPage> {
        self.parent("accounts.ips")?;
        validate::account_id("account_id", account_id_)?;
        validate::range("limit", params.limit, 1, MAX_IPS_PAGE)?;
        if let Some(after) = &params.after {
            validate::ipv4_list("after", std::slice::from_ref(after))?;
        }
        let req = self
            .client
            .req(Method::GET, &["partners", "accounts", account_id_, "ips"])
            .query_opt("offset", params.after.as_deref())
            .query_opt("limit", params.limit);
        self.client.fetch(req).await
    }

    /// Every dedicated IP of the account, one page at a time (`limit`, default 100).
    pub fn list_all_ips(
        self,
        account_id_: &str,
        params: ListAccountIps,
    ) -> BoxStream<'static, Result<AccountIp>> {
        let client = self.client.clone();
        let id = account_id_.to_string();
        let limit = params.limit.or(Some(crate::paging::DEFAULT_PAGE_SIZE));
        cursor_pages(params.after, move |after| {
            let client = client.clone();
            let id = id.clone();
            let p = ListAccountIps { after, limit };
            async move {
                let page = client.accounts().ips(&id, &p).await?;
                Ok((page.ips, page.next_after))
            }
        })
    }

    /// `POST …/{id}/ips` (201): adds `count` (1-10) dedicated IPs in `region`.
    pub async fn add_ips(
        self,
        account_id_: &str,
        count: u32,
        region: IpRegion,
    ) -> Result<AddedIps> {
        self.parent("accounts.add_ips")?;
        validate::account_id("account_id", account_id_)?;
        validate::range("count", Some(count), 1, MAX_IPS_PER_CALL as u32)?;
        let req = self
            .client
            .req(Method::POST, &["partners", "accounts", account_id_, "ips"])
            .json(&serde_json::json!({ "count": count, "region": region }))?;
        self.client.fetch(req).await
    }

    /// `DELETE …/{id}/ips` with a JSON body (204): removes 1-10 of the account's IPs.
    pub async fn remove_ips(self, account_id_: &str, ips: &[String]) -> Result<()> {
        self.parent("accounts.remove_ips")?;
        validate::account_id("account_id", account_id_)?;
        ips_1_to_10(ips)?;
        let req = self
            .client
            .req(
                Method::DELETE,
                &["partners", "accounts", account_id_, "ips"],
            )
            .json(&serde_json::json!({ "ips": ips }))?;
        self.client.run(req).await
    }
}
