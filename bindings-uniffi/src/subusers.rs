//! `client.subusers()`: list, iter_all, create, enable, disable, delete.

use std::sync::Arc;

use sendgrid_admin::subusers::{CreateSubuser, CreatedSubuser, ListSubusers, Subuser};

use crate::errors::Result;
use crate::paging::SubuserPager;
use crate::resource;

resource!("Subuser administration.", Subusers);

#[uniffi::export(async_runtime = "tokio")]
impl Subusers {
    /// One page of subusers (`GET /v3/subusers`).
    pub async fn list(&self, params: ListSubusers) -> Result<Vec<Subuser>> {
        Ok(self.client.subusers().list(&params).await?)
    }

    /// Every subuser, one page (`params.limit`, default 100) at a time: call `next()` until null.
    pub fn iter_all(&self, params: ListSubusers) -> Arc<SubuserPager> {
        SubuserPager::new(self.client.subusers().list_all(params))
    }

    /// Creates a subuser (`POST /v3/subusers`).
    pub async fn create(&self, subuser: CreateSubuser) -> Result<CreatedSubuser> {
        Ok(self.client.subusers().create(&subuser).await?)
    }

    /// Enables a subuser.
    pub async fn enable(&self, username: String) -> Result<()> {
        Ok(self.client.subusers().enable(&username).await?)
    }

    /// Disables a subuser.
    pub async fn disable(&self, username: String) -> Result<()> {
        Ok(self.client.subusers().disable(&username).await?)
    }

    /// Deletes a subuser.
    pub async fn delete(&self, username: String) -> Result<()> {
        Ok(self.client.subusers().delete(&username).await?)
    }
}
