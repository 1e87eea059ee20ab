package com.sendgridadmin

import com.sendgridadmin.models.*
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import org.json.JSONObject

const val KEY = "SG.sandbox-key"

/** The sandbox binary on a free port; tests reset it as they need. */
class Sandbox : AutoCloseable {
    private val proc: Process = ProcessBuilder(
        System.getProperty("sendgrid.sandbox"), "--port", "0", "--customer-account", "42",
    ).redirectError(ProcessBuilder.Redirect.INHERIT).start()
    val url: String
    private val http = HttpClient.newHttpClient()

    init {
        val line = proc.inputStream.bufferedReader().readLine() ?: error("the sandbox did not start")
        url = line.substringAfterLast(' ')
        check(url.startsWith("http://127.0.0.1:")) { line }
    }

    fun control(name: String, body: JSONObject = JSONObject()) {
        val req = HttpRequest.newBuilder(URI("$url/__sandbox/$name"))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build()
        val status = http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode()
        check(status in 200..299) { "sandbox $name answered $status" }
    }

    fun reset(subusers: Int = 0, teammates: Int = 0) =
        control("reset", JSONObject().put("seed_subusers", subusers).put("seed_teammates", teammates))

    fun stats(): JSONObject {
        val req = HttpRequest.newBuilder(URI("$url/__sandbox/stats")).GET().build()
        return JSONObject(http.send(req, HttpResponse.BodyHandlers.ofString()).body())
    }

    fun client(maxRetries: UInt = 0u, apiKey: String = KEY, timeoutMs: ULong? = null) =
        Client(ClientConfig(apiKey = apiKey, baseUrl = url, maxRetries = maxRetries, timeoutMs = timeoutMs))

    override fun close() {
        proc.destroy()
    }
}
