package com.sendgridadmin

import com.sendgridadmin.models.*
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.assertThrows

/** Customer accounts through suspend functions: the reseller story and the rules checked before sending. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountsTest {
    private val sb = Sandbox()
    private lateinit var c: Client
    private val free = Offering("org.ei.free.v1", OfferingType.Package, 1L)

    @BeforeEach
    fun reset() {
        sb.reset(subusers = 0, teammates = 0)
        c = sb.client()
    }

    @AfterAll
    fun stop() = sb.close()

    @Test
    fun resellerStory() = runBlocking {
        assertTrue(c.accounts().catalog().any { it.offering.type == OfferingType.Package })
        val ids = (1..3).map { c.accounts().create(CreateAccount(offerings = listOf(free))).accountId }
        val listed = mutableListOf<String>()
        val pager = c.accounts().iterAll(ListAccounts(limit = 2u))
        while (true) listed.add((pager.next() ?: break).id)
        assertEquals(ids, listed)
        val id = ids[0]
        val now = c.accounts().setOfferings(id, listOf(Offering("org.ei.pro.v1", OfferingType.Package), Offering("org.ei.ip.v1", OfferingType.Addon, 1L)))
        assertEquals(now, c.accounts().offerings(id))
        val added = c.accounts().addIps(id, 3u, IpRegion.EU)
        assertEquals(3, added.ips.size)
        c.accounts().removeIps(id, added.ips.take(1))
        assertEquals(2, c.accounts().ips(id, ListAccountIps()).ips.size)
        assertEquals(1, c.forAccount(id).teammates().list(ListTeammates()).size)
        assertEquals(c.forAccount(id).teammates().list(ListTeammates())[0].username, c.forAccount(id).user().username().username)
        assertEquals("paid", c.user().account().type)
        val scoped = c.forAccount(id)
        val key = scoped.apiKeys().create("mail", listOf("mail.send"))
        assertTrue(key.apiKey().startsWith("SG."))
        assertTrue(!key.toString().contains(key.apiKey()), key.toString())
        assertEquals(listOf(key.apiKeyId()), scoped.apiKeys().list(null).map { it.apiKeyId })
        assertEquals("mail2", scoped.apiKeys().update(key.apiKeyId(), "mail2", listOf("mail.send")).name)
        scoped.apiKeys().delete(key.apiKeyId())
        assertEquals(0, c.apiKeys().list(null).size)
        assertEquals(AccountState.Activated, c.accounts().state(id))
        c.accounts().setState(id, NewAccountState.DEACTIVATED)
        assertEquals(AccountState.Deactivated, c.accounts().state(id))
        assertTrue(c.accounts().ssoLogin(id).startsWith("https://app.sendgrid.com/"))
        c.accounts().delete(id)
        val e = assertThrows<SendGridException.NotFound> { runBlocking { c.accounts().state(id) } }
        assertEquals("10-40400", e.errors[0].errorId)
    }

    @Test
    fun rulesCheckedBeforeSending() = runBlocking {
        val before = sb.stats().getJSONObject("counters").getInt("requests")
        val e = assertThrows<SendGridException.InvalidInput> { runBlocking { c.accounts().create(CreateAccount(offerings = listOf(free.copy(quantity = 2L)))) } }
        assertEquals("offerings[0].quantity", e.field)
        val scoped = assertThrows<SendGridException.InvalidInput> { runBlocking { c.forAccount("sg1").accounts().catalog() } }
        assertEquals("on_behalf_of", scoped.field)
        assertEquals(before, sb.stats().getJSONObject("counters").getInt("requests"))
    }
}
