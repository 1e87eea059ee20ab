//! `client.teammates`: list, iterAll, get, invite, updatePermissions, delete, listPending,
//! deletePending, resendInvite, subuserAccess, iterSubuserAccess.

use napi::bindgen_prelude::PromiseRaw;
use napi::Env;
use napi::Result;
use napi_derive::napi;
use sendgrid_admin::teammates::{InviteTeammate, ListTeammates, Permissions, SubuserAccessQuery};

use crate::errors::{settle, thrown, unsigned, IntoNapi};
use crate::models::{all, Invitation, SubuserAccessPage, Teammate};
use crate::paging::{SubuserAccessPager, TeammatePager};
use crate::resource;

resource!("Teammates, invitations and subuser access.", Teammates);

/// Page options (limit/offset).
#[napi(object)]
#[derive(Default)]
pub struct PageOptions {
    /// Page size.
    pub limit: Option<f64>,
    /// Items to skip.
    pub offset: Option<f64>,
}

/// An invitation: isAdmin with no scopes, or at least one scope.
#[napi(object)]
pub struct InviteOptions {
    /// Who to invite.
    pub email: String,
    /// Scopes (empty for an admin).
    pub scopes: Option<Vec<String>>,
    /// Invite as an admin.
    pub is_admin: Option<bool>,
}

/// Permissions: isAdmin with no scopes, or at least one scope.
#[napi(object)]
pub struct PermissionsOptions {
    /// The scopes.
    pub scopes: Option<Vec<String>>,
    /// Admin teammate.
    pub is_admin: Option<bool>,
}

/// Cursor options of `teammates.subuserAccess`.
#[napi(object)]
#[derive(Default)]
pub struct SubuserAccessOptions {
    /// Start after this subuser id (a page's nextAfterSubuserId).
    pub after_subuser_id: Option<f64>,
    /// Page size, 1-500 (default 100).
    pub limit: Option<f64>,
    /// Only this subuser.
    pub username: Option<String>,
}

fn access_query(o: Option<SubuserAccessOptions>) -> Result<SubuserAccessQuery> {
    let o = o.unwrap_or_default();
    Ok(SubuserAccessQuery {
        after_subuser_id: unsigned("afterSubuserId", o.after_subuser_id)?,
        limit: unsigned("limit", o.limit)?,
        username: o.username,
    })
}

#[napi]
impl Teammates {
    /// One page of teammates (limit 0-500).
    #[napi]
    pub fn list<'e>(
        &self,
        env: &'e Env,
        options: Option<PageOptions>,
    ) -> Result<PromiseRaw<'e, Vec<Teammate>>> {
        let this = self.clone();
        settle(env, async move {
            let o = options.unwrap_or_default();
            let p = ListTeammates {
                limit: unsigned("limit", o.limit)?,
                offset: unsigned("offset", o.offset)?,
            };
            this.client.teammates().list(&p).await.map(all).into_napi()
        })
    }

    /// Every teammate, `pageSize` (default 100) at a time.
    #[napi]
    pub fn iter_all(&self, env: &Env, page_size: Option<f64>) -> Result<TeammatePager> {
        thrown(env, || {
            Ok(TeammatePager::new(
                self.client
                    .teammates()
                    .list_all(unsigned("pageSize", page_size)?),
            ))
        })
    }

    /// One teammate, with scopes.
    #[napi]
    pub fn get<'e>(&self, env: &'e Env, username: String) -> Result<PromiseRaw<'e, Teammate>> {
        let this = self.clone();
        settle(env, async move {
            this.client
                .teammates()
                .get(&username)
                .await
                .map(Into::into)
                .into_napi()
        })
    }

    /// Sends an invitation.
    #[napi]
    pub fn invite<'e>(
        &self,
        env: &'e Env,
        invite: InviteOptions,
    ) -> Result<PromiseRaw<'e, Invitation>> {
        let this = self.clone();
        settle(env, async move {
            let i = InviteTeammate {
                email: invite.email,
                scopes: invite.scopes.unwrap_or_default(),
                is_admin: invite.is_admin.unwrap_or(false),
            };
            this.client
                .teammates()
                .invite(&i)
                .await
                .map(Into::into)
                .into_napi()
        })
    }

    /// Replaces a teammate's permissions.
    #[napi]
    pub fn update_permissions<'e>(
        &self,
        env: &'e Env,
        username: String,
        permissions: PermissionsOptions,
    ) -> Result<PromiseRaw<'e, Teammate>> {
        let this = self.clone();
        settle(env, async move {
            let p = Permissions {
                scopes: permissions.scopes.unwrap_or_default(),
                is_admin: permissions.is_admin.unwrap_or(false),
            };
            this.client
                .teammates()
                .update_permissions(&username, &p)
                .await
                .map(Into::into)
                .into_napi()
        })
    }

    /// Deletes a teammate.
    #[napi]
    pub fn delete<'e>(&self, env: &'e Env, username: String) -> Result<PromiseRaw<'e, ()>> {
        let this = self.clone();
        settle(env, async move {
            this.client.teammates().delete(&username).await.into_napi()
        })
    }

    /// Invitations not yet accepted.
    #[napi]
    pub fn list_pending<'e>(&self, env: &'e Env) -> Result<PromiseRaw<'e, Vec<Invitation>>> {
        let this = self.clone();
        settle(env, async move {
            this.client
                .teammates()
                .list_pending()
                .await
                .map(all)
                .into_napi()
        })
    }

    /// Deletes a pending invitation.
    #[napi]
    pub fn delete_pending<'e>(&self, env: &'e Env, token: String) -> Result<PromiseRaw<'e, ()>> {
        let this = self.clone();
        settle(env, async move {
            this.client
                .teammates()
                .delete_pending(&token)
                .await
                .into_napi()
        })
    }

    /// Resends a pending invitation and resets its expiry.
    #[napi]
    pub fn resend_invite<'e>(
        &self,
        env: &'e Env,
        token: String,
    ) -> Result<PromiseRaw<'e, Invitation>> {
        let this = self.clone();
        settle(env, async move {
            this.client
                .teammates()
                .resend_invite(&token)
                .await
                .map(Into::into)
                .into_napi()
        })
    }

    /// One page of the subusers a teammate can act for.
    #[napi]
    pub fn subuser_access<'e>(
        &self,
        env: &'e Env,
        teammate: String,
        options: Option<SubuserAccessOptions>,
    ) -> Result<PromiseRaw<'e, SubuserAccessPage>> {
        let this = self.clone();
        settle(env, async move {
            let q = access_query(options)?;
            this.client
                .teammates()
                .subuser_access(&teammate, &q)
                .await
                .map(Into::into)
                .into_napi()
        })
    }

    /// Every subuser a teammate can act for, following the cursor.
    #[napi]
    pub fn iter_subuser_access(
        &self,
        env: &Env,
        teammate: String,
        options: Option<SubuserAccessOptions>,
    ) -> Result<SubuserAccessPager> {
        thrown(env, || {
            Ok(SubuserAccessPager::new(
                self.client
                    .teammates()
                    .subuser_access_all(&teammate, access_query(options)?),
            ))
        })
    }
}
