//! `client.teammates()`: list, iter_all, get, invite, update_permissions, delete, list_pending,
//! delete_pending, resend_invite, subuser_access, iter_subuser_access, create_sso, update_sso.

use std::sync::Arc;

use sendgrid_admin::teammates::{
    Invitation, InviteTeammate, ListTeammates, Permissions, SubuserAccessPage, SubuserAccessQuery,
    Teammate,
};
use sendgrid_admin::teammates_sso::{CreateSsoTeammate, SsoTeammate, UpdateSsoTeammate};

use crate::errors::Result;
use crate::paging::{SubuserAccessPager, TeammatePager};
use crate::resource;

resource!("Teammates, invitations and subuser access.", Teammates);

#[uniffi::export(async_runtime = "tokio")]
impl Teammates {
    /// One page of teammates (limit 0-500).
    pub async fn list(&self, params: ListTeammates) -> Result<Vec<Teammate>> {
        Ok(self.client.teammates().list(&params).await?)
    }

    /// Every teammate, `page_size` (default 100) at a time.
    pub fn iter_all(&self, page_size: Option<u32>) -> Arc<TeammatePager> {
        TeammatePager::new(self.client.teammates().list_all(page_size))
    }

    /// One teammate, with scopes.
    pub async fn get(&self, username: String) -> Result<Teammate> {
        Ok(self.client.teammates().get(&username).await?)
    }

    /// Sends an invitation: is_admin with no scopes, or at least one scope.
    pub async fn invite(&self, invite: InviteTeammate) -> Result<Invitation> {
        Ok(self.client.teammates().invite(&invite).await?)
    }

    /// Replaces a teammate's permissions: is_admin with no scopes, or at least one scope.
    pub async fn update_permissions(
        &self,
        username: String,
        permissions: Permissions,
    ) -> Result<Teammate> {
        Ok(self
            .client
            .teammates()
            .update_permissions(&username, &permissions)
            .await?)
    }

    /// Deletes a teammate.
    pub async fn delete(&self, username: String) -> Result<()> {
        Ok(self.client.teammates().delete(&username).await?)
    }

    /// Invitations not yet accepted.
    pub async fn list_pending(&self) -> Result<Vec<Invitation>> {
        Ok(self.client.teammates().list_pending().await?)
    }

    /// Deletes a pending invitation.
    pub async fn delete_pending(&self, token: String) -> Result<()> {
        Ok(self.client.teammates().delete_pending(&token).await?)
    }

    /// Resends a pending invitation and resets its expiry.
    pub async fn resend_invite(&self, token: String) -> Result<Invitation> {
        Ok(self.client.teammates().resend_invite(&token).await?)
    }

    /// One page of the subusers a teammate can act for; `metadata.next_params` is the next query.
    pub async fn subuser_access(
        &self,
        teammate: String,
        query: SubuserAccessQuery,
    ) -> Result<SubuserAccessPage> {
        Ok(self
            .client
            .teammates()
            .subuser_access(&teammate, &query)
            .await?)
    }

    /// Every subuser a teammate can act for, following the cursor.
    pub fn iter_subuser_access(
        &self,
        teammate: String,
        query: SubuserAccessQuery,
    ) -> Arc<SubuserAccessPager> {
        SubuserAccessPager::new(self.client.teammates().subuser_access_all(&teammate, query))
    }

    /// Creates a teammate who signs in with SSO; fails with `NotApplied` if SendGrid answers
    /// success without applying the subuser access.
    pub async fn create_sso(&self, teammate: CreateSsoTeammate) -> Result<SsoTeammate> {
        Ok(self.client.teammates().create_sso(&teammate).await?)
    }

    /// Replaces an SSO teammate's names and permissions (`username` is the email).
    pub async fn update_sso(
        &self,
        username: String,
        update: UpdateSsoTeammate,
    ) -> Result<SsoTeammate> {
        Ok(self
            .client
            .teammates()
            .update_sso(&username, &update)
            .await?)
    }
}
