//! Subuser email credits.

use reqwest::Method;
use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::error::{Error, Result};
use crate::validate;

/// How a subuser's credits are allocated. A value SendGrid adds later decodes as `Other` (and is
/// refused as input).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum CreditType {
    /// No limit.
    Unlimited,
    /// `total` credits, reset every `reset_frequency`.
    Recurring,
    /// `total` credits, never reset.
    Nonrecurring,
    /// A value this version does not know, kept as sent.
    #[serde(untagged)]
    Other(String),
}

/// How often recurring credits reset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ResetFrequency {
    /// Every month.
    Monthly,
    /// Every week.
    Weekly,
    /// Every day.
    Daily,
}

/// A subuser's credits. Counts are `None` where SendGrid sends `null` (unlimited / nonrecurring).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(frozen, get_all, module = "sendgrid_admin")
)]
pub struct SubuserCredits {
    /// Allocation type.
    pub r#type: CreditType,
    /// Reset period, for recurring credits.
    #[serde(default)]
    pub reset_frequency: Option<ResetFrequency>,
    /// Credits left.
    #[serde(default, deserialize_with = "crate::de::opt_u64_lenient")]
    pub remain: Option<u64>,
    /// Credits per period.
    #[serde(default, deserialize_with = "crate::de::opt_u64_lenient")]
    pub total: Option<u64>,
    /// Credits used.
    #[serde(default, deserialize_with = "crate::de::opt_u64_lenient")]
    pub used: Option<u64>,
    /// Fields SendGrid sent that this version does not model, by name (empty when none).
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: crate::extra::Extra,
}

/// The body of [`Credits::set`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SetCredits {
    /// Allocation type.
    pub r#type: CreditType,
    /// Reset period: required for `recurring`, not allowed otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub reset_frequency: Option<ResetFrequency>,
    /// Credits per period, at least 1: required for `recurring` and `nonrecurring`, not allowed
    /// for `unlimited`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub total: Option<u64>,
}

impl SetCredits {
    /// Checks the combination of type, reset frequency and total.
    pub fn validate(&self) -> Result<()> {
        match (&self.r#type, self.reset_frequency, self.total) {
            (CreditType::Other(t), _, _) => Err(Error::invalid(
                "credits.type",
                format!("{t:?} is not a credit type; use unlimited, recurring or nonrecurring"),
            )),
            (_, _, Some(0)) => Err(Error::invalid("credits.total", "must be at least 1")),
            (CreditType::Unlimited, Some(_), _) | (CreditType::Nonrecurring, Some(_), _) => {
                Err(Error::invalid(
                    "credits.reset_frequency",
                    "is only allowed for recurring credits",
                ))
            }
            (CreditType::Unlimited, _, Some(_)) => Err(Error::invalid(
                "credits.total",
                "is not allowed for unlimited credits",
            )),
            (CreditType::Recurring, None, _) => Err(Error::invalid(
                "credits.reset_frequency",
                "is required for recurring credits (monthly, weekly or daily)",
            )),
            (CreditType::Recurring | CreditType::Nonrecurring, _, None) => Err(Error::invalid(
                "credits.total",
                "is required for recurring and nonrecurring credits",
            )),
            _ => Ok(()),
        }
    }
}

#[derive(Serialize)]
struct AllocationUpdate {
    allocation_update: i64,
}

/// Subuser credits; get it from [`Client::credits`].
#[derive(Debug, Clone, Copy)]
pub struct Credits<'a> {
    pub(crate) client: &'a Client,
}

impl Credits<'_> {
    /// `GET /v3/subusers/{name}/credits`.
    pub async fn get(self, username: &str) -> Result<SubuserCredits> {
        self.client.parent_only("credits.get")?;
        validate::username("username", username)?;
        self.client
            .fetch(
                self.client
                    .req(Method::GET, &["subusers", username, "credits"]),
            )
            .await
    }

    /// `PUT /v3/subusers/{name}/credits`: replaces the allocation.
    pub async fn set(self, username: &str, credits: &SetCredits) -> Result<SubuserCredits> {
        self.client.parent_only("credits.set")?;
        validate::username("username", username)?;
        credits.validate()?;
        let req = self
            .client
            .req(Method::PUT, &["subusers", username, "credits"])
            .json(credits)?;
        self.client.fetch(req).await
    }

    /// `PATCH /v3/subusers/{name}/credits/remaining`: adds (positive) or removes (negative)
    /// remaining credits.
    pub async fn adjust_remaining(
        &self,
        username: &str,
        allocation_update: i64,
    ) -> Result<SubuserCredits> {
        self.client.parent_only("credits.adjust_remaining")?;
        validate::username("username", username)?;
        if allocation_update == 0 {
            return Err(Error::invalid("allocation_update", "must not be 0"));
        }
        let req = self
            .client
            .req(
                Method::PATCH,
                &["subusers", username, "credits", "remaining"],
            )
            // It adds to the balance: a retry after a lost answer would add twice.
            .not_idempotent()
            .json(&AllocationUpdate { allocation_update })?;
        self.client.fetch(req).await
    }
}
