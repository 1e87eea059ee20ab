//! `client.subusers`: list, iterAll, create, enable, disable, delete.

use napi::bindgen_prelude::{Object, PromiseRaw};
use napi::Env;
use napi::Result;
use napi_derive::napi;
use sendgrid_admin::subusers::{CreateSubuser, ListSubusers, RegionFilter};
use sendgrid_admin::Region;

use crate::errors::{choice, settle, thrown, unsigned, IntoNapi};
use crate::models::{all, CreatedSubuser, Subuser};
use crate::paging::{IterSubusersOptions, SubuserPager};
use crate::resource;
use crate::strict::{CheckedOption, Strict};

resource!("Subuser administration.", Subusers);

/// Options of `subusers.list` and `subusers.iterAll`.
#[napi(object)]
#[derive(Default)]
pub struct ListSubusersOptions {
    /// Only this username.
    pub username: Option<String>,
    /// Page size, 1-500 (iterAll: default 100).
    pub limit: Option<f64>,
    /// Subusers to skip.
    pub offset: Option<f64>,
    /// "all", "global" or "eu".
    #[napi(ts_type = "'all' | 'global' | 'eu'")]
    pub region: Option<String>,
    /// Return each subuser's region.
    pub include_region: Option<bool>,
}

fn params(o: Option<ListSubusersOptions>) -> Result<ListSubusers> {
    let o = o.unwrap_or_default();
    Ok(ListSubusers {
        username: o.username,
        limit: unsigned("limit", o.limit)?,
        offset: unsigned("offset", o.offset)?,
        region: choice::<RegionFilter>("region", o.region)?,
        include_region: o.include_region.unwrap_or(false),
    })
}

/// A new subuser.
#[napi(object)]
pub struct CreateSubuserOptions {
    /// Username, 1-64 characters.
    pub username: String,
    /// Contact email.
    pub email: String,
    /// Console password.
    pub password: String,
    /// IPv4 addresses to assign.
    pub ips: Option<Vec<String>>,
    /// "global" or "eu".
    #[napi(ts_type = "'global' | 'eu'")]
    pub region: Option<String>,
    /// Return the region in the answer.
    pub include_region: Option<bool>,
}

#[napi]
impl Subusers {
    /// One page of subusers (`GET /v3/subusers`).
    #[napi]
    pub fn list<'e>(
        &self,
        env: &'e Env,
        #[napi(ts_arg_type = "ListSubusersOptions")] options: Option<Strict<ListSubusersOptions>>,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, Vec<Subuser>>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            let options = options.checked()?;
            let p = params(options)?;
            this.client.subusers().list(&p).await.map(all).into_napi()
        })
    }

    /// Every subuser, one page at a time: `for await (const s of client.subusers.iterAll())`.
    #[napi]
    pub fn iter_all(
        &self,
        env: &Env,
        #[napi(ts_arg_type = "IterSubusersOptions")] options: Option<Strict<IterSubusersOptions>>,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<SubuserPager> {
        thrown(env, || {
            let this = self.for_call(env, call)?;
            let options = options.checked()?;
            let o = options.unwrap_or_default();
            let p = ListSubusers {
                username: o.username,
                limit: unsigned("pageSize", o.page_size)?,
                offset: None,
                region: choice::<RegionFilter>("region", o.region)?,
                include_region: o.include_region.unwrap_or(false),
            };
            Ok(SubuserPager::new(this.client.subusers().list_all(p)))
        })
    }

    /// Creates a subuser (`POST /v3/subusers`).
    #[napi]
    pub fn create<'e>(
        &self,
        env: &'e Env,
        #[napi(ts_arg_type = "CreateSubuserOptions")] subuser: Strict<CreateSubuserOptions>,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, CreatedSubuser>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            let subuser = subuser.checked()?;
            let s = CreateSubuser {
                username: subuser.username,
                email: subuser.email,
                password: subuser.password,
                ips: subuser.ips.unwrap_or_default(),
                region: choice::<Region>("region", subuser.region)?,
                include_region: subuser.include_region.unwrap_or(false),
            };
            this.client
                .subusers()
                .create(&s)
                .await
                .map(Into::into)
                .into_napi()
        })
    }

    /// Enables a subuser.
    #[napi]
    pub fn enable<'e>(
        &self,
        env: &'e Env,
        username: String,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, ()>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            this.client.subusers().enable(&username).await.into_napi()
        })
    }

    /// Disables a subuser.
    #[napi]
    pub fn disable<'e>(
        &self,
        env: &'e Env,
        username: String,
        #[napi(ts_arg_type = "CallOptions")] call: Option<Object<'_>>,
    ) -> Result<PromiseRaw<'e, ()>> {
        let this = self.for_call(env, call);
        settle(env, async move {
            let this = this?;
            this.client.subusers().disable(&username).await.into_napi()
        })
    }

    /// Deletes a subuser.
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
            this.client.subusers().delete(&username).await.into_napi()
        })
    }
}
