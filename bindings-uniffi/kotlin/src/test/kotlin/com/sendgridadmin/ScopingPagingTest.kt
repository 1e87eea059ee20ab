package com.sendgridadmin

import com.sendgridadmin.models.*
import java.util.concurrent.atomic.AtomicInteger
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance

/** Scoped on-behalf-of without leaks, paging over 1,000 subusers, concurrency and bulk. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopingPagingTest {
    private val sb = Sandbox()
    private lateinit var c: Client

    @BeforeEach
    fun reset() {
        sb.reset(subusers = 3, teammates = 4)
        c = sb.client()
    }

    @AfterAll
    fun stop() = sb.close()

    @Test
    fun onBehalfOfNeverLeaks() = runBlocking {
        c.subusers().create(CreateSubuser("acme", "ops@acme.example", "pw-123456"))
        val acme = c.onBehalfOf("acme")
        assertEquals("acme", acme.currentOnBehalfOf())
        assertNull(c.currentOnBehalfOf())
        assertEquals(listOf("acme"), acme.teammates().list(ListTeammates()).map { it.username })
        assertEquals(5, c.teammates().list(ListTeammates()).size)
        assertFalse("subusers.create" in acme.scopes().list())
        assertTrue("subusers.create" in c.scopes().list())
        assertNull(acme.asParent().currentOnBehalfOf())
        val customer = c.forAccount("42")
        assertEquals("account-id 42", customer.currentOnBehalfOf())
        assertEquals(1, customer.teammates().list(ListTeammates()).size)
    }

    @Test
    fun pagingOver1000Subusers() = runBlocking {
        sb.reset(subusers = 1000, teammates = 2)
        val ids = c.subusers().iterAll(ListSubusers(limit = 128u)).asFlow().toList().map { it.id }
        assertEquals(1000, ids.toSet().size)
        val restricted = c.teammates().iterSubuserAccess("teammate0002", SubuserAccessQuery(limit = 64uL)).asFlow().toList()
        assertEquals(500, restricted.size)
        assertEquals(listOf("sandbox-parent", "teammate0001", "teammate0002"), c.teammates().iterAll(1u).asFlow().toList().map { it.username })
        assertEquals(0, c.scopes().iterAccessRequests(null).asFlow().toList().size)
    }

    @Test
    fun manyConcurrentCalls() = runBlocking {
        sb.reset(subusers = 50)
        val names = (1..50).map { "sub" + it.toString().padStart(5, '0') }
        val got = names.map { n -> async { c.subusers().list(ListSubusers(username = n)).single().username } }.awaitAll()
        assertEquals(names, got)
    }

    @Test
    fun bulkWithProgress() = runBlocking {
        sb.reset(subusers = 120)
        val names = (1..120).map { "sub" + it.toString().padStart(5, '0') } + "ghost"
        val seen = AtomicInteger()
        val listener = object : BulkProgressListener {
            override fun onProgress(progress: BulkProgress) {
                seen.incrementAndGet()
            }
        }
        val out = c.bulk().setDisabled(names, true, 16u, listener)
        assertEquals(121, out.size)
        assertEquals(121, seen.get())
        assertTrue(out.take(120).all { it.error == null })
        assertTrue(out[120].error is SendGridException.NotFound)
        val mons = c.bulk().updateMonitors(listOf(MonitorItem("sub00001", Monitor("a@example.com", 5uL))), null, null)
        assertNull(mons[0].error)
        assertEquals(Monitor("a@example.com", 5uL), mons[0].monitor)
        // One outcome per chunk of 100, as in Python and Node.
        val reps = c.bulk().reputations(names.take(120), null)
        assertEquals(listOf(100, 20), reps.map { it.item.size })
        assertTrue(reps.all { it.error == null })
        assertEquals(names.take(120).sorted(), reps.flatMap { it.reputations.orEmpty() }.map { it.username }.sorted())
    }
}
