//! `client.credits`: get, set, adjustRemaining.

use napi::bindgen_prelude::{Object, PromiseRaw};
use napi::Env;
use napi::Result;
use napi_derive::napi;
use sendgrid_admin::credits::{CreditType, ResetFrequency, SetCredits};

use crate::errors::{choice, settle, to_napi, unsigned, IntoNapi};
use crate::models::SubuserCredits;
use crate::resource;
use crate::strict::Strict;

resource!("Subuser email credits.", Credits);

/// The allocation for `credits.set`.
#[napi(object)]
pub struct SetCreditsOptions {
    /// "unlimited", "recurring" (needs resetFrequency and total) or "nonrecurring" (needs total).
    #[napi(
        js_name = "type",
        ts_type = "'unlimited' | 'recurring' | 'nonrecurring'"
    )]
    pub kind: String,
    /// "monthly", "weekly" or "daily".
    #[napi(ts_type = "'monthly' | 'weekly' | 'daily'")]
    pub reset_frequency: Option<String>,
    /// Credits per period, at least 1.
    pub total: Option<f64>,
}

#[napi]
impl Credits {
    /// A subuser's credits.
    #[napi]
    pub fn get<'e>(
        &self,
        env: &'e Env,
        username: String,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, SubuserCredits>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            this.client
                .credits()
                .get(&username)
                .await
                .map(Into::into)
                .into_napi()
        })
    }

    /// Replaces the allocation.
    #[napi]
    pub fn set<'e>(
        &self,
        env: &'e Env,
        username: String,
        #[napi(ts_arg_type = "SetCreditsOptions")] credits: Strict<SetCreditsOptions>,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, SubuserCredits>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            let credits = credits.checked()?;
            let kind = choice::<CreditType>("type", Some(credits.kind))?
                .ok_or_else(|| to_napi(sendgrid_admin::Error::invalid("type", "is required")))?;
            let s = SetCredits {
                r#type: kind,
                reset_frequency: choice::<ResetFrequency>(
                    "resetFrequency",
                    credits.reset_frequency,
                )?,
                total: unsigned("total", credits.total)?,
            };
            this.client
                .credits()
                .set(&username, &s)
                .await
                .map(Into::into)
                .into_napi()
        })
    }

    /// Adds (positive) or removes (negative) remaining credits.
    #[napi]
    pub fn adjust_remaining<'e>(
        &self,
        env: &'e Env,
        username: String,
        allocation_update: i64,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, SubuserCredits>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            this.client
                .credits()
                .adjust_remaining(&username, allocation_update)
                .await
                .map(Into::into)
                .into_napi()
        })
    }
}
