//! `client.monitor`: get, create, update, delete.

use napi::bindgen_prelude::{Object, PromiseRaw};
use napi::Env;
use napi::Result;
use napi_derive::napi;
use sendgrid_admin::monitor::Monitor as CoreMonitor;

use crate::convert::Conv;
use crate::errors::{settle, unsigned, IntoNapi};
use crate::models::Monitor;
use crate::resource;

resource!("Subuser monitor settings.", MonitorSettings);

fn monitor(m: Monitor) -> Result<CoreMonitor> {
    Ok(CoreMonitor {
        email: m.email,
        frequency: unsigned("monitor.frequency", Some(m.frequency))?.unwrap_or(0),
        extra: m.extra.conv(),
    })
}

#[napi]
impl MonitorSettings {
    /// The subuser's monitor settings (code "not_found" when none).
    #[napi]
    pub fn get<'e>(
        &self,
        env: &'e Env,
        username: String,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, Monitor>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            this.client
                .monitor()
                .get(&username)
                .await
                .map(Into::into)
                .into_napi()
        })
    }

    /// Creates monitor settings (code "bad_request" when the subuser has some).
    #[napi]
    pub fn create<'e>(
        &self,
        env: &'e Env,
        username: String,
        monitor_settings: Monitor,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, Monitor>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            let m = monitor(monitor_settings)?;
            this.client
                .monitor()
                .create(&username, &m)
                .await
                .map(Into::into)
                .into_napi()
        })
    }

    /// Replaces monitor settings.
    #[napi]
    pub fn update<'e>(
        &self,
        env: &'e Env,
        username: String,
        monitor_settings: Monitor,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, Monitor>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            let m = monitor(monitor_settings)?;
            this.client
                .monitor()
                .update(&username, &m)
                .await
                .map(Into::into)
                .into_napi()
        })
    }

    /// Deletes monitor settings.
    #[napi]
    pub fn delete<'e>(
        &self,
        env: &'e Env,
        username: String,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, ()>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            this.client.monitor().delete(&username).await.into_napi()
        })
    }
}
