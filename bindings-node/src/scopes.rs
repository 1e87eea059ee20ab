//! `client.scopes`: list, listAccessRequests, iterAccessRequests, approveAccessRequest,
//! denyAccessRequest.

use napi::bindgen_prelude::{Object, PromiseRaw};
use napi::Env;
use napi::Result;
use napi_derive::napi;
use sendgrid_admin::scopes::ListAccessRequests;

use crate::errors::{settle, thrown, unsigned, IntoNapi};
use crate::models::{all, AccessRequest, ApprovedAccessRequest};
use crate::paging::{AccessRequestPager, IterOptions};
use crate::resource;
use crate::strict::{CheckedOption, Strict};
use crate::teammates::PageOptions;

resource!("Scopes and access requests.", Scopes);

fn id(v: f64) -> Result<u64> {
    unsigned("requestId", Some(v)).map(|x| x.unwrap_or(0))
}

#[napi]
impl Scopes {
    /// The scopes of the key (or of the on-behalf-of account).
    #[napi]
    pub fn list<'e>(
        &self,
        env: &'e Env,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, Vec<String>>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            this.client.scopes().list().await.into_napi()
        })
    }

    /// One page of teammates' access requests.
    #[napi]
    pub fn list_access_requests<'e>(
        &self,
        env: &'e Env,
        #[napi(ts_arg_type = "PageOptions")] options: Option<Strict<PageOptions>>,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, Vec<AccessRequest>>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            let options = options.checked()?;
            let o = options.unwrap_or_default();
            let p = ListAccessRequests {
                limit: unsigned("limit", o.limit)?,
                offset: unsigned("offset", o.offset)?,
            };
            this.client
                .scopes()
                .list_access_requests(&p)
                .await
                .map(all)
                .into_napi()
        })
    }

    /// Every access request, `pageSize` (default 100) at a time.
    #[napi]
    pub fn iter_access_requests(
        &self,
        env: &Env,
        #[napi(ts_arg_type = "IterOptions")] options: Option<Strict<IterOptions>>,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<AccessRequestPager> {
        thrown(env, || {
            let this = self.for_call(env, call)?;
            let options = options.checked()?;
            let size = unsigned("pageSize", options.unwrap_or_default().page_size)?;
            Ok(AccessRequestPager::new(
                this.client.scopes().list_all_access_requests(size),
            ))
        })
    }

    /// Approves an access request.
    #[napi]
    pub fn approve_access_request<'e>(
        &self,
        env: &'e Env,
        request_id: f64,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, ApprovedAccessRequest>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            let id = id(request_id)?;
            this.client
                .scopes()
                .approve_access_request(id)
                .await
                .map(Into::into)
                .into_napi()
        })
    }

    /// Denies an access request.
    #[napi]
    pub fn deny_access_request<'e>(
        &self,
        env: &'e Env,
        request_id: f64,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, ()>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            let id = id(request_id)?;
            this.client
                .scopes()
                .deny_access_request(id)
                .await
                .into_napi()
        })
    }
}
