//! `client.scopes`: list, listAccessRequests, iterAccessRequests, approveAccessRequest,
//! denyAccessRequest.

use napi::Result;
use napi_derive::napi;
use sendgrid_admin::scopes::ListAccessRequests;

use crate::errors::{unsigned, IntoNapi};
use crate::models::{all, AccessRequest, ApprovedAccessRequest};
use crate::paging::AccessRequestPager;
use crate::resource;
use crate::teammates::PageOptions;

resource!("Scopes and access requests.", Scopes);

fn id(v: f64) -> Result<u64> {
    unsigned("requestId", Some(v)).map(|x| x.unwrap_or(0))
}

#[napi]
impl Scopes {
    /// The scopes of the key (or of the on-behalf-of account).
    #[napi]
    pub async fn list(&self) -> Result<Vec<String>> {
        self.client.scopes().list().await.into_napi()
    }

    /// One page of teammates' access requests.
    #[napi]
    pub async fn list_access_requests(
        &self,
        options: Option<PageOptions>,
    ) -> Result<Vec<AccessRequest>> {
        let o = options.unwrap_or_default();
        let p = ListAccessRequests {
            limit: unsigned("limit", o.limit)?,
            offset: unsigned("offset", o.offset)?,
        };
        self.client
            .scopes()
            .list_access_requests(&p)
            .await
            .map(all)
            .into_napi()
    }

    /// Every access request, `pageSize` (default 100) at a time.
    #[napi]
    pub fn iter_access_requests(&self, page_size: Option<f64>) -> Result<AccessRequestPager> {
        Ok(AccessRequestPager::new(
            self.client
                .scopes()
                .list_all_access_requests(unsigned("pageSize", page_size)?),
        ))
    }

    /// Approves an access request.
    #[napi]
    pub async fn approve_access_request(&self, request_id: f64) -> Result<ApprovedAccessRequest> {
        let id = id(request_id)?;
        self.client
            .scopes()
            .approve_access_request(id)
            .await
            .map(Into::into)
            .into_napi()
    }

    /// Denies an access request.
    #[napi]
    pub async fn deny_access_request(&self, request_id: f64) -> Result<()> {
        let id = id(request_id)?;
        self.client
            .scopes()
            .deny_access_request(id)
            .await
            .into_napi()
    }
}
