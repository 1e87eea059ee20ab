//! `client.user()`: account, username (identity of the client or its on-behalf-of scope).

use sendgrid_admin::user::{UserAccount, UserName};

use crate::errors::Result;
use crate::resource;

resource!(
    "Identity: who this client (or its on-behalf-of subuser or account) is.",
    User
);

#[uniffi::export(async_runtime = "tokio")]
impl User {
    /// Plan and sender reputation (`GET /v3/user/account`).
    pub async fn account(&self) -> Result<UserAccount> {
        Ok(self.client.user().account().await?)
    }

    /// Username and numeric user id (`GET /v3/user/username`).
    pub async fn username(&self) -> Result<UserName> {
        Ok(self.client.user().username().await?)
    }
}
