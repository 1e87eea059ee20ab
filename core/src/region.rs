//! The SendGrid regions: which API host a client talks to, and a subuser's region in answers.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The SendGrid region whose API host is used, and a subuser's region in answers. A region
/// SendGrid adds later decodes as `Other` (a client cannot be built for it).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Region {
    /// `https://api.sendgrid.com`, for global users and subusers.
    #[default]
    Global,
    /// `https://api.eu.sendgrid.com`, for EU regional subusers.
    Eu,
    /// A value this version does not know, kept as sent.
    #[serde(untagged)]
    Other(String),
}

impl Region {
    /// The API base URL of this region (`None` for a region this version does not know).
    pub fn base_url(&self) -> Option<&'static str> {
        match self {
            Region::Global => Some("https://api.sendgrid.com"),
            Region::Eu => Some("https://api.eu.sendgrid.com"),
            Region::Other(_) => None,
        }
    }

    /// The region as SendGrid writes it (`"global"`, `"eu"`, or the unknown value).
    pub fn as_str(&self) -> &str {
        match self {
            Region::Global => "global",
            Region::Eu => "eu",
            Region::Other(s) => s,
        }
    }

    /// Reads `global` or `eu` (any case).
    pub fn parse(s: &str) -> Result<Region> {
        match s.to_ascii_lowercase().as_str() {
            "global" => Ok(Region::Global),
            "eu" => Ok(Region::Eu),
            _ => Err(Error::invalid(
                "region",
                format!("{s:?} is not a region; use \"global\" or \"eu\""),
            )),
        }
    }
}

impl std::str::FromStr for Region {
    type Err = Error;

    /// [`Region::parse`].
    fn from_str(s: &str) -> Result<Region> {
        Region::parse(s)
    }
}
