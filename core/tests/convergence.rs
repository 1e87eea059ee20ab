//! Convergence as a property: for generated account states (subusers with and without IPs,
//! monitors and credits; admin, unrestricted, restricted, SSO and pending teammates, sometimes
//! more than the 50 a teammates page holds; customer accounts) and generated edits of their
//! export, `apply` then `plan` is empty, and applying the same plan again writes nothing
//! (counted in the sandbox's `/__sandbox/stats`). Under the sandbox's default quirks
//! (SendGrid's own scopes and page cap). `CONVERGENCE_CASES` (default 200) and
//! `CONVERGENCE_SEED` pick the cases; a failing case prints its seed and the document.
use sendgrid_admin::accounts::{CreateAccount, NewAccountState, Offering, OfferingType};
use sendgrid_admin::bulk::BulkOptions;
use sendgrid_admin::credits::{CreditType, ResetFrequency, SetCredits};
use sendgrid_admin::monitor::Monitor;
use sendgrid_admin::plan::{Document, PlanOptions, SubuserSpec, TeammateSpec};
use sendgrid_admin::teammates::{InviteTeammate, PermissionType};
use sendgrid_admin::teammates_sso::{CreateSsoTeammate, SubuserGrant, UpdateSsoTeammate};
use sendgrid_admin::Client;
use sendgrid_admin_sandbox::Sandbox;

mod sandboxed;

const PARENT_SCOPES: &[&str] = &["mail.send", "stats.read", "subusers.read", "teammates.read"];
const GRANT_SCOPES: &[&str] = &["mail.send", "stats.read", "teammates.read"];

fn offering(name: &str, t: OfferingType, quantity: Option<i64>) -> Offering {
    Offering {
        extra: Default::default(),
        name: name.into(),
        r#type: t,
        quantity,
    }
}

fn pick(rng: &mut fastrand::Rng, from: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = from
        .iter()
        .filter(|_| rng.bool())
        .map(|s| s.to_string())
        .collect();
    if v.is_empty() {
        v.push(from[rng.usize(..from.len())].to_string());
    }
    v
}

fn grants(rng: &mut fastrand::Rng, subusers: &[String]) -> Vec<SubuserGrant> {
    let mut out = Vec::new();
    for s in subusers {
        if rng.u8(..3) != 0 {
            continue;
        }
        out.push(if rng.bool() {
            SubuserGrant {
                subuser: s.clone(),
                permission_type: PermissionType::Admin,
                scopes: vec![],
            }
        } else {
            SubuserGrant {
                subuser: s.clone(),
                permission_type: PermissionType::Restricted,
                scopes: pick(rng, GRANT_SCOPES),
            }
        });
    }
    if out.is_empty() && !subusers.is_empty() {
        out.push(SubuserGrant {
            subuser: subusers[0].clone(),
            permission_type: PermissionType::Restricted,
            scopes: vec!["stats.read".into()],
        });
    }
    out
}

fn names(first: &str) -> UpdateSsoTeammate {
    UpdateSsoTeammate {
        first_name: first.into(),
        last_name: "Generated".into(),
        ..Default::default()
    }
}

/// Makes a random account state through the API; returns the SSO teammates' emails.
async fn build_state(c: &Client, rng: &mut fastrand::Rng, subusers: &[String]) -> Vec<String> {
    for s in subusers {
        match rng.u8(..4) {
            0 => {
                let m = Monitor::new("audit@example.com", rng.u64(1..500));
                c.monitor().create(s, &m).await.unwrap();
            }
            1 => {
                c.ips().set(s, &[]).await.unwrap();
            }
            2 => {
                let cr = SetCredits {
                    r#type: CreditType::Recurring,
                    total: Some(rng.u64(1..10_000)),
                    reset_frequency: Some(ResetFrequency::Monthly),
                };
                c.credits().set(s, &cr).await.unwrap();
            }
            _ => {}
        }
        if rng.u8(..5) == 0 {
            c.subusers().disable(s).await.unwrap();
        }
    }
    let mut sso = Vec::new();
    for i in 0..rng.usize(0..4) {
        let email = format!("sso{i}@gen.test");
        let mut t = names("Sso");
        match rng.u8(..3) {
            0 => t.is_admin = true,
            1 => t.scopes = pick(rng, PARENT_SCOPES),
            _ if !subusers.is_empty() => t.subuser_access = grants(rng, subusers),
            _ => t.scopes = vec!["mail.send".into()],
        }
        c.teammates()
            .create_sso(&CreateSsoTeammate::new(email.clone(), t))
            .await
            .unwrap();
        sso.push(email);
    }
    for i in 0..rng.usize(0..3) {
        let admin = rng.u8(..4) == 0;
        c.teammates()
            .invite(&InviteTeammate {
                email: format!("invite{i}@gen.test"),
                scopes: if admin {
                    vec![]
                } else {
                    pick(rng, PARENT_SCOPES)
                },
                is_admin: admin,
            })
            .await
            .unwrap();
    }
    for _ in 0..rng.usize(0..3) {
        c.accounts()
            .create(&CreateAccount {
                offerings: vec![offering("org.ei.free.v1", OfferingType::Package, None)],
                ..Default::default()
            })
            .await
            .unwrap();
    }
    sso
}

/// Random edits of an exported document (only fields SendGrid lets a document write).
fn edit(rng: &mut fastrand::Rng, doc: &mut Document, sso: &[String], case: u64) -> bool {
    let subusers: Vec<String> = doc.subusers.iter().map(|s| s.username.clone()).collect();
    let mut prune = false;
    for s in &mut doc.subusers {
        match rng.u8(..8) {
            0 => s.disabled = s.disabled.map(|d| !d),
            1 => s.monitor = Some(Some(Monitor::new("ops@example.com", rng.u64(1..99)))),
            2 => s.monitor = Some(None),
            3 => {
                s.ips = Some(if rng.bool() {
                    vec![]
                } else {
                    vec!["192.0.2.10".into()]
                })
            }
            4 => {
                s.credits = Some(SetCredits {
                    r#type: CreditType::Nonrecurring,
                    total: Some(rng.u64(1..999)),
                    reset_frequency: None,
                })
            }
            5 => {
                s.credits = Some(SetCredits {
                    r#type: CreditType::Unlimited,
                    total: None,
                    reset_frequency: None,
                })
            }
            _ => {}
        }
    }
    if rng.u8(..3) == 0 {
        doc.subusers.push(SubuserSpec {
            username: format!("new{case}"),
            email: Some(format!("new{case}@gen.test")),
            password_env: Some("CONVERGENCE_PW".into()),
            ips: Some(if rng.bool() {
                vec!["192.0.2.10".into()]
            } else {
                vec![]
            }),
            monitor: rng
                .bool()
                .then(|| Some(Monitor::new("audit@example.com", 7))),
            disabled: rng.bool().then_some(true),
            ..Default::default()
        });
    }
    for t in &mut doc.teammates {
        let is_sso = sso.contains(&t.email);
        match rng.u8(..6) {
            // Parent permissions of unrestricted and admin teammates, and of invitations.
            0 if t.subuser_access.is_none() => {
                t.is_admin = false;
                t.scopes = pick(rng, PARENT_SCOPES);
            }
            1 if t.subuser_access.is_none() && !is_sso => {
                t.is_admin = true;
                t.scopes.clear();
            }
            // Subuser access of SSO teammates (SendGrid's only write of it).
            2 if is_sso && !subusers.is_empty() && !t.is_admin => {
                t.scopes.clear();
                t.subuser_access = Some(grants(rng, &subusers));
            }
            _ => {}
        }
    }
    if rng.u8(..3) == 0 {
        let n = doc.teammates.len();
        let mut t = TeammateSpec {
            email: format!("added{case}@gen.test"),
            ..Default::default()
        };
        if rng.bool() && !subusers.is_empty() {
            t.sso = true;
            t.first_name = Some("Added".into());
            t.last_name = Some(format!("{n}"));
            t.subuser_access = Some(grants(rng, &subusers));
        } else {
            t.scopes = pick(rng, PARENT_SCOPES);
        }
        doc.teammates.push(t);
    }
    for a in &mut doc.accounts {
        if rng.bool() {
            a.state = Some(if rng.bool() {
                NewAccountState::Deactivated
            } else {
                NewAccountState::Activated
            });
        }
        if rng.bool() {
            a.offerings = Some(vec![
                offering("org.ei.pro.v1", OfferingType::Package, None),
                offering("org.ei.ip.v1", OfferingType::Addon, Some(rng.i64(1..3))),
            ]);
        }
    }
    if rng.u8(..4) == 0 {
        // Remove one subuser and one teammate from the document, and prune.
        // (A subuser some grant names is kept: plan refuses to delete a granted subuser.)
        if !doc.subusers.is_empty() {
            let i = rng.usize(..doc.subusers.len());
            let name = doc.subusers[i].username.clone();
            let granted = doc
                .teammates
                .iter()
                .flat_map(|t| t.subuser_access.iter().flatten())
                .any(|g| g.subuser == name);
            if !granted {
                doc.subusers.remove(i);
            }
        }
        if !doc.teammates.is_empty() {
            let i = rng.usize(..doc.teammates.len());
            doc.teammates.remove(i);
        }
        prune = true;
    }
    prune
}

async fn writes(http: &reqwest::Client, sb: &Sandbox) -> u64 {
    let v: serde_json::Value = http
        .get(format!("{}/__sandbox/stats", sb.url()))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    v["counters"]["by_method"]
        .as_object()
        .map(|m| {
            m.iter()
                .filter(|(k, _)| k.as_str() != "GET")
                .map(|(_, n)| n.as_u64().unwrap_or(0))
                .sum()
        })
        .unwrap_or(0)
}

/// One case; `Err` describes the failure.
async fn case(
    c: &Client,
    http: &reqwest::Client,
    sb: &Sandbox,
    seed: u64,
) -> Result<usize, String> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let subusers = rng.usize(0..6);
    let teammates = if rng.u8(..8) == 0 {
        rng.usize(50..60)
    } else {
        rng.usize(0..6)
    };
    http.post(format!("{}/__sandbox/reset", sb.url()))
        .json(&serde_json::json!({"seed_subusers": subusers, "seed_teammates": teammates}))
        .send()
        .await
        .map_err(|e| e.to_string())?;
    let names: Vec<String> = (1..=subusers).map(|i| format!("sub{i:05}")).collect();
    let sso = build_state(c, &mut rng, &names).await;
    let mut doc = c.export().await.map_err(|e| format!("export: {e}"))?;
    let exported = doc.clone();
    let quiet = c
        .plan(&exported, &PlanOptions { prune: true })
        .await
        .map_err(|e| format!("plan of the export: {e}"))?;
    if !quiet.is_empty() {
        return Err(format!(
            "the export plans changes:\n{}",
            quiet.to_text(false)
        ));
    }
    let prune = edit(&mut rng, &mut doc, &sso, seed);
    let opts = PlanOptions { prune };
    let plan = c
        .plan(&doc, &opts)
        .await
        .map_err(|e| format!("plan: {e}"))?;
    for out in c.apply(&plan, &BulkOptions::default()).await {
        if let Err(e) = out.result {
            return Err(format!("apply {}: {} {e}", out.item.key, e.kind()));
        }
    }
    let after = c
        .plan(&doc, &opts)
        .await
        .map_err(|e| format!("re-plan: {e}"))?;
    if !after.is_empty() {
        return Err(format!(
            "apply then plan is not empty:\n{}\n(the plan applied:\n{})",
            after.to_text(false),
            plan.to_text(false)
        ));
    }
    let before = writes(http, sb).await;
    for out in c.apply(&plan, &BulkOptions::default()).await {
        if let Err(e) = out.result {
            return Err(format!("second apply {}: {} {e}", out.item.key, e.kind()));
        }
    }
    let written = writes(http, sb).await - before;
    if written != 0 {
        return Err(format!(
            "a second apply of the same plan wrote {written} time(s):\n{}",
            plan.to_text(false)
        ));
    }
    Ok(plan.changes.len())
}

#[tokio::test]
async fn apply_then_plan_is_empty_and_a_second_apply_writes_nothing() {
    std::env::set_var("CONVERGENCE_PW", "a long password 42");
    let cases: u64 = std::env::var("CONVERGENCE_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let first: u64 = std::env::var("CONVERGENCE_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    let sb = sandboxed::sandbox(0, 0).await;
    let c = sandboxed::client(&sb);
    let http = sandboxed::http();
    let started = std::time::Instant::now();
    let mut changes = 0;
    for seed in first..first + cases {
        match case(&c, &http, &sb, seed).await {
            Ok(n) => changes += n,
            Err(why) => {
                let doc = c.export().await.ok().and_then(|d| d.to_yaml().ok());
                panic!(
                    "case CONVERGENCE_SEED={seed} failed: {why}\n--- the account now ---\n{}",
                    doc.unwrap_or_default()
                );
            }
        }
    }
    println!(
        "convergence: {cases} cases, {changes} changes applied, {:.1} s",
        started.elapsed().as_secs_f64()
    );
}
