//! Every managed field plans a change when edited: for each field of every resource a document
//! holds, a fresh export with that one field edited plans exactly that field's change (and the
//! fields SendGrid cannot change plan a warning instead). Under the sandbox's default quirks.
use sendgrid_admin::accounts::{CreateAccount, NewAccountState, Offering, OfferingType};
use sendgrid_admin::credits::{CreditType, ResetFrequency, SetCredits};
use sendgrid_admin::monitor::Monitor;
use sendgrid_admin::plan::{Action, Document, PlanOptions};
use sendgrid_admin::teammates::{InviteTeammate, PermissionType};
use sendgrid_admin::teammates_sso::{CreateSsoTeammate, SubuserGrant, UpdateSsoTeammate};
use sendgrid_admin::{Client, Region};
use sendgrid_admin_sandbox::Sandbox;

mod sandboxed;
use sandboxed::{client, sandbox};

/// An account with one of everything: subusers (one with a monitor), an admin, an unrestricted
/// and a restricted SSO teammate, a pending invitation, a customer account.
async fn account() -> (Sandbox, Client) {
    let sb = sandbox(3, 1).await;
    let c = client(&sb);
    c.monitor()
        .create("sub00002", &Monitor::new("audit@example.com", 50))
        .await
        .unwrap();
    let names = |scopes: Vec<String>, access: Vec<SubuserGrant>| UpdateSsoTeammate {
        first_name: "Ada".into(),
        last_name: "Lovelace".into(),
        scopes,
        subuser_access: access,
        ..Default::default()
    };
    let t = c.teammates();
    t.create_sso(&CreateSsoTeammate::new(
        "open@x.test",
        names(vec!["mail.send".into()], vec![]),
    ))
    .await
    .unwrap();
    t.create_sso(&CreateSsoTeammate::new(
        "restricted@x.test",
        names(
            vec![],
            vec![SubuserGrant {
                subuser: "sub00001".into(),
                permission_type: PermissionType::Restricted,
                scopes: vec!["mail.send".into()],
            }],
        ),
    ))
    .await
    .unwrap();
    t.invite(&InviteTeammate {
        email: "pending@x.test".into(),
        scopes: vec!["stats.read".into()],
        is_admin: false,
    })
    .await
    .unwrap();
    c.accounts()
        .create(&CreateAccount {
            offerings: vec![Offering {
                extra: Default::default(),
                name: "org.ei.free.v1".into(),
                r#type: OfferingType::Package,
                quantity: None,
            }],
            ..Default::default()
        })
        .await
        .unwrap();
    (sb, c)
}

/// Exports, applies `edit`, plans: the one change's (key, action, fields) and the warnings.
async fn plan_of(
    c: &Client,
    edit: impl FnOnce(&mut Document),
) -> (Vec<(String, Vec<String>)>, Vec<String>) {
    let mut doc = c.export().await.unwrap();
    assert!(c
        .plan(&doc, &PlanOptions::default())
        .await
        .unwrap()
        .is_empty());
    edit(&mut doc);
    let plan = c.plan(&doc, &PlanOptions::default()).await.unwrap();
    assert!(plan.changes.iter().all(|ch| ch.action == Action::Update));
    let changes = plan
        .changes
        .iter()
        .map(|ch| {
            (
                ch.key.clone(),
                ch.fields.iter().map(|f| f.field.clone()).collect(),
            )
        })
        .collect();
    (changes, plan.warnings)
}

fn one(key: &str, field: &str) -> Vec<(String, Vec<String>)> {
    vec![(key.to_string(), vec![field.to_string()])]
}

fn idx(doc: &Document, email: &str) -> usize {
    doc.teammates.iter().position(|t| t.email == email).unwrap()
}

#[tokio::test]
async fn each_subuser_field() {
    let (_sb, c) = account().await;
    let (p, _) = plan_of(&c, |d| d.subusers[0].disabled = Some(true)).await;
    assert_eq!(p, one("sub00001", "disabled"));
    let (p, _) = plan_of(&c, |d| d.subusers[0].ips = Some(vec![])).await;
    assert_eq!(p, one("sub00001", "ips"));
    let (p, _) = plan_of(&c, |d| {
        d.subusers[0].monitor = Some(Some(Monitor::new("a@example.com", 9)))
    })
    .await;
    assert_eq!(p, one("sub00001", "monitor"));
    let (p, _) = plan_of(&c, |d| {
        d.subusers[1].monitor = Some(Some(Monitor::new("audit@example.com", 51)))
    })
    .await;
    assert_eq!(p, one("sub00002", "monitor"));
    let (p, _) = plan_of(&c, |d| d.subusers[1].monitor = Some(None)).await;
    assert_eq!(p, one("sub00002", "monitor"));
    let (p, _) = plan_of(&c, |d| {
        d.subusers[2].credits = Some(SetCredits {
            r#type: CreditType::Recurring,
            total: Some(10),
            reset_frequency: Some(ResetFrequency::Weekly),
        })
    })
    .await;
    assert_eq!(p, one("sub00003", "credits"));
    // What SendGrid cannot change or read plans a warning, never a silent nothing.
    for (field, edit) in [
        (
            "email",
            Box::new(|d: &mut Document| d.subusers[0].email = Some("x@y.test".into()))
                as Box<dyn FnOnce(&mut Document)>,
        ),
        (
            "region",
            Box::new(|d: &mut Document| d.subusers[0].region = Some(Region::Eu)),
        ),
        (
            "website_access",
            Box::new(|d: &mut Document| d.subusers[0].website_access = Some(false)),
        ),
    ] {
        let (p, w) = plan_of(&c, edit).await;
        assert!(p.is_empty(), "{field}: {p:?}");
        assert!(
            w.iter()
                .any(|w| w.contains(&format!("subusers[0].{field}"))),
            "{field}: {w:?}"
        );
    }
}

#[tokio::test]
async fn each_teammate_field_of_each_kind() {
    let (_sb, c) = account().await;
    // An admin made a teammate with scopes; an unrestricted teammate's scopes.
    let (p, _) = plan_of(&c, |d| {
        let i = idx(d, "teammate0001@seed.test");
        let t = &mut d.teammates[i];
        t.is_admin = false;
        t.scopes = vec!["mail.send".into()];
    })
    .await;
    assert_eq!(p, one("teammate0001@seed.test", "permissions"));
    let (p, _) = plan_of(&c, |d| {
        let i = idx(d, "open@x.test");
        d.teammates[i].scopes.push("stats.read".into());
    })
    .await;
    assert_eq!(p, one("open@x.test", "permissions"));
    let (p, _) = plan_of(&c, |d| {
        let i = idx(d, "open@x.test");
        d.teammates[i].scopes.clear();
        d.teammates[i].is_admin = true;
    })
    .await;
    assert_eq!(p, one("open@x.test", "permissions"));
    // A restricted teammate's grants: another subuser, another scope, another type.
    for edit in [
        Box::new(|g: &mut Vec<SubuserGrant>| g[0].subuser = "sub00002".into())
            as Box<dyn Fn(&mut Vec<SubuserGrant>)>,
        Box::new(|g: &mut Vec<SubuserGrant>| g[0].scopes.push("teammates.read".into())),
        Box::new(|g: &mut Vec<SubuserGrant>| {
            g[0].permission_type = PermissionType::Admin;
            g[0].scopes.clear();
        }),
        Box::new(|g: &mut Vec<SubuserGrant>| {
            g.push(SubuserGrant {
                subuser: "sub00003".into(),
                permission_type: PermissionType::Admin,
                scopes: vec![],
            })
        }),
    ] {
        let (p, _) = plan_of(&c, |d| {
            let i = idx(d, "restricted@x.test");
            edit(d.teammates[i].subuser_access.as_mut().unwrap());
        })
        .await;
        assert_eq!(p, one("restricted@x.test", "subuser_access"));
    }
    // Names (SSO teammates), and an invitation's permissions.
    let (p, _) = plan_of(&c, |d| {
        let i = idx(d, "open@x.test");
        d.teammates[i].first_name = Some("Augusta".into());
    })
    .await;
    assert_eq!(p, one("open@x.test", "first_name"));
    let (p, _) = plan_of(&c, |d| {
        let i = idx(d, "restricted@x.test");
        d.teammates[i].last_name = Some("King".into());
    })
    .await;
    assert_eq!(p, one("restricted@x.test", "last_name"));
    let (p, _) = plan_of(&c, |d| {
        let i = idx(d, "pending@x.test");
        d.teammates[i].scopes = vec!["mail.send".into()];
    })
    .await;
    assert_eq!(p, one("pending@x.test", "permissions"));
}

#[tokio::test]
async fn each_account_field() {
    let (_sb, c) = account().await;
    let (p, _) = plan_of(&c, |d| {
        d.accounts[0].state = Some(NewAccountState::Deactivated)
    })
    .await;
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].1, ["state"]);
    let (p, _) = plan_of(&c, |d| {
        d.accounts[0].offerings = Some(vec![Offering {
            extra: Default::default(),
            name: "org.ei.pro.v1".into(),
            r#type: OfferingType::Package,
            quantity: None,
        }])
    })
    .await;
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].1, ["offerings"]);
}
