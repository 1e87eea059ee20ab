//! List-all helpers: `Stream`s that fetch one page at a time, so memory stays flat however
//! many items there are. Limit/offset lists stop on an empty page, not a short one: a server
//! that caps `limit` below the request (SendGrid sends no `Link` header on `GET /v3/subusers`)
//! must not truncate a listing silently; that costs one request at the end. Subuser access
//! follows `_metadata.next_params` until it is missing or does not advance.

use std::future::Future;

use futures_util::stream::{self, BoxStream, StreamExt, TryStreamExt};

use crate::error::{Error, Result};
use crate::scopes::{AccessRequest, ListAccessRequests, Scopes};
use crate::subusers::{ListSubusers, Subuser, Subusers};
use crate::teammates::{
    Invitation, ListTeammates, SubuserAccess, SubuserAccessQuery, Teammate, Teammates,
};

/// The page size list-all helpers use when none is given.
pub const DEFAULT_PAGE_SIZE: u32 = 100;

/// Items of consecutive limit/offset pages, starting at `start`, until a page is empty. An error
/// ends the stream after being yielded.
fn offset_pages<T, F, Fut>(start: u32, fetch: F) -> BoxStream<'static, Result<T>>
where
    T: Send + 'static,
    F: FnMut(u32) -> Fut + Send + 'static,
    Fut: Future<Output = Result<Vec<T>>> + Send + 'static,
{
    stream::try_unfold((fetch, Some(start)), move |(mut fetch, next)| async move {
        let Some(offset) = next else { return Ok(None) };
        let page = fetch(offset).await?;
        let n = page.len() as u32;
        let next = offset.checked_add(n).filter(|_| n > 0);
        Ok(Some((page, (fetch, next))))
    })
    .map_ok(|page| stream::iter(page.into_iter().map(Ok)))
    .try_flatten()
    .boxed()
}

/// Items of consecutive cursor pages, from `start`, until a page has no items, no cursor, or
/// the cursor it was asked with. An error ends the stream after being yielded.
pub(crate) fn cursor_pages<T, F, Fut>(
    start: Option<String>,
    fetch: F,
) -> BoxStream<'static, Result<T>>
where
    T: Send + 'static,
    F: FnMut(Option<String>) -> Fut + Send + 'static,
    Fut: Future<Output = Result<(Vec<T>, Option<String>)>> + Send + 'static,
{
    stream::try_unfold((fetch, Some(start)), move |(mut fetch, next)| async move {
        let Some(after) = next else { return Ok(None) };
        let (items, cursor) = fetch(after.clone()).await?;
        let next = cursor.filter(|c| !items.is_empty() && Some(c) != after.as_ref());
        Ok(Some((items, (fetch, next.map(Some)))))
    })
    .map_ok(|page| stream::iter(page.into_iter().map(Ok)))
    .try_flatten()
    .boxed()
}

fn failed<T: Send + 'static>(e: Error) -> BoxStream<'static, Result<T>> {
    stream::once(async move { Err(e) }).boxed()
}

impl Subusers<'_> {
    /// Every subuser matching `params`, page by page (`params.limit` is the page size, default
    /// 100; `params.offset` where to start).
    pub fn list_all(&self, params: ListSubusers) -> BoxStream<'static, Result<Subuser>> {
        let page_size = params.limit.unwrap_or(DEFAULT_PAGE_SIZE);
        let client = self.client.clone();
        let start = params.offset.unwrap_or(0);
        offset_pages(start, move |offset| {
            let client = client.clone();
            let p = ListSubusers {
                limit: Some(page_size),
                offset: Some(offset),
                ..params.clone()
            };
            async move { client.subusers().list(&p).await }
        })
    }
}

impl Teammates<'_> {
    /// Every teammate, `page_size` (1–500, default 100) at a time.
    pub fn list_all(&self, page_size: Option<u32>) -> BoxStream<'static, Result<Teammate>> {
        let page_size = page_size.unwrap_or(DEFAULT_PAGE_SIZE);
        if page_size == 0 {
            return failed(Error::invalid("page_size", "must be at least 1"));
        }
        let client = self.client.clone();
        offset_pages(0, move |offset| {
            let client = client.clone();
            async move {
                let p = ListTeammates {
                    limit: Some(page_size),
                    offset: Some(offset),
                };
                client.teammates().list(&p).await
            }
        })
    }

    /// Every pending invitation. SendGrid's pending list takes no paging parameters, so this is
    /// one request; it is a stream for symmetry with the other list-all helpers.
    pub fn list_all_pending(&self) -> BoxStream<'static, Result<Invitation>> {
        let client = self.client.clone();
        stream::once(async move { client.teammates().list_pending().await })
            .map_ok(|v| stream::iter(v.into_iter().map(Ok)))
            .try_flatten()
            .boxed()
    }

    /// Every subuser `teammate` can act for, following `_metadata.next_params` until absent.
    pub fn subuser_access_all(
        &self,
        teammate: &str,
        query: SubuserAccessQuery,
    ) -> BoxStream<'static, Result<SubuserAccess>> {
        let client = self.client.clone();
        let teammate = teammate.to_string();
        stream::try_unfold(Some(query), move |next| {
            let client = client.clone();
            let teammate = teammate.clone();
            async move {
                let Some(q) = next else { return Ok(None) };
                let page = client.teammates().subuser_access(&teammate, &q).await?;
                // Stop on a cursor that does not advance, so a confused server cannot loop us.
                let next = page.next_query().filter(|n| {
                    n.after_subuser_id > q.after_subuser_id && !page.subuser_access.is_empty()
                });
                Ok(Some((page.subuser_access, next)))
            }
        })
        .map_ok(|v| stream::iter(v.into_iter().map(Ok)))
        .try_flatten()
        .boxed()
    }
}

impl Scopes<'_> {
    /// Every pending access request, `page_size` (1–500, default 100) at a time.
    pub fn list_all_access_requests(
        &self,
        page_size: Option<u32>,
    ) -> BoxStream<'static, Result<AccessRequest>> {
        let page_size = page_size.unwrap_or(DEFAULT_PAGE_SIZE);
        let client = self.client.clone();
        offset_pages(0, move |offset| {
            let client = client.clone();
            async move {
                let p = ListAccessRequests {
                    limit: Some(page_size),
                    offset: Some(offset),
                };
                client.scopes().list_access_requests(&p).await
            }
        })
    }
}
