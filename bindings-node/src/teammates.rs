//! `client.teammates`: list, iterAll, get, invite, updatePermissions, delete, listPending,
//! deletePending, resendInvite, subuserAccess, iterSubuserAccess, createSso, updateSso.

use napi::bindgen_prelude::{Object, PromiseRaw};
use napi::Env;
use napi::Result;
use napi_derive::napi;
use serde_json::{Map, Value};

use crate::convert::from_core;
use crate::strict::{CheckedOption, Strict};
use sendgrid_admin::teammates::{
    InviteTeammate, ListTeammates, PermissionType, Permissions, SubuserAccessQuery,
};
use sendgrid_admin::teammates_sso::{
    self as sso, CreateSsoTeammate, Persona, SubuserGrant, UpdateSsoTeammate,
};

use crate::errors::{choice, settle, thrown, unsigned, IntoNapi};
use crate::models::{all, Invitation, SubuserAccess, SubuserAccessPage, Teammate};
use crate::paging::{IterOptions, IterSubuserAccessOptions, SubuserAccessPager, TeammatePager};
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

/// Access to one subuser: "admin" (no scopes) or "restricted" (at least one scope).
#[napi(object)]
pub struct SubuserGrantOptions {
    /// The subuser's username (looked up to its id before sending).
    pub subuser: String,
    /// "admin" or "restricted".
    #[napi(ts_type = "'admin' | 'restricted'")]
    pub permission_type: String,
    /// Scopes on that subuser (restricted only).
    pub scopes: Option<Vec<String>>,
}

/// Names and permissions of an SSO teammate: one of isAdmin, persona, scopes, or subuserAccess.
#[napi(object)]
pub struct SsoTeammateOptions {
    /// First name (required, even on update).
    pub first_name: String,
    /// Last name (required, even on update).
    pub last_name: String,
    /// Admin on the parent account.
    pub is_admin: Option<bool>,
    /// "accountant", "developer", "marketer" or "observer".
    #[napi(ts_type = "'accountant' | 'developer' | 'marketer' | 'observer'")]
    pub persona: Option<String>,
    /// Parent scopes.
    pub scopes: Option<Vec<String>>,
    /// Limit the teammate to subuserAccess (default: true when subuserAccess is non-empty).
    pub has_restricted_subuser_access: Option<bool>,
    /// The subusers the teammate may act for.
    pub subuser_access: Option<Vec<SubuserGrantOptions>>,
}

/// A new SSO teammate: its email (also its username) and the fields of `SsoTeammateOptions`.
#[napi(object)]
pub struct CreateSsoTeammateOptions {
    /// Email; also the username, which cannot change. Must match the IdP.
    pub email: String,
    /// First name (required).
    pub first_name: String,
    /// Last name (required).
    pub last_name: String,
    /// Admin on the parent account.
    pub is_admin: Option<bool>,
    /// "accountant", "developer", "marketer" or "observer".
    #[napi(ts_type = "'accountant' | 'developer' | 'marketer' | 'observer'")]
    pub persona: Option<String>,
    /// Parent scopes.
    pub scopes: Option<Vec<String>>,
    /// Limit the teammate to subuserAccess (default: true when subuserAccess is non-empty).
    pub has_restricted_subuser_access: Option<bool>,
    /// The subusers the teammate may act for.
    pub subuser_access: Option<Vec<SubuserGrantOptions>>,
}

/// An SSO teammate as SendGrid answers a create or update.
#[napi(object)]
pub struct SsoTeammate {
    pub username: String,
    pub email: String,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    /// "owner", "admin" or "teammate" (update answers only).
    pub user_type: Option<String>,
    pub is_admin: bool,
    pub is_sso: bool,
    /// Parent scopes.
    pub scopes: Vec<String>,
    pub has_restricted_subuser_access: bool,
    /// The subusers the teammate may act for, as SendGrid applied them.
    pub subuser_access: Vec<SubuserAccess>,
    /// Fields SendGrid sent that this version does not model, as sent (empty when none).
    pub extra: Map<String, Value>,
}
from_core!(SsoTeammate from sso::SsoTeammate: username, email, first_name, last_name, user_type, is_admin, is_sso, scopes, has_restricted_subuser_access, subuser_access, extra);

fn sso_update(o: SsoTeammateOptions) -> Result<UpdateSsoTeammate> {
    let grants = o
        .subuser_access
        .unwrap_or_default()
        .into_iter()
        .enumerate()
        .map(|(i, g)| {
            let field = format!("subuserAccess[{i}].permissionType");
            Ok(SubuserGrant {
                subuser: g.subuser,
                permission_type: choice::<PermissionType>(&field, Some(g.permission_type))?
                    .unwrap_or(PermissionType::Admin),
                scopes: g.scopes.unwrap_or_default(),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(UpdateSsoTeammate {
        first_name: o.first_name,
        last_name: o.last_name,
        is_admin: o.is_admin.unwrap_or(false),
        persona: choice::<Persona>("persona", o.persona)?,
        scopes: o.scopes.unwrap_or_default(),
        has_restricted_subuser_access: o.has_restricted_subuser_access,
        subuser_access: grants,
    })
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
        #[napi(ts_arg_type = "PageOptions")] options: Option<Strict<PageOptions>>,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, Vec<Teammate>>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            let options = options.checked()?;
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
    pub fn iter_all(
        &self,
        env: &Env,
        #[napi(ts_arg_type = "IterOptions")] options: Option<Strict<IterOptions>>,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<TeammatePager> {
        thrown(env, || {
            let this = self.for_call(env, call)?;
            let options = options.checked()?;
            let size = unsigned("pageSize", options.unwrap_or_default().page_size)?;
            Ok(TeammatePager::new(this.client.teammates().list_all(size)))
        })
    }

    /// One teammate, with scopes.
    #[napi]
    pub fn get<'e>(
        &self,
        env: &'e Env,
        username: String,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, Teammate>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
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
        #[napi(ts_arg_type = "InviteOptions")] invite: Strict<InviteOptions>,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, Invitation>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            let invite = invite.checked()?;
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
        #[napi(ts_arg_type = "PermissionsOptions")] permissions: Strict<PermissionsOptions>,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, Teammate>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            let permissions = permissions.checked()?;
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
    pub fn delete<'e>(
        &self,
        env: &'e Env,
        username: String,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, ()>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            this.client.teammates().delete(&username).await.into_napi()
        })
    }

    /// Invitations not yet accepted.
    #[napi]
    pub fn list_pending<'e>(
        &self,
        env: &'e Env,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, Vec<Invitation>>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
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
    pub fn delete_pending<'e>(
        &self,
        env: &'e Env,
        token: String,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, ()>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
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
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, Invitation>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
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
        #[napi(ts_arg_type = "SubuserAccessOptions")] options: Option<Strict<SubuserAccessOptions>>,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, SubuserAccessPage>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            let options = options.checked()?;
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
        #[napi(ts_arg_type = "IterSubuserAccessOptions")] options: Option<
            Strict<IterSubuserAccessOptions>,
        >,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<SubuserAccessPager> {
        thrown(env, || {
            let this = self.for_call(env, call)?;
            let options = options.checked()?;
            let o = options.unwrap_or_default();
            let q = SubuserAccessQuery {
                after_subuser_id: None,
                limit: unsigned("pageSize", o.page_size)?,
                username: o.username,
            };
            Ok(SubuserAccessPager::new(
                this.client.teammates().subuser_access_all(&teammate, q),
            ))
        })
    }

    /// Creates a teammate who signs in with SSO. Rejects with code "not_applied" if SendGrid
    /// answers success without applying the subuser access.
    #[napi]
    pub fn create_sso<'e>(
        &self,
        env: &'e Env,
        #[napi(ts_arg_type = "CreateSsoTeammateOptions")] teammate: Strict<
            CreateSsoTeammateOptions,
        >,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, SsoTeammate>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            let teammate = teammate.checked()?;
            let email = teammate.email;
            let u = sso_update(SsoTeammateOptions {
                first_name: teammate.first_name,
                last_name: teammate.last_name,
                is_admin: teammate.is_admin,
                persona: teammate.persona,
                scopes: teammate.scopes,
                has_restricted_subuser_access: teammate.has_restricted_subuser_access,
                subuser_access: teammate.subuser_access,
            })?;
            let t = CreateSsoTeammate::new(email, u);
            let out = this.client.teammates().create_sso(&t).await.into_napi()?;
            Ok(out.into())
        })
    }

    /// Replaces an SSO teammate's names and permissions (`username` is the email).
    #[napi]
    pub fn update_sso<'e>(
        &self,
        env: &'e Env,
        username: String,
        #[napi(ts_arg_type = "SsoTeammateOptions")] options: Strict<SsoTeammateOptions>,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, SsoTeammate>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            let options = options.checked()?;
            let u = sso_update(options)?;
            let out = this
                .client
                .teammates()
                .update_sso(&username, &u)
                .await
                .into_napi()?;
            Ok(out.into())
        })
    }
}
