//! The reseller story against the sandbox through the real client: create a customer account,
//! give it offerings and IPs, act as it, suspend it, sign in to it, delete it.

use futures_util::TryStreamExt;
use sendgrid_admin::accounts::{
    AccountState, CreateAccount, IpRegion, ListAccountIps, ListAccounts, NewAccountState, Offering,
    OfferingType,
};
use sendgrid_admin::teammates::ListTeammates;
use sendgrid_admin::{Client, ErrorKind, OnBehalfOf, RetryPolicy};
use sendgrid_admin_sandbox::Sandbox;

fn offering(name: &str, r#type: OfferingType) -> Offering {
    Offering {
        extra: Default::default(),
        name: name.into(),
        r#type,
        quantity: Some(1),
    }
}

#[tokio::test]
async fn a_reseller_provisions_acts_as_suspends_and_deletes_an_account() {
    let sb = Sandbox::start().await.unwrap();
    let c = Client::builder()
        .api_key(sb.api_key())
        .base_url(sb.url())
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let a = c.accounts();
    let catalog = a.catalog().await.unwrap();
    assert!(catalog
        .iter()
        .any(|e| e.offering.r#type == OfferingType::Package));

    let mut ids = Vec::new();
    for _ in 0..3 {
        let created = a
            .create(&CreateAccount {
                offerings: vec![offering("org.ei.free.v1", OfferingType::Package)],
                ..Default::default()
            })
            .await
            .unwrap();
        ids.push(created.account_id);
    }
    let id = ids[0].clone();
    // Cursor paging: pages of 2 cover the 3 accounts once.
    let all: Vec<_> = a
        .list_all(ListAccounts {
            after: None,
            limit: Some(2),
        })
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.iter().map(|x| x.id.clone()).collect::<Vec<_>>(), ids);

    let now = a
        .set_offerings(
            &id,
            &[
                offering("org.ei.pro.v1", OfferingType::Package),
                offering("org.ei.ip.v1", OfferingType::Addon),
            ],
        )
        .await
        .unwrap();
    assert_eq!(now.len(), 2);
    assert_eq!(a.offerings(&id).await.unwrap(), now);

    let added = a.add_ips(&id, 3, IpRegion::Eu).await.unwrap();
    assert_eq!(added.ips.len(), 3);
    let ips: Vec<_> = a
        .list_all_ips(
            &id,
            ListAccountIps {
                after: None,
                limit: Some(2),
            },
        )
        .try_collect()
        .await
        .unwrap();
    assert_eq!(ips.len(), 3);
    assert_eq!(ips[0].ip, added.ips[2], "newest first");
    a.remove_ips(&id, &added.ips[..1]).await.unwrap();
    assert_eq!(
        a.ips(&id, &ListAccountIps::default())
            .await
            .unwrap()
            .ips
            .len(),
        2
    );

    // Acting as the account: its own teammates; account operations stay parent-level.
    let as_it = c.on_behalf_of(OnBehalfOf::account(id.clone()));
    let teammates = as_it
        .teammates()
        .list(&ListTeammates::default())
        .await
        .unwrap();
    assert_eq!(teammates.len(), 1);
    let me = as_it.user().username().await.unwrap();
    assert_eq!(me.username, teammates[0].username);
    assert_eq!(as_it.user().account().await.unwrap().r#type, "paid");
    let key = as_it
        .api_keys()
        .create("mail", Some(&["mail.send".into()]))
        .await
        .unwrap();
    assert!(key.api_key.starts_with("SG."));
    assert_eq!(as_it.api_keys().list(None).await.unwrap().len(), 1);
    assert!(
        c.api_keys().list(None).await.unwrap().is_empty(),
        "the parent's keys are its own"
    );
    let e = as_it
        .api_keys()
        .update(&key.api_key_id, "x", &["subusers.create".into()])
        .await
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::BadRequest);
    as_it.api_keys().delete(&key.api_key_id).await.unwrap();
    let e = as_it.accounts().state(&id).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);

    assert_eq!(a.state(&id).await.unwrap(), AccountState::Activated);
    a.set_state(&id, NewAccountState::Deactivated)
        .await
        .unwrap();
    assert_eq!(a.state(&id).await.unwrap(), AccountState::Deactivated);
    let link = a.sso_login(&id).await.unwrap();
    assert!(link.starts_with("https://app.sendgrid.com/"), "{link}");

    a.delete(&id).await.unwrap();
    let e = a.state(&id).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    assert_eq!(e.errors()[0].error_id.as_deref(), Some("10-40400"));
    let e = as_it
        .teammates()
        .list(&ListTeammates::default())
        .await
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Forbidden);
}
