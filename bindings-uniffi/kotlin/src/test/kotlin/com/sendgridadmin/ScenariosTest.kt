package com.sendgridadmin

import com.sendgridadmin.models.*
import java.io.File
import java.lang.reflect.Modifier
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import org.json.JSONArray
import org.json.JSONObject
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.TestFactory
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.fail

/** The cross-language scenarios (tests/scenarios/\*.json) through the Kotlin package. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScenariosTest {
    private val sb = Sandbox()

    @AfterAll
    fun stop() = sb.close()

    @TestFactory
    fun scenarios(): List<DynamicTest> {
        val files = File(System.getProperty("sendgrid.scenarios")).listFiles { f -> f.name.endsWith(".json") }!!.sortedBy { it.name }
        assertTrue(files.size >= 15)
        return files.map { f -> DynamicTest.dynamicTest(f.nameWithoutExtension) { runBlocking { run(JSONObject(f.readText()), f.nameWithoutExtension) } } }
    }

    private suspend fun run(sc: JSONObject, name: String) {
        val seeds = sc.optJSONObject("sandbox") ?: JSONObject()
        sb.reset(seeds.optInt("seed_subusers"), seeds.optInt("seed_teammates"))
        val spec = sc.optJSONObject("client") ?: JSONObject()
        val client = Client(
            ClientConfig(
                apiKey = spec.optString("api_key", KEY),
                baseUrl = sb.url,
                maxRetries = spec.optInt("max_retries", 0).toUInt(),
                timeoutMs = if (spec.has("timeout_ms")) spec.getLong("timeout_ms").toULong() else null,
            ),
        )
        val names = mutableMapOf<String, Any?>()
        val steps = sc.getJSONArray("steps")
        for (i in 0 until steps.length()) {
            val step = steps.getJSONObject(i)
            if (step.has("sandbox")) {
                sb.control(step.getString("sandbox"), step.optJSONObject("body") ?: JSONObject())
                continue
            }
            val op = step.getString("op")
            val where = "$name step ${i + 1} ($op)"
            val exp = step.optJSONObject("expect") ?: JSONObject()
            val obo = step.optJSONObject("on_behalf_of")
            val c = when {
                obo == null -> client
                obo.has("subuser") -> client.onBehalfOf(obo.getString("subuser"))
                else -> client.forAccount(obo.getString("account"))
            }
            val args = substitute(step.optJSONObject("args") ?: JSONObject(), names) as JSONObject
            val got: Any? = try {
                toJson(dispatch(c, op, args))
            } catch (e: SendGridException) {
                val (kind, d) = details(e)
                if (!exp.has("error")) fail("$where: unexpected $kind: ${d.reason}")
                assertEquals(exp.getString("error"), kind, "$where: ${d.reason}")
                if (exp.has("status")) assertEquals(exp.getInt("status"), d.status?.toInt(), where)
                if (exp.has("field")) assertEquals(exp.getString("field"), d.field, where)
                if (exp.has("message")) {
                    val m = exp.getString("message")
                    assertTrue(d.reason.contains(m) || d.errors.any { it.message.contains(m) }, where)
                }
                if (exp.has("attempts")) assertEquals(exp.getInt("attempts"), d.attempts.toInt(), where)
                continue
            }
            if (exp.has("error")) fail("$where: expected ${exp.getString("error")}, got $got")
            if (exp.has("ok")) assertTrue(contains(got, substitute(exp.get("ok"), names)), "$where: ${got.toString().take(400)}")
            if (exp.has("count")) assertEquals(exp.getInt("count"), (got as JSONArray).length(), where)
            exp.optJSONObject("len")?.let { len -> len.keySet().forEach { p -> assertEquals(len.getInt(p), (lookup(got, p) as JSONArray).length(), where) } }
            exp.optJSONArray("absent")?.let { a -> for (j in 0 until a.length()) assertTrue(lookup(got, a.getString(j)) == null, where) }
            step.optJSONObject("save")?.let { s -> s.keySet().forEach { k -> names[k] = lookup(got, s.getString(k)) } }
        }
    }

    // ---- arguments: JSON (the core's wire names) -> the package's records

    private fun JSONObject.str(k: String) = if (has(k) && !isNull(k)) getString(k) else null
    private fun JSONObject.u32(k: String) = if (has(k) && !isNull(k)) getLong(k).toUInt() else null
    private fun JSONObject.u64(k: String) = if (has(k) && !isNull(k)) getLong(k).toULong() else null
    private fun JSONObject.strings(k: String) = optJSONArray(k)?.let { a -> (0 until a.length()).map { a.getString(it) } } ?: emptyList()
    private inline fun <reified E : Enum<E>> JSONObject.enum(k: String): E? = str(k)?.let { v -> enumValues<E>().first { it.name.replace("_", "").equals(v.replace("_", ""), true) } }
    private fun JSONObject.region(k: String): Region? = str(k)?.let { when (it) { "global" -> Region.Global; "eu" -> Region.Eu; else -> Region.Other(it) } }
    private fun JSONObject.creditType(k: String): CreditType? = str(k)?.let { when (it) { "unlimited" -> CreditType.Unlimited; "recurring" -> CreditType.Recurring; "nonrecurring" -> CreditType.Nonrecurring; else -> CreditType.Other(it) } }

    private fun monthly(a: JSONObject) = MonthlyStatsQuery(a.getString("date"), a.str("subuser"), a.enum<Metric>("sort_by_metric"), a.enum<SortDirection>("sort_by_direction"), a.u32("limit"), a.u32("offset"))
    private fun listSubusers(a: JSONObject) = ListSubusers(a.str("username"), a.u32("limit"), a.u32("offset"), a.enum<RegionFilter>("region"), a.optBoolean("include_region"))
    private fun access(a: JSONObject) = SubuserAccessQuery(a.u64("after_subuser_id"), a.u64("limit"), a.str("username"))

    private suspend fun dispatch(c: Client, op: String, a: JSONObject): Any? = when (op) {
        "subusers.list" -> c.subusers().list(listSubusers(a))
        "subusers.list_all" -> c.subusers().iterAll(listSubusers(a)).asFlow().toList()
        "subusers.create" -> c.subusers().create(CreateSubuser(a.getString("username"), a.getString("email"), a.getString("password"), a.strings("ips"), a.region("region"), a.optBoolean("include_region")))
        "subusers.enable" -> c.subusers().enable(a.getString("username"))
        "subusers.disable" -> c.subusers().disable(a.getString("username"))
        "subusers.delete" -> c.subusers().delete(a.getString("username"))
        "ips.set" -> c.ips().set(a.getString("username"), a.strings("ips"))
        "reputations.list" -> c.reputations().list(a.strings("usernames"))
        "credits.get" -> c.credits().get(a.getString("username"))
        "credits.set" -> c.credits().set(a.getString("username"), SetCredits(a.creditType("type")!!, a.enum<ResetFrequency>("reset_frequency"), a.u64("total")))
        "credits.adjust_remaining" -> c.credits().adjustRemaining(a.getString("username"), a.getLong("allocation_update"))
        "website_access.enable" -> c.websiteAccess().enable(a.getString("username"))
        "website_access.disable" -> c.websiteAccess().disable(a.getString("username"))
        "stats.subuser_monthly" -> c.stats().subuserMonthly(a.getString("username"), monthly(a))
        "stats.monthly" -> c.stats().monthly(monthly(a))
        "stats.list" -> c.stats().list(StatsQuery(a.strings("subusers"), a.getString("start_date"), a.str("end_date"), a.enum<AggregatedBy>("aggregated_by"), a.u32("limit"), a.u32("offset")))
        "stats.sums" -> c.stats().sums(StatsSumsQuery(a.getString("start_date"), a.str("end_date"), a.enum<Metric>("sort_by_metric"), a.enum<SortDirection>("sort_by_direction"), a.enum<AggregatedBy>("aggregated_by"), a.u32("limit"), a.u32("offset")))
        "monitor.get" -> c.monitor().get(a.getString("username"))
        "monitor.create" -> c.monitor().create(a.getString("username"), Monitor(a.getString("email"), a.getLong("frequency").coerceAtLeast(0).toULong()))
        "monitor.update" -> c.monitor().update(a.getString("username"), Monitor(a.getString("email"), a.getLong("frequency").coerceAtLeast(0).toULong()))
        "monitor.delete" -> c.monitor().delete(a.getString("username"))
        "teammates.list" -> c.teammates().list(ListTeammates(a.u32("limit"), a.u32("offset")))
        "teammates.list_all" -> c.teammates().iterAll(a.u32("page_size")).asFlow().toList()
        "teammates.get" -> c.teammates().get(a.getString("username"))
        "teammates.invite" -> c.teammates().invite(InviteTeammate(a.getString("email"), a.strings("scopes"), a.optBoolean("is_admin")))
        "teammates.update_permissions" -> c.teammates().updatePermissions(a.getString("username"), Permissions(a.strings("scopes"), a.optBoolean("is_admin")))
        "teammates.delete" -> c.teammates().delete(a.getString("username"))
        "teammates.list_pending" -> c.teammates().listPending()
        "teammates.delete_pending" -> c.teammates().deletePending(a.getString("token"))
        "teammates.resend_invite" -> c.teammates().resendInvite(a.getString("token"))
        "teammates.subuser_access" -> c.teammates().subuserAccess(a.getString("teammate"), access(a))
        "teammates.subuser_access_all" -> c.teammates().iterSubuserAccess(a.getString("teammate"), access(a)).asFlow().toList()
        "scopes.list" -> c.scopes().list()
        "scopes.list_access_requests" -> c.scopes().listAccessRequests(ListAccessRequests(a.u32("limit"), a.u32("offset")))
        "scopes.approve_access_request" -> c.scopes().approveAccessRequest(a.getLong("request_id").toULong())
        "scopes.deny_access_request" -> c.scopes().denyAccessRequest(a.getLong("request_id").toULong())
        else -> fail("unknown operation $op")
    }

    // ---- results: the package's records -> JSON in the core's form (snake_case, `type`, `_metadata`)

    private fun snake(k: String) = when (k) {
        "kind" -> "type"
        "metadata" -> "_metadata"
        else -> k.replace(Regex("([A-Z])")) { "_" + it.value.lowercase() }
    }

    private fun toJson(v: Any?): Any? = when (v) {
        null, Unit -> null
        is String, is Boolean, is Int, is Long, is Double -> v
        is UInt -> v.toLong()
        is ULong -> v.toLong()
        is UShort -> v.toInt()
        is Enum<*> -> v.name.lowercase()
        // Open enums (a value SendGrid adds later is kept): objects by name, Other by its value.
        is Region, is CreditType, is UserType, is PermissionType ->
            if (v.javaClass.simpleName == "Other") v.javaClass.getDeclaredField("v1").let { it.isAccessible = true; it.get(v) } else v.javaClass.simpleName.lowercase()
        is List<*> -> JSONArray(v.map { toJson(it) ?: JSONObject.NULL })
        else -> JSONObject().also { o ->
            v.javaClass.declaredFields.filter { !Modifier.isStatic(it.modifiers) }.forEach { f ->
                f.isAccessible = true
                val x = toJson(f.get(v))
                // One string in the package, `credit_allocation: {type}` on the wire.
                if (f.name == "creditAllocationType") { if (x != null) o.put("credit_allocation", JSONObject().put("type", x)) }
                else o.put(snake(f.name), x ?: JSONObject.NULL)
            }
        }
    }

    private fun contains(got: Any?, want: Any?): Boolean = when (want) {
        null, JSONObject.NULL -> got == null || got == JSONObject.NULL
        is JSONObject -> got is JSONObject && want.keySet().all { got.has(it) && contains(got.get(it), want.get(it)) }
        is JSONArray -> got is JSONArray && got.length() == want.length() && (0 until want.length()).all { contains(got.get(it), want.get(it)) }
        is Number -> got is Number && got.toDouble() == want.toDouble()
        else -> got == want
    }

    private fun lookup(v: Any?, path: String): Any? = path.split('.').filter { it.isNotEmpty() }.fold(v) { cur, p ->
        when (cur) {
            is JSONArray -> p.toIntOrNull()?.let { cur.opt(it) }
            is JSONObject -> cur.opt(p)
            else -> null
        }?.takeUnless { it == JSONObject.NULL }
    }

    private fun substitute(v: Any?, names: Map<String, Any?>): Any? = when (v) {
        is String -> if (v.startsWith("\${") && v.endsWith("}")) names[v.substring(2, v.length - 1)] ?: v else v
        is JSONArray -> JSONArray((0 until v.length()).map { substitute(v.get(it), names) ?: JSONObject.NULL })
        is JSONObject -> JSONObject().also { o -> v.keySet().forEach { k -> o.put(k, substitute(v.get(k), names) ?: JSONObject.NULL) } }
        else -> v
    }

    private data class Details(val reason: String, val status: UShort?, val errors: List<ErrorDetail>, val field: String?, val attempts: UInt)

    private fun details(e: SendGridException): Pair<String, Details> = when (e) {
        is SendGridException.InvalidInput -> "invalid_input" to Details(e.reason, e.status, e.errors, e.field, e.attempts)
        is SendGridException.Unauthorized -> "unauthorized" to Details(e.reason, e.status, e.errors, e.field, e.attempts)
        is SendGridException.Forbidden -> "forbidden" to Details(e.reason, e.status, e.errors, e.field, e.attempts)
        is SendGridException.NotFound -> "not_found" to Details(e.reason, e.status, e.errors, e.field, e.attempts)
        is SendGridException.BadRequest -> "bad_request" to Details(e.reason, e.status, e.errors, e.field, e.attempts)
        is SendGridException.RateLimited -> "rate_limited" to Details(e.reason, e.status, e.errors, e.field, e.attempts)
        is SendGridException.Server -> "server" to Details(e.reason, e.status, e.errors, e.field, e.attempts)
        is SendGridException.Timeout -> "timeout" to Details(e.reason, e.status, e.errors, e.field, e.attempts)
        is SendGridException.Transport -> "transport" to Details(e.reason, e.status, e.errors, e.field, e.attempts)
        is SendGridException.Decode -> "decode" to Details(e.reason, e.status, e.errors, e.field, e.attempts)
        is SendGridException.Conflict -> "conflict" to Details(e.reason, e.status, e.errors, e.field, e.attempts)
    }
}
