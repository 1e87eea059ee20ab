//! Operation name + JSON arguments → the core call → JSON result. Test code only: the
//! libraries themselves expose typed methods, never a command bus.

use futures_util::TryStreamExt;
use sendgrid_admin::accounts::{
    CreateAccount, IpRegion, ListAccountIps, ListAccounts, NewAccountState, Offering,
};
use sendgrid_admin::bulk::BulkItem;
use sendgrid_admin::credits::SetCredits;
use sendgrid_admin::ips::{ListIpSubusers, ListIps};
use sendgrid_admin::monitor::Monitor;
use sendgrid_admin::scopes::ListAccessRequests;
use sendgrid_admin::stats::{MonthlyStatsQuery, StatsQuery, StatsSumsQuery};
use sendgrid_admin::subusers::{CreateSubuser, ListSubusers};
use sendgrid_admin::teammates::{InviteTeammate, ListTeammates, Permissions, SubuserAccessQuery};
use sendgrid_admin::teammates_sso::{CreateSsoTeammate, UpdateSsoTeammate};
use sendgrid_admin::{Client, Error};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

fn arg<T: DeserializeOwned>(args: &Value) -> Result<T, Error> {
    let v = if args.is_null() {
        Value::Object(Default::default())
    } else {
        args.clone()
    };
    serde_json::from_value(v).map_err(|e| Error::invalid("scenario.args", e.to_string()))
}

fn s(args: &Value, key: &str) -> Result<String, Error> {
    args.get(key)
        .and_then(Value::as_str)
        .map(str::to_string)
        .ok_or_else(|| Error::invalid("scenario.args", format!("missing string {key}")))
}

fn n(args: &Value, key: &str) -> Option<u64> {
    args.get(key).and_then(Value::as_u64)
}

fn strings(args: &Value, key: &str) -> Vec<String> {
    args.get(key)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

fn json<T: Serialize>(v: T) -> Result<Value, Error> {
    serde_json::to_value(v).map_err(|e| Error::invalid("scenario.result", e.to_string()))
}

/// One `{usernames, ok, error}` per chunk of an IP assignment.
fn chunks(out: Vec<BulkItem<Vec<String>, ()>>) -> Result<Value, Error> {
    Ok(Value::Array(
        out.into_iter()
            .map(|b| match b.result {
                Ok(()) => serde_json::json!({"usernames": b.item, "ok": true}),
                Err(e) => serde_json::json!({"usernames": b.item, "ok": false, "error": e.kind().as_str()}),
            })
            .collect(),
    ))
}

/// Runs `op` with `args` on `c`.
pub async fn dispatch(c: &Client, op: &str, a: &Value) -> Result<Value, Error> {
    let u = || s(a, "username");
    match op {
        "subusers.list" => json(c.subusers().list(&arg::<ListSubusers>(a)?).await?),
        "subusers.list_all" => json(
            c.subusers()
                .list_all(arg::<ListSubusers>(a)?)
                .try_collect::<Vec<_>>()
                .await?,
        ),
        "subusers.create" => json(c.subusers().create(&arg::<CreateSubuser>(a)?).await?),
        "subusers.enable" => json(c.subusers().enable(&u()?).await?),
        "subusers.disable" => json(c.subusers().disable(&u()?).await?),
        "subusers.delete" => json(c.subusers().delete(&u()?).await?),
        "ips.set" => json(c.ips().set(&u()?, &strings(a, "ips")).await?),
        "ips.list" => json(c.ips().list(&arg::<ListIps>(a)?).await?),
        "ips.subusers_of" => json(
            c.ips()
                .subusers_of(&s(a, "ip")?, &arg::<ListIpSubusers>(a)?)
                .await?,
        ),
        "ips.list_all_subusers_of" => json(
            c.ips()
                .list_all_subusers_of(&s(a, "ip")?, arg::<ListIpSubusers>(a)?)
                .try_collect::<Vec<_>>()
                .await?,
        ),
        "ips.assign" => chunks(
            c.ips()
                .assign(&s(a, "ip")?, &strings(a, "usernames"))
                .await?,
        ),
        "ips.unassign" => chunks(
            c.ips()
                .unassign(&s(a, "ip")?, &strings(a, "usernames"))
                .await?,
        ),
        "reputations.list" => json(c.reputations().list(&strings(a, "usernames")).await?),
        "credits.get" => json(c.credits().get(&u()?).await?),
        "credits.set" => json(c.credits().set(&u()?, &arg::<SetCredits>(a)?).await?),
        "credits.adjust_remaining" => {
            let by = a
                .get("allocation_update")
                .and_then(Value::as_i64)
                .unwrap_or(0);
            json(c.credits().adjust_remaining(&u()?, by).await?)
        }
        "website_access.enable" => json(c.website_access().enable(&u()?).await?),
        "website_access.disable" => json(c.website_access().disable(&u()?).await?),
        "stats.subuser_monthly" => json(
            c.stats()
                .subuser_monthly(&u()?, &arg::<MonthlyStatsQuery>(a)?)
                .await?,
        ),
        "stats.monthly" => json(c.stats().monthly(&arg::<MonthlyStatsQuery>(a)?).await?),
        "stats.list" => json(c.stats().list(&arg::<StatsQuery>(a)?).await?),
        "stats.sums" => json(c.stats().sums(&arg::<StatsSumsQuery>(a)?).await?),
        "monitor.get" => json(c.monitor().get(&u()?).await?),
        "monitor.create" => json(c.monitor().create(&u()?, &arg::<Monitor>(a)?).await?),
        "monitor.update" => json(c.monitor().update(&u()?, &arg::<Monitor>(a)?).await?),
        "monitor.delete" => json(c.monitor().delete(&u()?).await?),
        "teammates.list" => json(c.teammates().list(&arg::<ListTeammates>(a)?).await?),
        "teammates.list_all" => {
            let page = n(a, "page_size").map(|p| p as u32);
            json(c.teammates().list_all(page).try_collect::<Vec<_>>().await?)
        }
        "teammates.get" => json(c.teammates().get(&u()?).await?),
        "teammates.invite" => json(c.teammates().invite(&arg::<InviteTeammate>(a)?).await?),
        "teammates.update_permissions" => json(
            c.teammates()
                .update_permissions(&u()?, &arg::<Permissions>(a)?)
                .await?,
        ),
        "teammates.delete" => json(c.teammates().delete(&u()?).await?),
        "teammates.list_pending" => json(c.teammates().list_pending().await?),
        "teammates.delete_pending" => json(c.teammates().delete_pending(&s(a, "token")?).await?),
        "teammates.resend_invite" => json(c.teammates().resend_invite(&s(a, "token")?).await?),
        "teammates.subuser_access" => json(
            c.teammates()
                .subuser_access(&s(a, "teammate")?, &arg::<SubuserAccessQuery>(a)?)
                .await?,
        ),
        "teammates.subuser_access_all" => {
            let q = arg::<SubuserAccessQuery>(a)?;
            json(
                c.teammates()
                    .subuser_access_all(&s(a, "teammate")?, q)
                    .try_collect::<Vec<_>>()
                    .await?,
            )
        }
        "teammates.create_sso" => json(
            c.teammates()
                .create_sso(&arg::<CreateSsoTeammate>(a)?)
                .await?,
        ),
        "teammates.update_sso" => json(
            c.teammates()
                .update_sso(&s(a, "username")?, &arg::<UpdateSsoTeammate>(a)?)
                .await?,
        ),
        "scopes.list" => json(c.scopes().list().await?),
        "scopes.list_access_requests" => json(
            c.scopes()
                .list_access_requests(&arg::<ListAccessRequests>(a)?)
                .await?,
        ),
        "scopes.approve_access_request" => json(
            c.scopes()
                .approve_access_request(n(a, "request_id").unwrap_or(0))
                .await?,
        ),
        "scopes.deny_access_request" => json(
            c.scopes()
                .deny_access_request(n(a, "request_id").unwrap_or(0))
                .await?,
        ),
        "accounts.list" => json(c.accounts().list(&arg::<ListAccounts>(a)?).await?),
        "accounts.list_all" => json(
            c.accounts()
                .list_all(arg::<ListAccounts>(a)?)
                .try_collect::<Vec<_>>()
                .await?,
        ),
        "accounts.create" => json(c.accounts().create(&arg::<CreateAccount>(a)?).await?),
        "accounts.delete" => json(c.accounts().delete(&s(a, "account_id")?).await?),
        "accounts.offerings" => json(c.accounts().offerings(&s(a, "account_id")?).await?),
        "accounts.set_offerings" => {
            let o: Vec<Offering> = arg(&a["offerings"])?;
            json(c.accounts().set_offerings(&s(a, "account_id")?, &o).await?)
        }
        "accounts.catalog" => json(c.accounts().catalog().await?),
        "accounts.state" => json(c.accounts().state(&s(a, "account_id")?).await?),
        "accounts.set_state" => {
            let st: NewAccountState = arg(&a["state"])
                .map_err(|_| Error::invalid("state", "must be activated or deactivated"))?;
            json(c.accounts().set_state(&s(a, "account_id")?, st).await?)
        }
        "accounts.sso_login" => json(c.accounts().sso_login(&s(a, "account_id")?).await?),
        "accounts.ips" => json(
            c.accounts()
                .ips(&s(a, "account_id")?, &arg::<ListAccountIps>(a)?)
                .await?,
        ),
        "accounts.list_all_ips" => json(
            c.accounts()
                .list_all_ips(&s(a, "account_id")?, arg::<ListAccountIps>(a)?)
                .try_collect::<Vec<_>>()
                .await?,
        ),
        "accounts.add_ips" => {
            let region: IpRegion = arg(&a["region"])?;
            let count = n(a, "count").unwrap_or(0) as u32;
            json(
                c.accounts()
                    .add_ips(&s(a, "account_id")?, count, region)
                    .await?,
            )
        }
        "accounts.remove_ips" => json(
            c.accounts()
                .remove_ips(&s(a, "account_id")?, &strings(a, "ips"))
                .await?,
        ),
        "api_keys.create" => {
            let scopes = a
                .get("scopes")
                .filter(|v| !v.is_null())
                .map(|_| strings(a, "scopes"));
            json(
                c.api_keys()
                    .create(&s(a, "name")?, scopes.as_deref())
                    .await?,
            )
        }
        "api_keys.list" => json(c.api_keys().list(n(a, "limit").map(|l| l as u32)).await?),
        "api_keys.update" => json(
            c.api_keys()
                .update(&s(a, "api_key_id")?, &s(a, "name")?, &strings(a, "scopes"))
                .await?,
        ),
        "api_keys.delete" => json(c.api_keys().delete(&s(a, "api_key_id")?).await?),
        "user.account" => json(c.user().account().await?),
        "user.username" => json(c.user().username().await?),
        other => Err(Error::invalid(
            "scenario.op",
            format!("unknown operation {other:?}"),
        )),
    }
}
