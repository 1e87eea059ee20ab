package com.sendgridadmin

import com.sendgridadmin.models.*
import kotlinx.coroutines.runBlocking
import org.json.JSONArray
import org.json.JSONObject
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.assertThrows

/** Each core error kind arrives as its own SendGridException subclass, with its details. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorsTest {
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
    fun invalidInputNamesTheFieldAndSendsNothing() = runBlocking {
        val before = sb.stats().getJSONObject("counters").getInt("requests")
        val e = assertThrows<SendGridException.InvalidInput> { runBlocking { c.monitor().create("sub00001", Monitor("a@example.com", 0uL)) } }
        assertEquals("monitor.frequency", e.field)
        assertEquals(0u, e.attempts)
        val ip = assertThrows<SendGridException.InvalidInput> { runBlocking { c.ips().set("sub00001", listOf("192.0.2.1", "10.0.0.256")) } }
        assertEquals("ips[1]", ip.field)
        val scopes = assertThrows<SendGridException.InvalidInput> { runBlocking { c.teammates().updatePermissions("t", Permissions(listOf("a.read"), true)) } }
        assertEquals("scopes", scopes.field)
        val obo = assertThrows<SendGridException.InvalidInput> { runBlocking { c.onBehalfOf("acme\r\nX-Evil: 1").scopes().list() } }
        assertEquals("on_behalf_of", obo.field)
        assertEquals(before, sb.stats().getJSONObject("counters").getInt("requests"))
        val key = assertThrows<SendGridException.InvalidInput> { Client(ClientConfig(apiKey = "SG.bad\nkey")) }
        assertEquals("api_key", key.field)
        assertFalse(key.reason.contains("bad"))
        val store = assertThrows<SendGridException.InvalidInput> { Client(ClientConfig(apiKey = "SG.x", rateLimitStore = "http://127.0.0.1:6379")) }
        assertEquals("rate_limit_store", store.field)
        val http = assertThrows<SendGridException.InvalidInput> { Client(ClientConfig(apiKey = "SG.x", baseUrl = "http://10.0.0.5:8080")) }
        assertEquals("base_url", http.field)
        Client(ClientConfig(apiKey = "SG.x", baseUrl = "http://10.0.0.5:8080", allowInsecureHttp = true))
        // One scope at a time: a subuser and an account together are refused, not one silently won.
        val both = assertThrows<SendGridException.InvalidInput> { Client(ClientConfig(apiKey = "SG.x", onBehalfOf = "acme", accountId = "a-1")) }
        assertEquals("account_id", both.field)
    }

    @Test
    fun requestReachesAnyEndpointWithTheSameErrors() = runBlocking {
        val got = JSONArray(c.request("GET", "/v3/subusers", listOf(QueryParam("limit", "2")), null))
        assertEquals(2, got.length())
        assertEquals("sub00001", got.getJSONObject(0).getString("username"))
        val monitor = JSONObject(c.request("PUT", "/v3/subusers/sub00001/monitor", listOf(), "{\"email\": \"ops@example.com\", \"frequency\": 7}"))
        assertEquals(7, monitor.getInt("frequency"))
        assertEquals("null", c.request("DELETE", "/v3/subusers/sub00002", listOf(), null))
        assertThrows<SendGridException.NotFound> { runBlocking { c.request("GET", "/v3/subusers/sub00002/monitor", listOf(), null) } }
        val path = assertThrows<SendGridException.InvalidInput> { runBlocking { c.request("GET", "https://evil.example/v3/subusers", listOf(), null) } }
        assertEquals("path", path.field)
        val body = assertThrows<SendGridException.InvalidInput> { runBlocking { c.request("POST", "/v3/subusers", listOf(), "{not json") } }
        assertEquals("body_json", body.field)
    }

    @Test
    fun statusErrors() = runBlocking {
        val nf = assertThrows<SendGridException.NotFound> { runBlocking { c.monitor().get("sub00001") } }
        assertEquals(404.toUShort(), nf.status)
        assertEquals("No monitor settings for this user", nf.errors[0].message)
        assertTrue(nf.requestId!!.startsWith("sbx-"))
        val br = assertThrows<SendGridException.BadRequest> { runBlocking { c.subusers().create(CreateSubuser("sub00001", "a@example.com", "pw")) } }
        assertEquals("username", br.errors[0].field)
        assertThrows<SendGridException.Forbidden> { runBlocking { c.onBehalfOf("ghost").scopes().list() } }
        val un = assertThrows<SendGridException.Unauthorized> { runBlocking { sb.client(apiKey = "SG.super-secret").scopes().list() } }
        assertFalse(un.reason.contains("secret"))
        sb.control("faults", JSONObject().put("sequence", JSONArray(listOf(503))))
        assertThrows<SendGridException.Server> { runBlocking { c.scopes().list() } }
        sb.control("rate-limit", JSONObject().put("limit", 1).put("window_secs", 3600))
        c.scopes().list()
        val rl = assertThrows<SendGridException.RateLimited> { runBlocking { c.scopes().list() } }
        assertTrue(rl.retryAfterMs!! > 0UL)
    }

    @Test
    fun transportTimeoutDecodeAndAttempts() = runBlocking {
        assertThrows<SendGridException.Transport> {
            runBlocking { Client(ClientConfig(apiKey = "k", baseUrl = "http://127.0.0.1:9", maxRetries = 0u)).scopes().list() }
        }
        sb.control("faults", JSONObject().put("latency_ms", 500))
        assertThrows<SendGridException.Timeout> { runBlocking { sb.client(timeoutMs = 100uL).scopes().list() } }
        sb.control("faults", JSONObject().put("sequence", JSONArray(listOf("malformed"))))
        assertThrows<SendGridException.Decode> { runBlocking { c.scopes().list() } }
        sb.control("faults", JSONObject().put("sequence", JSONArray(listOf(503, 503, 503, 503))))
        val e = assertThrows<SendGridException.Server> { runBlocking { sb.client(maxRetries = 2u).subusers().list(ListSubusers()) } }
        assertEquals(3u, e.attempts)
    }
}
