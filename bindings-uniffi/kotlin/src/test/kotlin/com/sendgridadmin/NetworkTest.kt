package com.sendgridadmin

import com.sendgridadmin.models.*
import com.sun.net.httpserver.HttpServer
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.net.InetAddress
import java.net.InetSocketAddress
import java.net.ServerSocket
import kotlin.concurrent.thread

/** Network options: an explicit proxy sees every request; bad settings are refused up front. */
class NetworkTest {
    @Test
    fun requestsGoThroughTheProxy() = runBlocking {
        val seen = mutableListOf<String>()
        val proxy = HttpServer.create(InetSocketAddress("127.0.0.1", 0), 0)
        proxy.createContext("/") { ex ->
            seen.add(ex.requestURI.toString())
            val body = """{"username": "ada", "user_id": 7}""".toByteArray()
            ex.responseHeaders.add("content-type", "application/json")
            ex.sendResponseHeaders(200, body.size.toLong())
            ex.responseBody.use { it.write(body) }
        }
        proxy.start()
        try {
            // Nothing listens on the base URL: only the proxy can answer.
            val c = Client(ClientConfig(apiKey = "SG.test", baseUrl = "http://127.0.0.1:9", proxy = "http://127.0.0.1:${proxy.address.port}"))
            assertTrue(c.request("GET", "/v3/user/username", listOf(), null).contains("ada"))
        } finally {
            proxy.stop(0)
        }
        assertEquals(listOf("http://127.0.0.1:9/v3/user/username"), seen)
    }

    @Test
    fun badNetworkSettingsAreInvalidInput() {
        val p = assertThrows<SendGridException.InvalidInput> { Client(ClientConfig(apiKey = "SG.test", proxy = "socks9://u:hunter2@proxy")) }
        assertEquals("proxy", p.field)
        assertFalse(p.message!!.contains("hunter2"))
        val ca = assertThrows<SendGridException.InvalidInput> { Client(ClientConfig(apiKey = "SG.test", caBundle = "/nonexistent/ca.pem")) }
        assertEquals("ca_bundle", ca.field)
    }

    @Test
    fun cancellingTheCoroutineDropsTheRequest() = runBlocking {
        // A server that reads the request, never answers, and reports whether the client
        // closed the connection.
        val server = ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))
        val closed = CompletableDeferred<Boolean>()
        thread {
            server.accept().use { s ->
                s.getInputStream().read(ByteArray(8192))
                s.soTimeout = 10_000
                closed.complete(runCatching { s.getInputStream().read() == -1 }.getOrDefault(false))
            }
        }
        try {
            val c = Client(ClientConfig(apiKey = "SG.test", baseUrl = "http://127.0.0.1:${server.localPort}", maxRetries = 0u))
            val call = launch(Dispatchers.Default) { c.request("GET", "/v3/user/username", listOf(), null) }
            delay(300)
            call.cancelAndJoin()
            assertTrue(withTimeout(5_000) { closed.await() }, "the request in flight was dropped")
        } finally {
            server.close()
        }
    }
}
