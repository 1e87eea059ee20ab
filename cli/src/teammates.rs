//! `sendgrid-admin teammates ...`

use clap::Subcommand;
use sendgrid_admin::teammates::{
    InviteTeammate, ListTeammates, PermissionType, Permissions, SubuserAccessQuery,
};
use sendgrid_admin::teammates_sso::{CreateSsoTeammate, Persona, SubuserGrant, UpdateSsoTeammate};
use sendgrid_admin::{Client, Error};

use crate::done;
use crate::output::{print, print_stream, Format};

#[derive(Subcommand)]
pub enum Cmd {
    /// List teammates (one page, or every page with --all).
    List {
        /// Page size (0-500).
        #[arg(long)]
        limit: Option<u32>,
        /// How many to skip.
        #[arg(long)]
        offset: Option<u32>,
        /// Follow every page and print every item.
        #[arg(long)]
        all: bool,
    },
    /// Show one teammate with scopes.
    Get {
        /// The teammate's username (an SSO teammate's is their email).
        username: String,
    },
    /// Invite a teammate: --admin, or one --scope or more.
    Invite {
        /// The teammate's email (an SSO teammate's is also their username).
        #[arg(long)]
        email: String,
        /// A scope (repeat the flag for more).
        #[arg(long = "scope")]
        scopes: Vec<String>,
        /// Admin: every scope.
        #[arg(long)]
        admin: bool,
    },
    /// Replace a teammate's permissions: --admin, or one --scope or more.
    Update {
        /// The teammate's username (an SSO teammate's is their email).
        username: String,
        /// A scope (repeat the flag for more).
        #[arg(long = "scope")]
        scopes: Vec<String>,
        /// Admin: every scope.
        #[arg(long)]
        admin: bool,
    },
    /// Delete a teammate.
    Delete {
        /// The teammate's username (an SSO teammate's is their email).
        username: String,
    },
    /// List pending invitations.
    Pending,
    /// Delete a pending invitation.
    DeletePending {
        /// The invitation's token.
        token: String,
    },
    /// Resend a pending invitation (resets its expiry).
    Resend {
        /// The invitation's token.
        token: String,
    },
    /// Subusers a teammate can act for (one page, or every page with --all).
    SubuserAccess {
        /// The teammate's username.
        teammate: String,
        /// Page size.
        #[arg(long)]
        limit: Option<u64>,
        /// Start after this subuser id (the previous page's cursor).
        #[arg(long)]
        after_subuser_id: Option<u64>,
        /// The teammate's username (an SSO teammate's is their email).
        #[arg(long)]
        username: Option<String>,
        /// Follow every page and print every item.
        #[arg(long)]
        all: bool,
    },
    /// Create a teammate who signs in with SSO: --admin, --persona, --scope..., or subuser
    /// access (--subuser-admin NAME, --subuser-restricted NAME=scope,scope).
    CreateSso {
        /// The teammate's email (an SSO teammate's is also their username).
        #[arg(long)]
        email: String,
        #[command(flatten)]
        sso: SsoArgs,
    },
    /// Replace an SSO teammate's names and permissions (the same flags as create-sso).
    UpdateSso {
        /// The teammate's username (an SSO teammate's is their email).
        username: String,
        #[command(flatten)]
        sso: SsoArgs,
    },
}

/// Names and permissions of an SSO teammate.
#[derive(clap::Args)]
pub struct SsoArgs {
    /// First name.
    #[arg(long)]
    first_name: String,
    /// Last name.
    #[arg(long)]
    last_name: String,
    /// Admin: every scope.
    #[arg(long)]
    admin: bool,
    /// accountant, developer, marketer or observer.
    #[arg(long)]
    persona: Option<String>,
    /// A scope (repeat the flag for more).
    #[arg(long = "scope")]
    scopes: Vec<String>,
    /// Admin access to this subuser (repeatable).
    #[arg(long = "subuser-admin")]
    subuser_admin: Vec<String>,
    /// Restricted access: NAME=scope,scope (repeatable).
    #[arg(long = "subuser-restricted")]
    subuser_restricted: Vec<String>,
}

impl SsoArgs {
    fn grants(&self) -> Result<Vec<SubuserGrant>, Error> {
        let mut out: Vec<SubuserGrant> = self
            .subuser_admin
            .iter()
            .map(|s| SubuserGrant {
                subuser: s.clone(),
                permission_type: PermissionType::Admin,
                scopes: Vec::new(),
            })
            .collect();
        for r in &self.subuser_restricted {
            let (name, scopes) = r.split_once('=').ok_or_else(|| {
                Error::invalid(
                    "subuser-restricted",
                    format!("{r:?} is not NAME=scope,scope"),
                )
            })?;
            out.push(SubuserGrant {
                subuser: name.to_string(),
                permission_type: PermissionType::Restricted,
                scopes: scopes
                    .split(',')
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect(),
            });
        }
        Ok(out)
    }

    fn update(self) -> Result<UpdateSsoTeammate, Error> {
        Ok(UpdateSsoTeammate {
            subuser_access: self.grants()?,
            persona: self.persona.map(|p| p.parse::<Persona>()).transpose()?,
            first_name: self.first_name,
            last_name: self.last_name,
            is_admin: self.admin,
            scopes: self.scopes,
            has_restricted_subuser_access: None,
        })
    }
}

pub async fn run(c: &Client, cmd: Cmd, f: Format) -> Result<(), Error> {
    let t = c.teammates();
    match cmd {
        Cmd::List { limit, offset, all } => {
            if all {
                print_stream(t.list_all(limit), f).await?;
            } else {
                print(&t.list(&ListTeammates { limit, offset }).await?, f);
            }
        }
        Cmd::Get { username } => print(&t.get(&username).await?, f),
        Cmd::Invite {
            email,
            scopes,
            admin,
        } => print(
            &t.invite(&InviteTeammate {
                email,
                scopes,
                is_admin: admin,
            })
            .await?,
            f,
        ),
        Cmd::Update {
            username,
            scopes,
            admin,
        } => print(
            &t.update_permissions(
                &username,
                &Permissions {
                    scopes,
                    is_admin: admin,
                },
            )
            .await?,
            f,
        ),
        Cmd::Delete { username } => print(&t.delete(&username).await.map(|_| done())?, f),
        Cmd::Pending => print(&t.list_pending().await?, f),
        Cmd::DeletePending { token } => print(&t.delete_pending(&token).await.map(|_| done())?, f),
        Cmd::Resend { token } => print(&t.resend_invite(&token).await?, f),
        Cmd::SubuserAccess {
            teammate,
            limit,
            after_subuser_id,
            username,
            all,
        } => {
            let q = SubuserAccessQuery {
                after_subuser_id,
                limit,
                username,
            };
            if all {
                print_stream(t.subuser_access_all(&teammate, q), f).await?;
            } else {
                print(&t.subuser_access(&teammate, &q).await?, f);
            }
        }
        Cmd::CreateSso { email, sso } => {
            let u = sso.update()?;
            let req = CreateSsoTeammate::new(email, u);
            print(&t.create_sso(&req).await?, f);
        }
        Cmd::UpdateSso { username, sso } => {
            print(&t.update_sso(&username, &sso.update()?).await?, f)
        }
    }
    Ok(())
}
