//! The sandbox's data: the parent account, its subusers (each an account of its own for
//! on-behalf-of calls), teammates, invitations, scopes and access requests.

use std::collections::{BTreeMap, HashMap};

use sendgrid_admin::credits::SubuserCredits;
use sendgrid_admin::monitor::Monitor;
use sendgrid_admin::scopes::AccessRequest;
use sendgrid_admin::teammates::{Invitation, PermissionType, Teammate, UserType};
use sendgrid_admin::Region;

/// Scopes of the parent account (a representative subset of SendGrid's).
pub const PARENT_SCOPES: &[&str] = &[
    "mail.send",
    "stats.read",
    "subusers.create",
    "subusers.read",
    "subusers.update",
    "subusers.delete",
    "subusers.monitor.create",
    "subusers.monitor.read",
    "subusers.monitor.update",
    "subusers.monitor.delete",
    "subusers.credits.read",
    "subusers.credits.update",
    "subusers.reputations.read",
    "subusers.stats.read",
    "teammates.create",
    "teammates.read",
    "teammates.update",
    "teammates.delete",
    "user.profile.read",
    "user.profile.update",
];

/// Scopes of a subuser's own account.
pub const SUBUSER_SCOPES: &[&str] = &[
    "mail.send",
    "stats.read",
    "teammates.create",
    "teammates.read",
    "teammates.update",
    "teammates.delete",
    "user.profile.read",
    "user.profile.update",
];

/// A teammate plus the subusers it may act for (`None` = all of them).
#[derive(Debug, Clone)]
pub struct TeammateRec {
    pub teammate: Teammate,
    pub subuser_access: Option<Vec<(u64, PermissionType, Vec<String>)>>,
    /// Created through `POST /v3/sso/teammates`.
    pub is_sso: bool,
}

/// An account: the parent's, a subuser's, or a customer account's.
#[derive(Debug, Clone, Default)]
pub struct Account {
    pub teammates: BTreeMap<String, TeammateRec>,
    pub pending: BTreeMap<String, Invitation>,
    pub scopes: Vec<String>,
    pub access_requests: BTreeMap<u64, AccessRequest>,
    /// API keys by id: name and scopes.
    pub api_keys: BTreeMap<String, (String, Vec<String>)>,
}

impl Account {
    pub fn new(owner: &str, email: &str, scopes: &[&str]) -> Self {
        let mut a = Account {
            scopes: scopes.iter().map(|s| s.to_string()).collect(),
            ..Default::default()
        };
        a.teammates.insert(
            owner.to_string(),
            TeammateRec {
                teammate: Teammate {
                    username: owner.to_string(),
                    email: email.to_string(),
                    user_type: Some(UserType::Owner),
                    is_admin: true,
                    ..Default::default()
                },
                subuser_access: None,
                is_sso: false,
            },
        );
        a
    }
}

/// A subuser and everything that belongs to it.
#[derive(Debug, Clone)]
pub struct SubuserRec {
    pub id: u64,
    pub username: String,
    pub email: String,
    pub disabled: bool,
    pub region: Region,
    pub ips: Vec<String>,
    pub monitor: Option<Monitor>,
    pub credits: SubuserCredits,
    pub website_disabled: bool,
    pub reputation: f64,
    pub account: Account,
}

/// A customer account's provisioning (its teammates and scopes are in `World::customers`).
#[derive(Debug, Clone)]
pub struct Provisioned {
    pub created_at: String,
    /// activated, deactivated (set by the partner), suspended, banned, indeterminate.
    pub state: String,
    pub offerings: Vec<sendgrid_admin::accounts::Offering>,
    /// Oldest first.
    pub ips: Vec<sendgrid_admin::accounts::AccountIp>,
    pub test: bool,
    pub sso_logins: u64,
}

/// The whole sandbox state.
#[derive(Debug, Default)]
pub struct World {
    pub parent: Account,
    pub subusers: BTreeMap<u64, SubuserRec>,
    pub by_name: HashMap<String, u64>,
    pub customers: HashMap<String, Account>,
    /// Customer accounts created through account provisioning, by id.
    pub provisioned: BTreeMap<String, Provisioned>,
    /// IPs the parent account has (besides those its subusers list).
    pub ips: std::collections::BTreeSet<String>,
    /// The SendGrid behaviours imitated (`POST /__sandbox/quirks`).
    pub quirks: crate::quirks::Quirks,
    pub next_id: u64,
    pub next_token: u64,
    pub next_request: u64,
}

/// Which account a call acts for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Acting {
    Parent,
    Subuser(u64),
    Customer(String),
}

impl World {
    pub fn new(parent_username: &str, customers: &[String]) -> Self {
        let mut w = World {
            parent: Account::new(parent_username, "owner@sandbox.test", PARENT_SCOPES),
            next_id: 1000,
            next_token: 1,
            next_request: 1,
            ..Default::default()
        };
        for c in customers {
            w.customers.insert(
                c.clone(),
                Account::new(
                    &format!("customer-{c}"),
                    "owner@customer.test",
                    SUBUSER_SCOPES,
                ),
            );
        }
        w
    }

    pub fn account_mut(&mut self, who: &Acting) -> &mut Account {
        match who {
            Acting::Parent => &mut self.parent,
            Acting::Subuser(id) => match self.subusers.get_mut(id) {
                Some(s) => &mut s.account,
                None => &mut self.parent,
            },
            Acting::Customer(c) => self.customers.entry(c.clone()).or_default(),
        }
    }

    pub fn subuser_mut(&mut self, name: &str) -> Option<&mut SubuserRec> {
        let id = *self.by_name.get(name)?;
        self.subusers.get_mut(&id)
    }

    pub fn add_subuser(
        &mut self,
        username: &str,
        email: &str,
        ips: Vec<String>,
        region: Region,
    ) -> &SubuserRec {
        self.next_id += 1;
        let id = self.next_id;
        let rec = SubuserRec {
            id,
            username: username.to_string(),
            email: email.to_string(),
            disabled: false,
            region,
            ips,
            monitor: None,
            credits: SubuserCredits {
                extra: Default::default(),
                r#type: sendgrid_admin::credits::CreditType::Unlimited,
                reset_frequency: None,
                remain: None,
                total: None,
                used: None,
            },
            website_disabled: false,
            reputation: 90.0 + (id % 10) as f64 + 0.5,
            account: Account::new(username, email, SUBUSER_SCOPES),
        };
        self.by_name.insert(username.to_string(), id);
        self.subusers.entry(id).or_insert(rec)
    }

    /// Removes a subuser and everything that refers to it.
    pub fn delete_subuser(&mut self, name: &str) -> bool {
        let Some(id) = self.by_name.remove(name) else {
            return false;
        };
        self.subusers.remove(&id);
        for t in self.parent.teammates.values_mut() {
            if let Some(list) = &mut t.subuser_access {
                list.retain(|(sid, _, _)| *sid != id);
            }
        }
        true
    }

    pub fn token(&mut self) -> String {
        self.next_token += 1;
        format!("inv-{:08x}", self.next_token.wrapping_mul(2654435761))
    }

    /// Preloads subusers `sub00001..` and teammates `teammate0001..` (odd ones admin, even ones
    /// restricted to every other subuser), plus an access request per five teammates.
    pub fn seed(&mut self, subusers: usize, teammates: usize) {
        for i in 1..=subusers {
            let name = format!("sub{i:05}");
            let email = format!("{name}@seed.test");
            self.add_subuser(&name, &email, vec!["192.0.2.10".into()], Region::Global);
        }
        let ids: Vec<u64> = self.subusers.keys().copied().collect();
        for i in 1..=teammates {
            let name = format!("teammate{i:04}");
            let admin = i % 2 == 1;
            let scopes: Vec<String> = if admin {
                vec![]
            } else {
                vec!["mail.send".into(), "stats.read".into()]
            };
            let access = (!admin).then(|| {
                ids.iter()
                    .step_by(2)
                    .map(|id| {
                        (
                            *id,
                            PermissionType::Restricted,
                            vec!["stats.read".to_string()],
                        )
                    })
                    .collect()
            });
            self.parent.teammates.insert(
                name.clone(),
                TeammateRec {
                    teammate: Teammate {
                        username: name.clone(),
                        email: format!("{name}@seed.test"),
                        first_name: Some("Team".into()),
                        last_name: Some(format!("Mate {i}")),
                        user_type: Some(if admin {
                            UserType::Admin
                        } else {
                            UserType::Teammate
                        }),
                        is_admin: admin,
                        scopes,
                        ..Default::default()
                    },
                    subuser_access: access,
                    is_sso: false,
                },
            );
            if i % 5 == 0 {
                let id = self.next_request;
                self.next_request += 1;
                self.parent.access_requests.insert(
                    id,
                    AccessRequest {
                        extra: Default::default(),
                        id,
                        scope_group_name: "Stats".into(),
                        username: name.clone(),
                        email: format!("{name}@seed.test"),
                        first_name: Some("Team".into()),
                        last_name: Some(format!("Mate {i}")),
                    },
                );
            }
        }
    }
}
