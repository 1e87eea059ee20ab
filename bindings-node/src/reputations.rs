//! `client.reputations`: sender reputations of subusers.

use napi::Result;
use napi_derive::napi;

use crate::errors::IntoNapi;
use crate::models::{all, Reputation};
use crate::resource;

resource!("Subuser reputations.", Reputations);

#[napi]
impl Reputations {
    /// Reputations of 1-100 subusers (one request, repeated `usernames=`).
    #[napi]
    pub async fn list(&self, usernames: Vec<String>) -> Result<Vec<Reputation>> {
        self.client
            .reputations()
            .list(&usernames)
            .await
            .map(all)
            .into_napi()
    }
}
