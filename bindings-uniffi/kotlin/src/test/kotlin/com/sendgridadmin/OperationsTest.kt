package com.sendgridadmin

import com.sendgridadmin.models.*
import kotlinx.coroutines.runBlocking
import org.json.JSONObject
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance

/** Every operation through suspend functions against the sandbox. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsTest {
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
    fun subusers() = runBlocking {
        val created = c.subusers().create(CreateSubuser("acme", "ops@acme.example", "pw-123456", listOf("192.0.2.1"), Region.Eu, true))
        assertEquals("acme", created.username)
        assertEquals(Region.Eu, created.region)
        assertEquals("unlimited", created.creditAllocationType)
        c.subusers().disable("acme")
        assertTrue(c.subusers().list(ListSubusers(username = "acme")).single().disabled)
        c.subusers().enable("acme")
        val page = c.subusers().list(ListSubusers(limit = 2u, offset = 1u, region = RegionFilter.ALL, includeRegion = true))
        assertEquals(listOf("sub00002", "sub00003"), page.map { it.username })
        assertEquals(Region.Global, page[0].region)
        c.subusers().delete("acme")
        assertEquals(3, c.subusers().list(ListSubusers()).size)
    }

    @Test
    fun ipsReputationsCreditsWebsiteAccess() = runBlocking {
        assertEquals(listOf("198.51.100.1"), c.ips().set("sub00001", listOf("198.51.100.1")).ips)
        assertEquals(listOf("sub00001", "sub00002"), c.reputations().list(listOf("sub00001", "sub00002")).map { it.username })
        assertEquals(CreditType.Unlimited, c.credits().get("sub00001").type)
        val set = c.credits().set("sub00001", SetCredits(CreditType.Recurring, ResetFrequency.MONTHLY, 100uL))
        assertEquals(100uL, set.remain)
        assertEquals(60uL, c.credits().adjustRemaining("sub00001", -40).remain)
        c.websiteAccess().disable("sub00001")
        c.websiteAccess().enable("sub00001")
    }

    @Test
    fun statistics() = runBlocking {
        val one = c.stats().subuserMonthly("sub00001", MonthlyStatsQuery(date = "2026-10-01", sortByMetric = Metric.OPENS))
        assertEquals("sub00001", one.stats[0].name)
        assertEquals(2, c.stats().monthly(MonthlyStatsQuery(date = "2026-10-01", limit = 2u, sortByDirection = SortDirection.ASC)).stats.size)
        val days = c.stats().list(StatsQuery(listOf("sub00001"), "2026-10-01", endDate = "2026-10-03", aggregatedBy = AggregatedBy.DAY))
        assertEquals(listOf("2026-10-01", "2026-10-02", "2026-10-03"), days.map { it.date })
        assertEquals(3, c.stats().sums(StatsSumsQuery("2026-10-01", limit = 3u)).stats.size)
    }

    @Test
    fun monitor() = runBlocking {
        assertEquals(Monitor("audit@example.com", 500uL), c.monitor().create("sub00001", Monitor("audit@example.com", 500uL)))
        assertEquals(7uL, c.monitor().update("sub00001", Monitor("audit@example.com", 7uL)).frequency)
        assertEquals(7uL, c.monitor().get("sub00001").frequency)
        c.monitor().delete("sub00001")
    }

    @Test
    fun teammates() = runBlocking {
        val t = c.teammates()
        assertEquals(5, t.list(ListTeammates()).size)
        assertEquals(2, t.list(ListTeammates(limit = 2u, offset = 1u)).size)
        val mate = t.get("teammate0002")
        assertEquals(UserType.Teammate, mate.userType)
        // SendGrid adds scopes of its own to every read (the sandbox imitates it by default).
        assertEquals(listOf("mail.send", "stats.read", "2fa_required", "sender_verification_eligible"), mate.scopes)
        val inv = t.invite(InviteTeammate("new@example.com", listOf("stats.read")))
        assertEquals(listOf(inv.token), t.listPending().map { it.token })
        assertEquals("new@example.com", t.resendInvite(inv.token).email)
        t.deletePending(inv.token)
        assertEquals(UserType.Admin, t.updatePermissions("teammate0002", Permissions(isAdmin = true)).userType)
        assertEquals(listOf("mail.send", "2fa_required", "sender_verification_eligible"), t.updatePermissions("teammate0002", Permissions(listOf("mail.send"))).scopes)
        t.delete("teammate0002")
        val page = t.subuserAccess("teammate0001", SubuserAccessQuery(limit = 2uL))
        assertEquals(listOf(1001uL, 1002uL), page.subuserAccess.map { it.id })
        assertEquals(1002uL, page.metadata?.nextParams?.afterSubuserId)
        assertEquals(1002uL, page.nextAfterSubuserId)
        assertNull(t.subuserAccess("teammate0001", SubuserAccessQuery(afterSubuserId = 1002uL)).metadata?.nextParams)
    }

    @Test
    fun scopesAndAccessRequests() = runBlocking {
        assertTrue("subusers.create" in c.scopes().list())
        sb.reset(teammates = 10)
        val reqs = c.scopes().listAccessRequests(ListAccessRequests(limit = 10u))
        assertEquals(listOf(1uL, 2uL), reqs.map { it.id })
        assertEquals("Stats", c.scopes().approveAccessRequest(1uL).scopeGroupName)
        c.scopes().denyAccessRequest(2uL)
        assertTrue(c.scopes().listAccessRequests(ListAccessRequests()).isEmpty())
    }

    @Test
    fun fieldsSendGridAddsAreKept() = runBlocking {
        sb.control("quirks", JSONObject(mapOf("added_fields" to true)))
        val added = mapOf("sandbox_added" to """{"since":"2026-12"}""")
        assertEquals(added, c.subusers().list(ListSubusers()).first().extra)
        assertEquals(added, c.stats().subuserMonthly("sub00001", MonthlyStatsQuery(date = "2026-10-01")).stats[0].metrics.extra)
        // Built by hand, a model has none (the field defaults to an empty map).
        assertEquals(emptyMap<String, String>(), Monitor("a@example.com", 5uL).extra)
    }
}
