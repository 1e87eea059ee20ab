//! `client.scopes()`: list, list_access_requests, iter_access_requests, approve_access_request,
//! deny_access_request.

use std::sync::Arc;

use sendgrid_admin::scopes::{AccessRequest, ApprovedAccessRequest, ListAccessRequests};

use crate::errors::Result;
use crate::paging::AccessRequestPager;
use crate::resource;

resource!("Scopes and access requests.", Scopes);

#[uniffi::export(async_runtime = "tokio")]
impl Scopes {
    /// The scopes of the key (or of the on-behalf-of account).
    pub async fn list(&self) -> Result<Vec<String>> {
        Ok(self.client.scopes().list().await?)
    }

    /// One page of teammates' access requests.
    pub async fn list_access_requests(
        &self,
        params: ListAccessRequests,
    ) -> Result<Vec<AccessRequest>> {
        Ok(self.client.scopes().list_access_requests(&params).await?)
    }

    /// Every access request, `page_size` (default 100) at a time.
    pub fn iter_access_requests(&self, page_size: Option<u32>) -> Arc<AccessRequestPager> {
        AccessRequestPager::new(self.client.scopes().list_all_access_requests(page_size))
    }

    /// Approves an access request.
    pub async fn approve_access_request(&self, request_id: u64) -> Result<ApprovedAccessRequest> {
        Ok(self
            .client
            .scopes()
            .approve_access_request(request_id)
            .await?)
    }

    /// Denies an access request.
    pub async fn deny_access_request(&self, request_id: u64) -> Result<()> {
        Ok(self.client.scopes().deny_access_request(request_id).await?)
    }
}
