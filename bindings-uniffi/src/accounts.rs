//! `client.accounts()`: customer accounts (list, iter_all, create, delete, offerings,
//! set_offerings, catalog, state, set_state, sso_login, ips, iter_ips, add_ips, remove_ips).

use std::sync::Arc;

use sendgrid_admin::accounts::{
    AccountIpPage, AccountPage, AccountState, AddedIps, CatalogEntry, CreateAccount,
    CreatedAccount, IpRegion, ListAccountIps, ListAccounts, NewAccountState, Offering,
};

use crate::errors::Result;
use crate::paging::{AccountIpPager, AccountPager};
use crate::resource;

resource!(
    "Customer accounts (partners / resellers). Every call is parent-level.",
    Accounts
);

#[uniffi::export(async_runtime = "tokio")]
impl Accounts {
    /// One page of customer accounts (`GET /v3/partners/accounts`).
    pub async fn list(&self, params: ListAccounts) -> Result<AccountPage> {
        Ok(self.client.accounts().list(&params).await?)
    }

    /// Every customer account, one page (`params.limit`, default 100) at a time.
    pub fn iter_all(&self, params: ListAccounts) -> Arc<AccountPager> {
        AccountPager::new(self.client.accounts().list_all(params))
    }

    /// Creates a customer account (exactly one package, quantity 1).
    pub async fn create(&self, account: CreateAccount) -> Result<CreatedAccount> {
        Ok(self.client.accounts().create(&account).await?)
    }

    /// Deletes a customer account. Irreversible: SendGrid revokes its API keys and single
    /// sign-on, removes its offerings and dedicated IPs, and cancels its billing at once.
    pub async fn delete(&self, account_id: String) -> Result<()> {
        Ok(self.client.accounts().delete(&account_id).await?)
    }

    /// The account's offerings.
    pub async fn offerings(&self, account_id: String) -> Result<Vec<Offering>> {
        Ok(self.client.accounts().offerings(&account_id).await?)
    }

    /// Replaces the account's offerings; returns them as now set.
    pub async fn set_offerings(
        &self,
        account_id: String,
        offerings: Vec<Offering>,
    ) -> Result<Vec<Offering>> {
        Ok(self
            .client
            .accounts()
            .set_offerings(&account_id, &offerings)
            .await?)
    }

    /// The partner's catalog of offerings.
    pub async fn catalog(&self) -> Result<Vec<CatalogEntry>> {
        Ok(self.client.accounts().catalog().await?)
    }

    /// The account's state.
    pub async fn state(&self, account_id: String) -> Result<AccountState> {
        Ok(self.client.accounts().state(&account_id).await?)
    }

    /// Activates or deactivates the account.
    pub async fn set_state(&self, account_id: String, state: NewAccountState) -> Result<()> {
        Ok(self.client.accounts().set_state(&account_id, state).await?)
    }

    /// A single sign-on link into the account's console (never followed, never retried).
    pub async fn sso_login(&self, account_id: String) -> Result<String> {
        Ok(self.client.accounts().sso_login(&account_id).await?)
    }

    /// One page of the account's dedicated IPs, newest first.
    pub async fn ips(&self, account_id: String, params: ListAccountIps) -> Result<AccountIpPage> {
        Ok(self.client.accounts().ips(&account_id, &params).await?)
    }

    /// Every dedicated IP of the account, one page (`params.limit`, default 100) at a time.
    pub fn iter_ips(&self, account_id: String, params: ListAccountIps) -> Arc<AccountIpPager> {
        AccountIpPager::new(self.client.accounts().list_all_ips(&account_id, params))
    }

    /// Adds 1-10 dedicated IPs in one region.
    pub async fn add_ips(
        &self,
        account_id: String,
        count: u32,
        region: IpRegion,
    ) -> Result<AddedIps> {
        Ok(self
            .client
            .accounts()
            .add_ips(&account_id, count, region)
            .await?)
    }

    /// Removes 1-10 of the account's IPs.
    pub async fn remove_ips(&self, account_id: String, ips: Vec<String>) -> Result<()> {
        Ok(self.client.accounts().remove_ips(&account_id, &ips).await?)
    }
}
