package com.sendgridadmin

import com.sendgridadmin.models.*
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.flow

// Pagers as Kotlin Flows: `client.subusers().iterAll(ListSubusers()).asFlow().collect { ... }`.
// Each `next()` call is the core's; one page is fetched at a time.

/** Every subuser of the listing, as a Flow. */
fun SubuserPager.asFlow(): Flow<Subuser> = flow { while (true) emit(next() ?: break) }

/** Every teammate, as a Flow. */
fun TeammatePager.asFlow(): Flow<Teammate> = flow { while (true) emit(next() ?: break) }

/** Every subuser a teammate can act for, as a Flow. */
fun SubuserAccessPager.asFlow(): Flow<SubuserAccess> = flow { while (true) emit(next() ?: break) }

/** Every access request, as a Flow. */
fun AccessRequestPager.asFlow(): Flow<AccessRequest> = flow { while (true) emit(next() ?: break) }
