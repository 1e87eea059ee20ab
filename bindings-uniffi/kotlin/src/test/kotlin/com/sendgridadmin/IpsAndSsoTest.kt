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
import org.junit.jupiter.api.assertThrows

/** IP ↔ subuser assignment and SSO teammates through suspend functions against the sandbox. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IpsAndSsoTest {
    private val sb = Sandbox()
    private lateinit var c: Client
    private val ip = "192.0.2.77"

    @BeforeEach
    fun reset() {
        sb.reset(subusers = 3, teammates = 0)
        c = sb.client()
    }

    @AfterAll
    fun stop() = sb.close()

    @Test
    fun assignmentsShowInEveryView() = runBlocking {
        val out = c.ips().assign(ip, listOf("sub00001", "sub00002"))
        assertEquals(listOf("sub00001", "sub00002"), out[0].usernames)
        assertNull(out[0].error)
        val row = c.ips().list(ListIps(subuser = "sub00002", limit = 50u)).first { it.ip == ip }
        assertEquals(listOf("sub00001", "sub00002"), row.subusers)
        val ids = mutableListOf<String>()
        val pager = c.ips().iterSubusersOf(ip, ListIpSubusers(limit = 1u))
        while (true) ids.add(pager.next() ?: break)
        assertEquals(2, ids.size)
        c.ips().unassign(ip, listOf("sub00001"))
        val page = c.ips().subusersOf(ip, ListIpSubusers())
        assertEquals(ids.drop(1), page.subuserIds)
        assertNull(page.nextAfter)
        val bad = c.ips().assign(ip, listOf("ghost"))
        val e = bad[0].error as SendGridException.InvalidInput
        assertEquals("usernames[0]", e.field)
    }

    @Test
    fun ssoTeammatesAndTheSilentDrop() = runBlocking {
        val t = c.teammates().createSso(
            CreateSsoTeammate(
                email = "ada@x.test", firstName = "Ada", lastName = "Lovelace",
                subuserAccess = listOf(
                    SubuserGrant("sub00001", PermissionType.Admin),
                    SubuserGrant("sub00002", PermissionType.Restricted, listOf("stats.read")),
                ),
            ),
        )
        assertTrue(t.isSso && t.hasRestrictedSubuserAccess)
        assertEquals(2, t.subuserAccess.size)
        val bad = UpdateSsoTeammate(
            firstName = "Ada", lastName = "L",
            subuserAccess = listOf(SubuserGrant("sub00003", PermissionType.Restricted, listOf("sender_verification_legacy"))),
        )
        assertThrows<SendGridException.BadRequest> { runBlocking { c.teammates().updateSso("ada@x.test", bad) } }
        sb.control("quirks", JSONObject(mapOf("sso_silent_drop" to true)))
        val e = assertThrows<SendGridException.NotApplied> { runBlocking { c.teammates().updateSso("ada@x.test", bad) } }
        assertTrue(e.reason.contains("sub00003"))
        val before = sb.stats().getJSONObject("counters").getInt("requests")
        val invalid = assertThrows<SendGridException.InvalidInput> {
            runBlocking { c.teammates().updateSso("ada@x.test", UpdateSsoTeammate(firstName = "A", lastName = "B", isAdmin = true, persona = Persona.OBSERVER)) }
        }
        assertEquals("persona", invalid.field)
        assertEquals(before, sb.stats().getJSONObject("counters").getInt("requests"))
    }
}
