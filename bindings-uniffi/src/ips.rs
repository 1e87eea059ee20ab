//! `client.ips()`: set, list, subusersOf, iterSubusersOf, assign, unassign.

use std::sync::Arc;

use sendgrid_admin::ips::{IpAddress, IpSubusersPage, ListIpSubusers, ListIps, SubuserIps};

use crate::bulk::{chunk_outcomes, BulkChunkOutcome};
use crate::errors::Result;
use crate::paging::SubuserIdPager;
use crate::resource;

resource!(
    "The account's IPs and the subusers that send from them. Every call is parent-level.",
    Ips
);

#[uniffi::export(async_runtime = "tokio")]
impl Ips {
    /// Replaces the subuser's IPs.
    pub async fn set(&self, username: String, ips: Vec<String>) -> Result<SubuserIps> {
        Ok(self.client.ips().set(&username, &ips).await?)
    }

    /// One page of the account's IPs with their subusers (`subuser` gives one subuser's IPs).
    pub async fn list(&self, params: ListIps) -> Result<Vec<IpAddress>> {
        Ok(self.client.ips().list(&params).await?)
    }

    /// One page of the ids of the subusers `ip` is assigned to.
    pub async fn subusers_of(&self, ip: String, params: ListIpSubusers) -> Result<IpSubusersPage> {
        Ok(self.client.ips().subusers_of(&ip, &params).await?)
    }

    /// Every subuser id `ip` is assigned to, page after page.
    pub fn iter_subusers_of(&self, ip: String, params: ListIpSubusers) -> Arc<SubuserIdPager> {
        SubuserIdPager::new(self.client.ips().list_all_subusers_of(&ip, params))
    }

    /// Lets these subusers send from `ip`: usernames are looked up to ids, then sent 1000 per
    /// request. One outcome per chunk.
    pub async fn assign(
        &self,
        ip: String,
        usernames: Vec<String>,
    ) -> Result<Vec<BulkChunkOutcome>> {
        Ok(chunk_outcomes(
            self.client.ips().assign(&ip, &usernames).await?,
        ))
    }

    /// Stops these subusers sending from `ip`; chunked like `assign`.
    pub async fn unassign(
        &self,
        ip: String,
        usernames: Vec<String>,
    ) -> Result<Vec<BulkChunkOutcome>> {
        Ok(chunk_outcomes(
            self.client.ips().unassign(&ip, &usernames).await?,
        ))
    }
}
