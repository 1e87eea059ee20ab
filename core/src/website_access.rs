//! Subuser website (console) access.

use reqwest::Method;

use crate::client::Client;
use crate::error::Result;
use crate::subusers::DisabledBody;
use crate::validate;

/// Website access; get it from [`Client::website_access`].
#[derive(Debug, Clone, Copy)]
pub struct WebsiteAccess<'a> {
    pub(crate) client: &'a Client,
}

impl WebsiteAccess<'_> {
    /// `PATCH /v3/subusers/{name}/website_access` with `disabled: false` (204).
    pub async fn enable(self, username: &str) -> Result<()> {
        self.client.parent_only("website_access.enable")?;
        self.set_disabled(username, false).await
    }

    /// `PATCH /v3/subusers/{name}/website_access` with `disabled: true` (204); the subuser can
    /// still send email.
    pub async fn disable(self, username: &str) -> Result<()> {
        self.client.parent_only("website_access.disable")?;
        self.set_disabled(username, true).await
    }

    /// `PATCH /v3/subusers/{name}/website_access` (204).
    pub async fn set_disabled(self, username: &str, disabled: bool) -> Result<()> {
        self.client.parent_only("website_access.set_disabled")?;
        validate::username("username", username)?;
        let req = self
            .client
            .req(Method::PATCH, &["subusers", username, "website_access"])
            .json(&DisabledBody { disabled })?;
        self.client.run(req).await
    }
}
