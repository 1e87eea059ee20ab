//! The declarative document on an account with every kind of teammate, under SendGrid's own
//! behaviours (the sandbox's default quirks): auto-added scopes, baseline grant scopes, the
//! 50-teammate page cap, implied access of admins and unrestricted teammates.
use sendgrid_admin::plan::{Document, Plan, PlanOptions, TeammateSpec};
use sendgrid_admin::teammates::{InviteTeammate, PermissionType};
use sendgrid_admin::teammates_sso::{CreateSsoTeammate, SubuserGrant, UpdateSsoTeammate};
use sendgrid_admin::{Client, ErrorKind};

mod sandboxed;
use sandboxed::{apply_all, client, sandbox};

async fn plan(c: &Client, doc: &Document) -> Plan {
    c.plan(doc, &PlanOptions::default()).await.unwrap()
}

fn teammate<'a>(doc: &'a Document, email: &str) -> &'a TeammateSpec {
    doc.teammates.iter().find(|t| t.email == email).unwrap()
}

fn fields(p: &Plan) -> Vec<(String, Vec<String>)> {
    p.changes
        .iter()
        .map(|c| {
            (
                c.key.clone(),
                c.fields.iter().map(|f| f.field.clone()).collect(),
            )
        })
        .collect()
}

#[tokio::test]
async fn adding_a_subuser_to_an_export_with_60_teammates_converges() {
    // The issue's account: 30 subusers, 60 teammates (odd ones admins, even ones restricted).
    let sb = sandbox(30, 60).await;
    let c = client(&sb);
    let mut doc = c.export().await.unwrap();
    assert_eq!(doc.teammates.len(), 60, "every teammate past the page cap");
    let admin = teammate(&doc, "teammate0001@seed.test");
    assert!(admin.is_admin && admin.scopes.is_empty() && admin.subuser_access.is_none());
    let restricted = teammate(&doc, "teammate0002@seed.test");
    assert!(
        restricted.scopes.is_empty(),
        "a restricted teammate's scopes are derived"
    );
    let grants = restricted.subuser_access.as_ref().unwrap();
    assert_eq!(grants.len(), 15);
    assert_eq!(
        grants[0].scopes,
        ["stats.read"],
        "baseline scopes are left out"
    );
    let yaml = doc.to_yaml().unwrap();
    assert!(!yaml.contains("2fa_"), "{yaml}");
    assert!(!yaml.contains("sender_verification"), "{yaml}");
    assert!(plan(&c, &doc).await.is_empty());

    std::env::set_var("PLAN_TEAMMATES_PW", "a long password 1");
    doc.subusers.push(
        serde_norway::from_str(
            "{username: newco, email: ops@newco.example, password_env: PLAN_TEAMMATES_PW}",
        )
        .unwrap(),
    );
    let p = plan(&c, &doc).await;
    assert_eq!(p.counts(), (1, 0, 0), "{}", p.to_text(false));
    apply_all(&c, &p).await;
    let again = plan(&c, &doc).await;
    assert!(again.is_empty(), "{}", again.to_text(false));
    let export = c.export().await.unwrap();
    assert!(plan(&c, &export).await.is_empty());
}

#[tokio::test]
async fn every_kind_of_teammate_is_exported_as_it_can_be_written_back() {
    let sb = sandbox(3, 0).await;
    let c = client(&sb);
    let t = c.teammates();
    t.invite(&InviteTeammate {
        email: "pending@x.test".into(),
        scopes: vec!["mail.send".into()],
        is_admin: false,
    })
    .await
    .unwrap();
    let sso = |scopes: Vec<String>, access: Vec<SubuserGrant>| UpdateSsoTeammate {
        first_name: "Ada".into(),
        last_name: "Lovelace".into(),
        scopes,
        subuser_access: access,
        ..Default::default()
    };
    t.create_sso(&CreateSsoTeammate::new(
        "open@x.test",
        sso(vec!["mail.send".into()], vec![]),
    ))
    .await
    .unwrap();
    t.create_sso(&CreateSsoTeammate::new(
        "restricted@x.test",
        sso(
            vec![],
            vec![
                SubuserGrant {
                    subuser: "sub00001".into(),
                    permission_type: PermissionType::Restricted,
                    scopes: vec!["mail.send".into()],
                },
                SubuserGrant {
                    subuser: "sub00002".into(),
                    permission_type: PermissionType::Admin,
                    scopes: vec![],
                },
            ],
        ),
    ))
    .await
    .unwrap();
    // SendGrid's reads carry its own scopes.
    let read = t.get("open@x.test").await.unwrap();
    assert!(read.scopes.contains(&"2fa_exempt".to_string()), "{read:?}");

    let doc = c.export().await.unwrap();
    let pending = teammate(&doc, "pending@x.test");
    assert!(pending.pending && pending.scopes == ["mail.send"]);
    let open = teammate(&doc, "open@x.test");
    assert_eq!(open.scopes, ["mail.send"]);
    assert!(open.subuser_access.is_none());
    let r = teammate(&doc, "restricted@x.test");
    assert!(r.scopes.is_empty());
    let g = r.subuser_access.as_ref().unwrap();
    assert_eq!(g[0].scopes, ["mail.send"]);
    assert_eq!(g[1].permission_type, PermissionType::Admin);
    let yaml = doc.to_yaml().unwrap();
    assert_eq!(Document::from_yaml(&yaml).unwrap(), doc);
    assert!(plan(&c, &doc).await.is_empty());
}

#[tokio::test]
async fn a_scope_edit_of_an_exported_teammate_plans_and_applies() {
    let sb = sandbox(2, 0).await;
    let c = client(&sb);
    c.teammates()
        .create_sso(&CreateSsoTeammate::new(
            "ada@x.test",
            UpdateSsoTeammate {
                first_name: "Ada".into(),
                last_name: "Lovelace".into(),
                scopes: vec!["mail.send".into()],
                ..Default::default()
            },
        ))
        .await
        .unwrap();
    let mut doc = c.export().await.unwrap();
    doc.teammates[0].scopes.push("stats.read".into());
    let p = plan(&c, &doc).await;
    assert_eq!(
        fields(&p),
        [("ada@x.test".to_string(), vec!["permissions".to_string()])]
    );
    apply_all(&c, &p).await;
    assert!(plan(&c, &doc).await.is_empty());
    let now = c.teammates().get("ada@x.test").await.unwrap();
    assert!(now.scopes.contains(&"stats.read".to_string()));
}

#[tokio::test]
async fn a_document_that_cannot_mean_one_thing_is_refused_naming_the_field() {
    let sb = sandbox(1, 0).await;
    let c = client(&sb);
    let doc = Document::from_yaml(
        r#"
teammates:
- email: both@x.test
  scopes: [mail.send]
  subuser_access: [{subuser: sub00001, permission_type: admin}]
- email: admin@x.test
  is_admin: true
  subuser_access: [{subuser: sub00001, permission_type: admin}]
- email: twofa@x.test
  scopes: [mail.send, 2fa_required]
- email: invite@x.test
  pending: true
  sso: true
  first_name: A
  last_name: B
  scopes: [mail.send]
- email: plain@x.test
  subuser_access: [{subuser: sub00001, permission_type: restricted, scopes: [stats.read]}]
"#,
    )
    .unwrap();
    let e = c.plan(&doc, &PlanOptions::default()).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    let msg = e.to_string();
    for needle in [
        "teammates[0].scopes: must be left out with subuser_access",
        "teammates[1].subuser_access: must be left out when is_admin is true",
        "teammates[2].scopes[1]: \"2fa_required\" is added by SendGrid itself",
        "teammates[3].pending",
    ] {
        assert!(msg.contains(needle), "{needle} in {msg}");
    }
    // A restricted teammate to create must be an SSO one: a plan problem, before any write.
    let only = Document {
        teammates: vec![doc.teammates[4].clone()],
        ..Default::default()
    };
    let msg = c
        .plan(&only, &PlanOptions::default())
        .await
        .unwrap_err()
        .to_string();
    assert!(msg.contains("teammates[0].subuser_access"), "{msg}");
    assert!(msg.contains("SSO teammate"), "{msg}");
}

#[tokio::test]
async fn restriction_is_lifted_with_an_empty_list_and_scopes() {
    let sb = sandbox(2, 0).await;
    let c = client(&sb);
    let yaml = |access: &str| {
        Document::from_yaml(&format!(
            "teammates:\n- email: ada@x.test\n  sso: true\n  first_name: Ada\n  last_name: Lovelace\n{access}"
        ))
        .unwrap()
    };
    let restricted = yaml(
        "  subuser_access: [{subuser: sub00001, permission_type: restricted, scopes: [stats.read]}]\n",
    );
    apply_all(&c, &plan(&c, &restricted).await).await;
    assert!(plan(&c, &restricted).await.is_empty());
    let open = yaml("  scopes: [mail.send]\n  subuser_access: []\n");
    let p = plan(&c, &open).await;
    assert_eq!(
        fields(&p),
        [(
            "ada@x.test".to_string(),
            vec!["permissions".to_string(), "subuser_access".to_string()]
        )]
    );
    assert_eq!(p.changes[0].field("subuser_access").unwrap().after, None);
    apply_all(&c, &p).await;
    assert!(plan(&c, &open).await.is_empty());
    let page = c
        .teammates()
        .subuser_access("ada@x.test", &Default::default())
        .await
        .unwrap();
    assert!(!page.has_restricted_subuser_access);
    // And the export of it is unrestricted: scopes, no subuser_access.
    let doc = c.export().await.unwrap();
    assert_eq!(doc.teammates[0].scopes, ["mail.send"]);
    assert!(doc.teammates[0].subuser_access.is_none());
}

#[tokio::test]
async fn the_sandbox_imitates_sendgrid_by_default_and_each_quirk_switches_off() {
    let sb = sandbox(2, 60).await;
    let c = client(&sb);
    let page = c
        .teammates()
        .list(&sendgrid_admin::teammates::ListTeammates {
            limit: Some(500),
            offset: None,
        })
        .await
        .unwrap();
    assert_eq!(page.len(), 50, "SendGrid caps the page at 50");
    let t = c.teammates().get("teammate0002").await.unwrap();
    assert!(t.scopes.contains(&"2fa_required".to_string()));
    let access = c
        .teammates()
        .subuser_access("teammate0002", &Default::default())
        .await
        .unwrap();
    assert!(access.subuser_access[0]
        .scopes
        .contains(&"user.profile.read".to_string()));
    let admin = c
        .teammates()
        .subuser_access("teammate0001", &Default::default())
        .await
        .unwrap();
    assert!(!admin.has_restricted_subuser_access);
    assert_eq!(
        admin.subuser_access.len(),
        2,
        "an admin lists every subuser"
    );
    // A raw write of a SendGrid-managed scope gets SendGrid's 400.
    let e = c
        .request(
            "PATCH",
            "/v3/teammates/teammate0002",
            &[],
            Some(&serde_json::json!({"is_admin": false, "scopes": ["mail.send", "2fa_required"]})),
        )
        .await
        .unwrap_err();
    assert_eq!(e.status(), Some(400));
    assert!(
        e.to_string().contains("invalid or unassignable scopes"),
        "{e}"
    );
    // The client refuses it before sending.
    let e = c
        .teammates()
        .update_permissions(
            "teammate0002",
            &sendgrid_admin::teammates::Permissions::scopes(["2fa_required"]),
        )
        .await
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert_eq!(e.field(), Some("scopes[0]"));

    let http = sandboxed::http();
    http.post(format!("{}/__sandbox/quirks", sb.url()))
        .json(
            &serde_json::json!({"auto_scopes": false, "grant_baseline_scopes": false,
                                  "teammates_page_cap": false, "implied_access": false}),
        )
        .send()
        .await
        .unwrap();
    let q: serde_json::Value = http
        .get(format!("{}/__sandbox/quirks", sb.url()))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(q["auto_scopes"], false);
    let page = c
        .teammates()
        .list(&sendgrid_admin::teammates::ListTeammates {
            limit: Some(500),
            offset: None,
        })
        .await
        .unwrap();
    assert_eq!(page.len(), 61);
    let t = c.teammates().get("teammate0002").await.unwrap();
    assert_eq!(t.scopes, ["mail.send", "stats.read"]);
    let admin = c
        .teammates()
        .subuser_access("teammate0001", &Default::default())
        .await
        .unwrap();
    assert!(admin.subuser_access.is_empty());
    // The document converges with the quirks off too.
    let doc = c.export().await.unwrap();
    assert!(plan(&c, &doc).await.is_empty());
}

#[tokio::test]
async fn a_scope_this_key_cannot_assign_is_one_warning_not_drift() {
    let sb = sandbox(1, 0).await;
    let c = client(&sb);
    // `billing.read` is not among the key's scopes (`GET /v3/scopes`), but a teammate holds it.
    c.teammates()
        .invite(&InviteTeammate {
            email: "a@x.test".into(),
            scopes: vec!["mail.send".into()],
            is_admin: false,
        })
        .await
        .unwrap();
    c.teammates()
        .create_sso(&CreateSsoTeammate::new(
            "b@x.test",
            UpdateSsoTeammate {
                first_name: "B".into(),
                last_name: "C".into(),
                persona: Some(sendgrid_admin::teammates_sso::Persona::Accountant),
                ..Default::default()
            },
        ))
        .await
        .unwrap();
    assert!(!c
        .scopes()
        .list()
        .await
        .unwrap()
        .contains(&"billing.read".to_string()));
    let doc = Document::from_yaml(
        "teammates:\n- email: b@x.test\n  scopes: [stats.read]\n- email: a@x.test\n  pending: true\n  scopes: [mail.send]\n",
    )
    .unwrap();
    let p = plan(&c, &doc).await;
    assert!(p.is_empty(), "{}", p.to_text(false));
    assert_eq!(p.warnings.len(), 1, "{:?}", p.warnings);
    assert!(p.warnings[0].contains("billing.read"), "{:?}", p.warnings);
}
