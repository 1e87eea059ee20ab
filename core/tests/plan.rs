//! Declarative administration against the sandbox: export, plan, apply, drift and convergence.
use sendgrid_admin::bulk::BulkOptions;
use sendgrid_admin::monitor::Monitor;
use sendgrid_admin::plan::{Action, Document, PlanOptions, Resource};
use sendgrid_admin::teammates::{InviteTeammate, Permissions};
use sendgrid_admin::{Client, ErrorKind};

mod sandboxed;
use sandboxed::{apply_all, client, control, sandbox};

#[tokio::test]
async fn export_then_plan_is_empty_and_yaml_round_trips() {
    let sb = sandbox(30, 6).await;
    let c = client(&sb);
    c.monitor()
        .create("sub00002", &Monitor::new("audit@example.com", 50))
        .await
        .unwrap();
    let doc = c.export().await.unwrap();
    assert_eq!(doc.subusers.len(), 30);
    assert_eq!(doc.teammates.len(), 6);
    assert_eq!(
        doc.subusers[0].ips.as_deref(),
        Some(&["192.0.2.10".to_string()][..])
    );
    assert_eq!(
        doc.subusers[1].monitor.clone().flatten().unwrap().frequency,
        50
    );
    assert_eq!(doc.subusers[0].monitor, Some(None));
    let yaml = doc.to_yaml().unwrap();
    assert!(!yaml.contains("password"), "{yaml}");
    assert_eq!(Document::from_yaml(&yaml).unwrap(), doc);
    let plan = c.plan(&doc, &PlanOptions { prune: true }).await.unwrap();
    assert!(plan.is_empty(), "{}", plan.to_text(false));
    assert!(plan.unmanaged.is_empty());
}

#[tokio::test]
async fn edits_plan_exactly_and_apply_converges() {
    let sb = sandbox(5, 2).await;
    let c = client(&sb);
    std::env::set_var("PLAN_TEST_PW", "correct horse battery staple 1");
    let doc = Document::from_yaml(
        r#"
subusers:
  - username: sub00001
    disabled: true
    monitor: {email: audit@example.com, frequency: 10}
  - username: sub00002
    ips: []
    credits: {type: recurring, total: 500, reset_frequency: monthly}
  - username: newbie
    email: newbie@example.com
    password_env: PLAN_TEST_PW
    ips: [192.0.2.10]
    monitor: {email: audit@example.com, frequency: 5}
    website_access: false
teammates:
  - email: teammate0001@seed.test
    is_admin: true
  - email: teammate0002@seed.test
    scopes: [mail.send]
  - email: new@example.com
    scopes: [stats.read]
"#,
    )
    .unwrap();
    let plan = c.plan(&doc, &PlanOptions::default()).await.unwrap();
    let shape: Vec<(Resource, &str, Action, Vec<&str>)> = plan
        .changes
        .iter()
        .map(|ch| {
            (
                ch.resource,
                ch.key.as_str(),
                ch.action,
                ch.fields.iter().map(|f| f.field.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        shape,
        vec![
            (
                Resource::Subuser,
                "sub00001",
                Action::Update,
                vec!["disabled", "monitor"]
            ),
            (
                Resource::Subuser,
                "sub00002",
                Action::Update,
                vec!["ips", "credits"]
            ),
            (
                Resource::Subuser,
                "newbie",
                Action::Create,
                vec!["email", "ips", "monitor", "website_access", "password_env"]
            ),
            (
                Resource::Teammate,
                "teammate0002@seed.test",
                Action::Update,
                vec!["permissions"]
            ),
            (
                Resource::Teammate,
                "new@example.com",
                Action::Create,
                vec!["permissions"]
            ),
        ],
        "{}",
        plan.to_text(false)
    );
    assert_eq!(plan.unmanaged.len(), 3, "sub00003..5 are not managed");
    let text = plan.to_text(false);
    assert!(
        text.contains("~ subuser sub00001\n    disabled: false -> true"),
        "{text}"
    );
    assert!(!text.contains("correct horse"));
    apply_all(&c, &plan).await;
    let again = c.plan(&doc, &PlanOptions::default()).await.unwrap();
    assert!(again.is_empty(), "{}", again.to_text(false));
    // Applying the same (now stale) plan again changes nothing and fails nothing.
    apply_all(&c, &plan).await;
    // Prune deletes what the document does not list, teammates before subusers.
    let pruned = c.plan(&doc, &PlanOptions { prune: true }).await.unwrap();
    let (_, _, d) = pruned.counts();
    assert_eq!(d, 3);
    assert!(pruned.changes.iter().all(|ch| ch.action == Action::Delete));
    apply_all(&c, &pruned).await;
    assert!(c
        .plan(&doc, &PlanOptions { prune: true })
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn drift_since_the_plan_is_a_conflict_and_shows_in_the_next_plan() {
    let sb = sandbox(3, 0).await;
    let c = client(&sb);
    let doc = Document::from_yaml(
        "subusers:\n  - username: sub00001\n    monitor: {email: a@example.com, frequency: 10}\n",
    )
    .unwrap();
    let plan = c.plan(&doc, &PlanOptions::default()).await.unwrap();
    assert_eq!(plan.changes.len(), 1);
    // Someone else sets a different monitor in between.
    let theirs = Monitor::new("b@example.com", 99);
    c.monitor().create("sub00001", &theirs).await.unwrap();
    let out = c.apply(&plan, &BulkOptions::default()).await;
    let e = out[0].result.as_ref().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict);
    assert!(e.to_string().contains("changed since the plan"), "{e}");
    assert_eq!(c.monitor().get("sub00001").await.unwrap(), theirs);
    let next = c.plan(&doc, &PlanOptions::default()).await.unwrap();
    let f = next.changes[0].field("monitor").unwrap();
    assert_eq!(f.before.as_ref().unwrap()["frequency"], 99);
    // Drift in teammates too: an invitation made through the API shows up as unmanaged.
    c.teammates()
        .invite(&InviteTeammate {
            email: "drift@example.com".into(),
            scopes: vec!["mail.send".into()],
            is_admin: false,
        })
        .await
        .unwrap();
    let next = c.plan(&doc, &PlanOptions { prune: true }).await.unwrap();
    let del = next
        .changes
        .iter()
        .find(|ch| ch.key == "drift@example.com")
        .unwrap();
    assert_eq!(del.action, Action::Delete);
    assert!(del.pending);
    // It is re-invited as an admin before the plan is applied: the deletion is refused.
    let token = del.target.clone().unwrap();
    c.teammates().delete_pending(&token).await.unwrap();
    c.teammates()
        .invite(&InviteTeammate {
            email: "drift@example.com".into(),
            scopes: vec![],
            is_admin: true,
        })
        .await
        .unwrap();
    let out = c.apply(&next, &BulkOptions::default()).await;
    let failed: Vec<_> = out.iter().filter(|o| o.result.is_err()).collect();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].item.key, "drift@example.com");
    let _ = Permissions::admin();
}

#[tokio::test]
async fn a_bad_document_lists_every_problem_before_any_request() {
    // Nothing listens on this port: any request would be a transport error.
    let c = Client::builder()
        .api_key("SG.test")
        .base_url("http://127.0.0.1:9")
        .build()
        .unwrap();
    let doc = Document::from_yaml(
        r#"
subusers:
  - username: a
    ips: [300.1.1.1]
    monitor: {email: not-an-email, frequency: 0}
  - username: a
teammates:
  - email: t@example.com
    is_admin: true
    scopes: [mail.send]
"#,
    )
    .unwrap();
    let e = c.plan(&doc, &PlanOptions::default()).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    let msg = e.to_string();
    for want in [
        "subusers[0].ips[0]",
        "subusers[0].monitor.frequency",
        "subusers[0].monitor.email",
        "subusers[1].username",
        "teammates[0].scopes",
    ] {
        assert!(msg.contains(want), "{want} missing from {msg}");
    }
    let typo = Document::from_yaml("subusers:\n  - username: a\n    emial: x@example.com\n")
        .unwrap_err()
        .to_string();
    assert!(typo.contains("line 3") && typo.contains("emial"), "{typo}");
    // A monitor is read strictly too (SendGrid's answers keep unknown fields; documents do not).
    let typo = Document::from_yaml(
        "subusers:\n  - username: a\n    monitor: {email: x@example.com, frequency: 5, every: 2}\n",
    )
    .unwrap_err()
    .to_string();
    assert!(typo.contains("every"), "{typo}");
    // A wrong type is said in words, with where it is.
    let wrong = Document::from_yaml(
        "subusers:\n  - username: a\n    monitor: {email: x@example.com, frequency: often}\n",
    )
    .unwrap_err()
    .to_string();
    assert!(wrong.contains("expected a whole number"), "{wrong}");
    assert!(
        wrong.contains("the text \"often\"") || wrong.contains("often"),
        "{wrong}"
    );
    assert!(wrong.contains("line 3"), "{wrong}");
    assert!(!wrong.contains("u64"), "{wrong}");
}

/// Fields SendGrid adds to its answers are not managed: they never show as a change.
#[tokio::test]
async fn fields_sendgrid_adds_never_read_as_drift() {
    use sendgrid_admin::accounts::{CreateAccount, Offering, OfferingType};
    let sb = sandbox(3, 2).await;
    let c = client(&sb);
    c.monitor()
        .create("sub00002", &Monitor::new("audit@example.com", 50))
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
    control(&sb, "quirks", serde_json::json!({"added_fields": true})).await;
    let doc = c.export().await.unwrap();
    assert_eq!(doc.accounts.len(), 1);
    let plan = c.plan(&doc, &PlanOptions { prune: true }).await.unwrap();
    assert!(plan.is_empty(), "{}", plan.to_text(false));
    assert!(!doc.to_yaml().unwrap().contains("sandbox_added"));
}

/// The published schema is the one the types generate (regenerate with
/// `sendgrid-admin schema > core/schema/account.schema.json`).
#[test]
fn the_published_schema_is_current() {
    let published: serde_json::Value =
        serde_json::from_str(include_str!("../schema/account.schema.json")).unwrap();
    assert!(
        published == sendgrid_admin::plan::schema(),
        "core/schema/account.schema.json is stale: run `sendgrid-admin schema > core/schema/account.schema.json`"
    );
    assert_eq!(
        published["$defs"]["SubuserSpec"]["additionalProperties"],
        false
    );
}

/// Apply under injected faults (5% 503 before processing, 2% connections dropped after it):
/// every change reported ok is in place, every change the next plan still lists was reported
/// failed, and a second apply converges.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn apply_under_faults_reports_each_change_and_reapply_converges() {
    let sb = sandbox(150, 0).await;
    let c = client(&sb);
    std::env::set_var("PLAN_FAULT_PW", "correct horse battery staple 2");
    let mut yaml = String::from("subusers:\n");
    for i in 1..=150 {
        yaml.push_str(&format!(
            "- username: sub{i:05}\n  monitor: {{email: audit@example.com, frequency: {i}}}\n  disabled: {}\n",
            i % 3 == 0
        ));
    }
    for i in 1..=30 {
        yaml.push_str(&format!(
            "- username: new{i:03}\n  email: new{i}@example.com\n  password_env: PLAN_FAULT_PW\n  ips: [192.0.2.10]\n"
        ));
    }
    let doc = Document::from_yaml(&yaml).unwrap();
    let plan = c.plan(&doc, &PlanOptions::default()).await.unwrap();
    assert_eq!(plan.changes.len(), 180);
    let mut rng = fastrand::Rng::with_seed(7);
    let steps: Vec<serde_json::Value> = (0..4000)
        .map(|_| match rng.u32(0..100) {
            0..=4 => serde_json::json!(503),
            5..=6 => serde_json::json!("drop"),
            _ => serde_json::json!("ok"),
        })
        .collect();
    control(&sb, "faults", serde_json::json!({ "sequence": steps })).await;
    let out = c.apply(&plan, &BulkOptions::default()).await;
    assert_eq!(out.len(), 180);
    control(&sb, "faults", serde_json::json!({})).await;
    let failed: std::collections::HashSet<String> = out
        .iter()
        .filter(|o| o.result.is_err())
        .map(|o| o.item.key.clone())
        .collect();
    for o in &out {
        if let Err(e) = &o.result {
            assert!(
                matches!(
                    e.kind(),
                    ErrorKind::Server | ErrorKind::Transport | ErrorKind::Timeout
                ),
                "{}: {e}",
                o.item.key
            );
        }
    }
    let next = c.plan(&doc, &PlanOptions::default()).await.unwrap();
    for ch in &next.changes {
        assert!(
            failed.contains(&ch.key),
            "{} reported ok but still differs",
            ch.key
        );
    }
    apply_all(&c, &next).await;
    assert!(c
        .plan(&doc, &PlanOptions::default())
        .await
        .unwrap()
        .is_empty());
    eprintln!(
        "{} of 180 changes failed under faults; re-apply converged",
        failed.len()
    );
}

#[tokio::test]
async fn customer_accounts_state_and_offerings() {
    use sendgrid_admin::accounts::{CreateAccount, Offering, OfferingType};
    let sb = sandbox(0, 0).await;
    let c = client(&sb);
    let offering = |name: &str, r#type, quantity| Offering {
        extra: Default::default(),
        name: name.into(),
        r#type,
        quantity,
    };
    let id = c
        .accounts()
        .create(&CreateAccount {
            offerings: vec![offering("org.ei.free.v1", OfferingType::Package, None)],
            ..Default::default()
        })
        .await
        .unwrap()
        .account_id;
    let other = c
        .accounts()
        .create(&CreateAccount {
            offerings: vec![offering("org.ei.free.v1", OfferingType::Package, None)],
            ..Default::default()
        })
        .await
        .unwrap()
        .account_id;
    let exported = c.export().await.unwrap();
    assert_eq!(exported.accounts.len(), 2);
    assert!(c
        .plan(&exported, &PlanOptions { prune: true })
        .await
        .unwrap()
        .is_empty());
    let doc = Document::from_yaml(&format!(
        "accounts:\n- account_id: {id}\n  state: deactivated\n  offerings:\n  - {{name: org.ei.free.v1, type: package}}\n  - {{name: org.ei.ip.v1, type: addon, quantity: 2}}\n"
    ))
    .unwrap();
    let plan = c.plan(&doc, &PlanOptions { prune: true }).await.unwrap();
    assert_eq!(plan.changes.len(), 1, "{}", plan.to_text(false));
    let fields: Vec<&str> = plan.changes[0]
        .fields
        .iter()
        .map(|f| f.field.as_str())
        .collect();
    assert_eq!(fields, ["state", "offerings"]);
    assert_eq!(
        plan.unmanaged.len(),
        1,
        "the other account is listed, never deleted"
    );
    assert_eq!(plan.unmanaged[0].key, other);
    assert!(plan.to_text(false).contains("apply never deletes accounts"));
    apply_all(&c, &plan).await;
    assert!(c
        .plan(&doc, &PlanOptions { prune: true })
        .await
        .unwrap()
        .is_empty());
    // An account that does not exist, and offerings without a package, are problems.
    let bad = Document::from_yaml(
        "accounts:\n- account_id: nope\n- account_id: x2\n  offerings: [{name: org.ei.ip.v1, type: addon}]\n",
    )
    .unwrap();
    let e = c
        .plan(&bad, &PlanOptions::default())
        .await
        .unwrap_err()
        .to_string();
    assert!(e.contains("accounts[1].offerings"), "{e}");
    let missing = Document::from_yaml("accounts:\n- account_id: nope\n").unwrap();
    let e = c
        .plan(&missing, &PlanOptions::default())
        .await
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("accounts[0]: account nope does not exist"),
        "{e}"
    );
}

#[tokio::test]
async fn sso_teammates_and_their_subuser_access() {
    let sb = sandbox(4, 0).await;
    let c = client(&sb);
    let doc = |grants: &str| {
        Document::from_yaml(&format!(
            "teammates:\n- email: ada@x.test\n  sso: true\n  first_name: Ada\n  last_name: Lovelace\n  subuser_access:\n{grants}"
        ))
        .unwrap()
    };
    let first = doc(
        "  - {subuser: sub00001, permission_type: admin}\n  - {subuser: sub00002, permission_type: restricted, scopes: [stats.read]}\n",
    );
    let plan = c.plan(&first, &PlanOptions::default()).await.unwrap();
    assert_eq!(plan.changes.len(), 1);
    assert!(plan.changes[0].sso);
    assert!(
        plan.to_text(false).contains("+ teammate ada@x.test (sso)"),
        "{}",
        plan.to_text(false)
    );
    apply_all(&c, &plan).await;
    assert!(c
        .plan(&first, &PlanOptions::default())
        .await
        .unwrap()
        .is_empty());
    let exported = c.export().await.unwrap();
    let ada = exported
        .teammates
        .iter()
        .find(|t| t.email == "ada@x.test")
        .unwrap();
    assert_eq!(ada.subuser_access.as_ref().map(Vec::len), Some(2));
    assert!(c
        .plan(&exported, &PlanOptions { prune: true })
        .await
        .unwrap()
        .is_empty());
    // Change the access: one update, applied through update_sso.
    let second = doc(
        "  - {subuser: sub00002, permission_type: admin}\n  - {subuser: sub00003, permission_type: restricted, scopes: [mail.send]}\n",
    );
    let plan = c.plan(&second, &PlanOptions::default()).await.unwrap();
    let fields: Vec<&str> = plan.changes[0]
        .fields
        .iter()
        .map(|f| f.field.as_str())
        .collect();
    assert_eq!(fields, ["subuser_access"]);
    apply_all(&c, &plan).await;
    assert!(c
        .plan(&second, &PlanOptions::default())
        .await
        .unwrap()
        .is_empty());
    // SendGrid's silent drop of access with an unknown scope is a failed change, not a success.
    control(&sb, "quirks", serde_json::json!({"sso_silent_drop": true})).await;
    let third =
        doc("  - {subuser: sub00004, permission_type: restricted, scopes: [not.a.real.scope]}\n");
    let plan = c.plan(&third, &PlanOptions::default()).await.unwrap();
    let out = c.apply(&plan, &BulkOptions::default()).await;
    assert_eq!(
        out[0].result.as_ref().unwrap_err().kind(),
        ErrorKind::NotApplied
    );
    // The document's rules: names required for SSO, subuser access needs it restricted.
    let bad = Document::from_yaml(
        "teammates:\n- email: b@x.test\n  sso: true\n  subuser_access: [{subuser: sub00001, permission_type: restricted}]\n",
    )
    .unwrap();
    let e = c
        .plan(&bad, &PlanOptions::default())
        .await
        .unwrap_err()
        .to_string();
    assert!(e.contains("teammates[0].first_name"), "{e}");
}

#[tokio::test]
async fn on_behalf_of_manages_teammates_only() {
    let sb = sandbox(2, 0).await;
    let c = client(&sb).on_behalf_of(sendgrid_admin::OnBehalfOf::subuser("sub00001"));
    let doc = c.export().await.unwrap();
    assert!(doc.subusers.is_empty(), "subusers belong to the parent");
    assert!(doc.accounts.is_empty());
    let mine =
        Document::from_yaml("teammates:\n- email: sub-mate@example.com\n  scopes: [mail.send]\n")
            .unwrap();
    let plan = c.plan(&mine, &PlanOptions::default()).await.unwrap();
    assert_eq!(plan.changes.len(), 1);
    apply_all(&c, &plan).await;
    assert!(c
        .plan(&mine, &PlanOptions::default())
        .await
        .unwrap()
        .is_empty());
    // The parent does not see the subuser's teammate.
    let parent = client(&sb).export().await.unwrap();
    assert!(parent
        .teammates
        .iter()
        .all(|t| t.email != "sub-mate@example.com"));
    let e = c
        .plan(
            &Document::from_yaml("subusers:\n- username: x\n").unwrap(),
            &PlanOptions::default(),
        )
        .await
        .unwrap_err();
    assert_eq!(e.field(), Some("document.subusers"));
}
