//! `client.credits()`: get, set, adjust_remaining.

use sendgrid_admin::credits::{SetCredits, SubuserCredits};

use crate::errors::Result;
use crate::resource;

resource!("Subuser email credits.", Credits);

#[uniffi::export(async_runtime = "tokio")]
impl Credits {
    /// A subuser's credits.
    pub async fn get(&self, username: String) -> Result<SubuserCredits> {
        Ok(self.client.credits().get(&username).await?)
    }

    /// Replaces the allocation.
    pub async fn set(&self, username: String, credits: SetCredits) -> Result<SubuserCredits> {
        Ok(self.client.credits().set(&username, &credits).await?)
    }

    /// Adds (positive) or removes (negative) remaining credits.
    pub async fn adjust_remaining(
        &self,
        username: String,
        allocation_update: i64,
    ) -> Result<SubuserCredits> {
        Ok(self
            .client
            .credits()
            .adjust_remaining(&username, allocation_update)
            .await?)
    }
}
