//! The `on-behalf-of` header as a typed value.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::validate;

/// Whom a call is made for when it carries the `on-behalf-of` header. The parent account's API
/// key is used either way.
///
/// ```
/// use sendgrid_admin::OnBehalfOf;
/// assert_eq!(OnBehalfOf::subuser("acme").header_value().unwrap(), "acme");
/// assert_eq!(OnBehalfOf::account("123").header_value().unwrap(), "account-id 123");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "value")]
pub enum OnBehalfOf {
    /// A subuser of the parent, by username: `on-behalf-of: <username>`.
    Subuser(String),
    /// A customer account (reseller / Account Provisioning), by id:
    /// `on-behalf-of: account-id <id>`.
    Account(String),
}

impl OnBehalfOf {
    /// Act as the subuser with this username.
    pub fn subuser(username: impl Into<String>) -> Self {
        OnBehalfOf::Subuser(username.into())
    }

    /// Act as the customer account with this id.
    pub fn account(account_id: impl Into<String>) -> Self {
        OnBehalfOf::Account(account_id.into())
    }

    /// Reads the header's own form: `account-id <id>` is an account, anything else a subuser.
    pub fn parse(header: &str) -> Self {
        match header.strip_prefix("account-id ") {
            Some(id) => OnBehalfOf::Account(id.trim().to_string()),
            None => OnBehalfOf::Subuser(header.to_string()),
        }
    }

    /// The value sent in the header, after checking it cannot break the request (no CR/LF or
    /// other control characters, not empty).
    pub fn header_value(&self) -> Result<String> {
        match self {
            OnBehalfOf::Subuser(u) => {
                validate::username("on_behalf_of", u)?;
                Ok(u.clone())
            }
            OnBehalfOf::Account(id) => {
                validate::header_value("account_id", id)?;
                if id.chars().any(char::is_whitespace) {
                    return Err(Error::invalid("account_id", "must not contain spaces"));
                }
                Ok(format!("account-id {id}"))
            }
        }
    }
}

impl fmt::Display for OnBehalfOf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OnBehalfOf::Subuser(u) => f.write_str(u),
            OnBehalfOf::Account(id) => write!(f, "account-id {id}"),
        }
    }
}
