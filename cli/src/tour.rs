//! `sendgrid-admin tour`: the main jobs, one after another, with a readable transcript.

use futures_util::TryStreamExt;
use sendgrid_admin::credits::{CreditType, ResetFrequency, SetCredits};
use sendgrid_admin::monitor::Monitor;
use sendgrid_admin::subusers::{CreateSubuser, ListSubusers};
use sendgrid_admin::teammates::{InviteTeammate, Permissions, SubuserAccessQuery};
use sendgrid_admin::{Client, Error, OnBehalfOf};
#[cfg(feature = "sandbox")]
use sendgrid_admin_sandbox::{Sandbox, SandboxConfig};

use crate::Global;

/// A step's heading, then the call it stands for in the CLI, Python and Node.
fn step(n: &mut u32, what: &str, calls: [&str; 3]) {
    *n += 1;
    println!("\n{n:>2}. {what}");
    let [cli, py, js] = calls;
    println!("    $ sendgrid-admin {cli}");
    println!("    py: {py}");
    println!("    js: {js}");
}

/// A value as people read it: a string or number as is, `none` for nothing (never Rust `Debug`).
fn text<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(serde_json::Value::Null) | Err(_) => "none".into(),
        Ok(other) => other.to_string(),
    }
}

fn show(line: impl AsRef<str>) {
    println!("    {}", line.as_ref());
}

fn subuser(name: &str, ip: &str) -> CreateSubuser {
    CreateSubuser {
        username: name.into(),
        email: format!("ops@{name}.example"),
        password: "tour-Password-1".into(),
        ips: vec![ip.into()],
        region: None,
        include_region: false,
    }
}

/// Removes what an interrupted earlier tour against the same account left behind (its two
/// subusers and its invitation), so that the tour can always run again.
async fn clean_up_an_earlier_tour(c: &Client) -> Result<(), Error> {
    for name in ["tour-acme", "tour-globex"] {
        let found = c
            .subusers()
            .list(&ListSubusers {
                username: Some(name.into()),
                ..Default::default()
            })
            .await?;
        if found.iter().any(|s| s.username == name) {
            c.subusers().delete(name).await?;
            println!("Removed {name}, left behind by an earlier tour.");
        }
    }
    for inv in c.teammates().list_pending().await? {
        if inv.email == NEW_HIRE {
            c.teammates().delete_pending(&inv.token).await?;
            println!("Removed the invitation of {NEW_HIRE}, left behind by an earlier tour.");
        }
    }
    Ok(())
}

/// The teammate the tour invites.
const NEW_HIRE: &str = "new.hire@example.com";

pub async fn run(g: &Global) -> Result<(), Error> {
    #[cfg_attr(not(feature = "sandbox"), allow(unused_mut))]
    let mut g = g.clone();
    // Without --base-url the tour runs against its own sandbox: nothing leaves this machine.
    #[cfg(feature = "sandbox")]
    let _sandbox = if g.base_url.is_none() {
        let sb = Sandbox::start_with(SandboxConfig {
            port: 0,
            seed_subusers: 4,
            seed_teammates: 4,
            ..Default::default()
        })
        .await
        .map_err(|e| Error::invalid("sandbox", format!("could not start: {e}")))?;
        println!("Started a sandbox at {} (key {}).", sb.url(), sb.api_key());
        g.base_url = Some(sb.url());
        g.api_key = Some(sb.api_key().to_string());
        Some(sb)
    } else {
        println!(
            "Running against {}.",
            g.base_url.as_deref().unwrap_or_default()
        );
        None
    };
    #[cfg(not(feature = "sandbox"))]
    match &g.base_url {
        Some(url) => println!("Running against {url}."),
        None => {
            return Err(Error::invalid(
                "base_url",
                "this build has no built-in sandbox: pass --base-url of a running one \
                 (built with --features sandbox, `sendgrid-admin sandbox` starts one)",
            ))
        }
    }
    let c: Client = g.client()?;
    let mut n = 0;
    clean_up_an_earlier_tour(&c).await?;

    step(
        &mut n,
        "Create two subusers",
        [
            "subusers create --username tour-acme --email ops@tour-acme.example --password … --ip 192.0.2.10",
            "client.subusers.create(\"tour-acme\", \"ops@tour-acme.example\", password, [\"192.0.2.10\"])",
            "await client.subusers.create({ username: 'tour-acme', email: 'ops@tour-acme.example', password, ips: ['192.0.2.10'] })",
        ],
    );
    for (name, ip) in [("tour-acme", "192.0.2.10"), ("tour-globex", "192.0.2.11")] {
        let s = c.subusers().create(&subuser(name, ip)).await?;
        show(format!("created {} (id {})", s.username, s.user_id));
    }

    step(
        &mut n,
        "List subusers, every page",
        [
            "subusers list --all",
            "for s in client.subusers.iter_all(): ...",
            "for await (const s of client.subusers.iterAll()) ...",
        ],
    );
    let all: Vec<_> = c
        .subusers()
        .list_all(ListSubusers::default())
        .try_collect()
        .await?;
    for s in &all {
        show(format!(
            "{:<12} id {:<6} {} disabled={}",
            s.username, s.id, s.email, s.disabled
        ));
    }

    step(
        &mut n,
        "Give tour-acme a monitor: a copy of every 1,000th email",
        [
            "monitor create tour-acme --email audit@acme.example --frequency 1000",
            "client.monitor.create(\"tour-acme\", \"audit@acme.example\", 1000)",
            "await client.monitor.create('tour-acme', { email: 'audit@acme.example', frequency: 1000 })",
        ],
    );
    let m = c
        .monitor()
        .create("tour-acme", &Monitor::new("audit@acme.example", 1000))
        .await?;
    show(format!("monitor: {} every {} emails", m.email, m.frequency));

    step(
        &mut n,
        "Replace tour-globex's IPs",
        [
            "subusers set-ips tour-globex 192.0.2.20 192.0.2.21",
            "client.ips.set(\"tour-globex\", [\"192.0.2.20\", \"192.0.2.21\"])",
            "await client.ips.set('tour-globex', ['192.0.2.20', '192.0.2.21'])",
        ],
    );
    let ips = c
        .ips()
        .set("tour-globex", &["192.0.2.20".into(), "192.0.2.21".into()])
        .await?;
    show(format!("ips: {}", ips.ips.join(", ")));

    step(
        &mut n,
        "Reputations of both (one request, repeated usernames=)",
        [
            "subusers reputations tour-acme tour-globex",
            "client.reputations.list([\"tour-acme\", \"tour-globex\"])",
            "await client.reputations.list(['tour-acme', 'tour-globex'])",
        ],
    );
    for r in c
        .reputations()
        .list(&["tour-acme".into(), "tour-globex".into()])
        .await?
    {
        show(format!("{:<12} {:.1}", r.username, r.reputation));
    }

    step(
        &mut n,
        "Give tour-acme 50,000 credits a month",
        [
            "subusers credits set tour-acme --type recurring --reset-frequency monthly --total 50000",
            "client.credits.set(\"tour-acme\", \"recurring\", reset_frequency=\"monthly\", total=50000)",
            "await client.credits.set('tour-acme', { type: 'recurring', resetFrequency: 'monthly', total: 50000 })",
        ],
    );
    let set = SetCredits {
        r#type: CreditType::Recurring,
        reset_frequency: Some(ResetFrequency::Monthly),
        total: Some(50_000),
    };
    let cr = c.credits().set("tour-acme", &set).await?;
    show(format!(
        "credits: {}, {} of {} left",
        text(&cr.r#type),
        text(&cr.remain),
        text(&cr.total)
    ));

    step(
        &mut n,
        "Disable tour-globex",
        [
            "subusers disable tour-globex",
            "client.subusers.disable(\"tour-globex\")",
            "await client.subusers.disable('tour-globex')",
        ],
    );
    c.subusers().disable("tour-globex").await?;
    let g2 = c
        .subusers()
        .list(&ListSubusers {
            username: Some("tour-globex".into()),
            ..Default::default()
        })
        .await?;
    show(format!(
        "tour-globex disabled={}",
        g2.first().map(|s| s.disabled).unwrap_or_default()
    ));

    step(
        &mut n,
        "Teammates: invite one with two scopes",
        [
            "teammates invite --email new.hire@example.com --scope stats.read --scope mail.send",
            "client.teammates.invite(\"new.hire@example.com\", [\"stats.read\", \"mail.send\"])",
            "await client.teammates.invite({ email: 'new.hire@example.com', scopes: ['stats.read', 'mail.send'] })",
        ],
    );
    let inv = c
        .teammates()
        .invite(&InviteTeammate {
            email: NEW_HIRE.into(),
            scopes: vec!["stats.read".into(), "mail.send".into()],
            is_admin: false,
        })
        .await?;
    show(format!("invitation {} for {}", inv.token, inv.email));
    show(format!(
        "pending invitations: {}",
        c.teammates().list_pending().await?.len()
    ));

    step(
        &mut n,
        "Teammate permissions: the admin rule is checked before sending",
        [
            "teammates update teammate0002 --scope stats.read",
            "client.teammates.update_permissions(\"teammate0002\", [\"stats.read\"])",
            "await client.teammates.updatePermissions('teammate0002', { scopes: ['stats.read'] })",
        ],
    );
    let bad = Permissions {
        scopes: vec!["stats.read".into()],
        is_admin: true,
    };
    match c.teammates().update_permissions("teammate0002", &bad).await {
        Err(e) => show(format!("refused locally: {e}")),
        Ok(_) => show("unexpectedly accepted"),
    }
    let t = c
        .teammates()
        .update_permissions("teammate0002", &Permissions::scopes(["stats.read"]))
        .await?;
    show(format!(
        "{} now has scopes {}",
        t.username,
        t.scopes.join(", ")
    ));

    step(
        &mut n,
        "Which subusers can teammate0002 act for? (cursor paging)",
        [
            "teammates subuser-access teammate0002 --all",
            "for a in client.teammates.iter_subuser_access(\"teammate0002\"): ...",
            "for await (const a of client.teammates.iterSubuserAccess('teammate0002')) ...",
        ],
    );
    let access: Vec<_> = c
        .teammates()
        .subuser_access_all(
            "teammate0002",
            SubuserAccessQuery {
                limit: Some(1),
                ..Default::default()
            },
        )
        .try_collect()
        .await?;
    show(format!(
        "{} subuser(s): {}",
        access.len(),
        access
            .iter()
            .map(|a| a.username.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    ));

    step(
        &mut n,
        "On behalf of tour-acme: its own teammates and scopes",
        [
            "--on-behalf-of tour-acme teammates list",
            "client.on_behalf_of(\"tour-acme\").teammates.list()",
            "await client.onBehalfOf('tour-acme').teammates.list()",
        ],
    );
    let acme = c.on_behalf_of(OnBehalfOf::subuser("tour-acme"));
    for t in acme.teammates().list(&Default::default()).await? {
        show(format!("teammate {} ({})", t.username, text(&t.user_type)));
    }
    show(format!(
        "scopes: {}",
        acme.scopes().list().await?.join(", ")
    ));
    show(format!(
        "the parent client is untouched: on-behalf-of = {}",
        c.current_on_behalf_of()
            .and_then(|o| o.header_value().ok())
            .unwrap_or_else(|| "none".into())
    ));

    step(
        &mut n,
        "Bad input never reaches SendGrid",
        [
            "monitor update tour-acme --email audit@acme.example --frequency 0",
            "client.monitor.update(\"tour-acme\", \"audit@acme.example\", 0)  # InvalidInputError",
            "await client.monitor.update('tour-acme', { email: 'audit@acme.example', frequency: 0 }) // InvalidInputError",
        ],
    );
    match c
        .monitor()
        .update("tour-acme", &Monitor::new("audit@acme.example", 0))
        .await
    {
        Err(e) => show(format!("{} -> {e}", e.kind())),
        Ok(_) => show("unexpectedly accepted"),
    }

    step(
        &mut n,
        "Clean up",
        [
            "subusers delete tour-acme",
            "client.subusers.delete(\"tour-acme\")",
            "await client.subusers.delete('tour-acme')",
        ],
    );
    for name in ["tour-acme", "tour-globex"] {
        c.subusers().delete(name).await?;
        show(format!("deleted {name}"));
    }
    c.teammates().delete_pending(&inv.token).await?;
    show(format!("withdrew the invitation of {NEW_HIRE}"));
    println!("\nTour finished: {n} steps.");
    Ok(())
}
