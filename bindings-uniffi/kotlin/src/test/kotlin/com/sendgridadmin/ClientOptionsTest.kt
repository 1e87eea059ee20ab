package com.sendgridadmin

import com.sendgridadmin.models.*
import com.sun.net.httpserver.HttpServer
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.net.InetSocketAddress

/** Client options that change the wire: the application's name in the user agent. */
class ClientOptionsTest {
    @Test
    fun appNameGoesInTheUserAgent() = runBlocking {
        val seen = mutableListOf<String>()
        val srv = HttpServer.create(InetSocketAddress("127.0.0.1", 0), 0)
        srv.createContext("/") { ex ->
            seen.add(ex.requestHeaders.getFirst("User-Agent") ?: "")
            val body = """{"username": "me", "user_id": 1}""".toByteArray()
            ex.responseHeaders.add("content-type", "application/json")
            ex.sendResponseHeaders(200, body.size.toLong())
            ex.responseBody.use { it.write(body) }
        }
        srv.start()
        try {
            val c = Client(ClientConfig(apiKey = "SG.test", baseUrl = "http://127.0.0.1:${srv.address.port}", appName = "billing-sync/2.3"))
            c.request("GET", "/v3/user/username", listOf(), null)
        } finally {
            srv.stop(0)
        }
        assertTrue(seen[0].endsWith(" uniffi billing-sync/2.3"), seen[0])
        val e = assertThrows<SendGridException.InvalidInput> { Client(ClientConfig(apiKey = "SG.test", appName = "tab\there")) }
        assertEquals("app_name", e.field)
    }

    @Test
    fun withOptionsChangesTheWire() = runBlocking {
        val seen = mutableListOf<Map<String, String>>()
        var status = 503
        val srv = HttpServer.create(InetSocketAddress("127.0.0.1", 0), 0)
        srv.createContext("/") { ex ->
            seen.add(ex.requestHeaders.entries.associate { it.key.lowercase() to (it.value.firstOrNull() ?: "") })
            val body = """{"username": "me", "user_id": 1}""".toByteArray()
            ex.responseHeaders.add("content-type", "application/json")
            ex.sendResponseHeaders(status, body.size.toLong())
            ex.responseBody.use { it.write(body) }
        }
        srv.start()
        try {
            val base = Client(ClientConfig(apiKey = "SG.test", baseUrl = "http://127.0.0.1:${srv.address.port}", onBehalfOf = "acme"))
            val once = base.withOptions(CallOptions(maxRetries = 0u, headers = mapOf("X-Request-Source" to "nightly")))
            assertEquals(0u, once.maxRetries())
            assertEquals(4u, base.maxRetries())
            assertThrows<SendGridException.Server> { runBlocking { once.request("GET", "/v3/user/username", listOf(), null) } }
            assertEquals(1, seen.size)
            assertEquals("nightly", seen[0]["x-request-source"])
            assertEquals("acme", seen[0]["on-behalf-of"])
            status = 200
            base.request("GET", "/v3/user/username", listOf(), null)
            assertEquals(null, seen.last()["x-request-source"], "the client it came from is unchanged")
        } finally {
            srv.stop(0)
        }
        assertEquals(250uL, Client(ClientConfig(apiKey = "SG.test")).withOptions(CallOptions(timeoutMs = 250uL)).timeoutMs())
        val e = assertThrows<SendGridException.InvalidInput> {
            Client(ClientConfig(apiKey = "SG.test")).withOptions(CallOptions(headers = mapOf("authorization" to "x")))
        }
        assertEquals("headers.authorization", e.field)
    }

    @Test
    fun lastResponseAndRateLimit() = runBlocking {
        Sandbox().use { sb ->
            sb.control("rate-limit", org.json.JSONObject(mapOf("limit" to 1000, "window_secs" to 60)))
            val c = sb.client()
            assertEquals(null, c.lastResponse())
            c.subusers().list(ListSubusers())
            val r = c.lastResponse()!!
            assertEquals(listOf("GET", "/v3/subusers"), listOf(r.method, r.path))
            assertEquals(200.toUShort(), r.status)
            assertEquals(1000uL, r.rateLimitLimit)
            assertEquals("1000", r.headers["x-ratelimit-limit"])
            val v = c.rateLimit()!!
            assertEquals(1000uL, v.limit)
            assertEquals(0uL, v.inFlight)
            assertEquals(null, c.onBehalfOf("sub00001").lastResponse())
        }
    }
}
