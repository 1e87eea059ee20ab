package com.sendgridadmin

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
}
