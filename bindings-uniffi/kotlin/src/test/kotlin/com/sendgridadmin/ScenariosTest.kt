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
import java.lang.reflect.InvocationTargetException
import kotlin.reflect.KClass
import kotlin.reflect.KParameter
import kotlin.reflect.KType
import kotlin.reflect.full.callSuspend
import kotlin.reflect.full.callSuspendBy
import kotlin.reflect.full.memberFunctions
import kotlin.reflect.full.primaryConstructor
import kotlin.reflect.jvm.jvmErasure

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
            val obo = step.optJSONObject("on_behalf_of")?.let { substitute(it, names) as JSONObject }
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

    // ---- calls: tests/operations.json (shared by every language's runner) says how each
    // operation is called; arguments (JSON, the core's wire names) become the declared Kotlin
    // types by reflection: records by their constructor's parameter names, enums by name.

    private val ops = JSONObject(File(System.getProperty("sendgrid.operations")).readText()).getJSONObject("operations")

    private fun camel(s: String) = s.replace(Regex("_([a-z0-9])")) { it.groupValues[1].uppercase() }

    private fun wire(param: String) = if (param == "kind") "type" else snake(param)

    private suspend fun dispatch(c: Client, op: String, a: JSONObject): Any? {
        val how = ops.optJSONObject(op) ?: fail("unknown operation $op")
        val (resource, name) = op.split('.')
        val res = c::class.memberFunctions.first { it.name == camel(resource) && it.parameters.size == 1 }.call(c)!!
        val fn = res::class.memberFunctions.first { it.name == camel(how.optString("method", name)) }
        val params = how.optJSONArray("params")?.let { p -> (0 until p.length()).map { p.getString(it) } } ?: emptyList()
        val declared = fn.parameters.drop(1)
        val args = mutableMapOf<KParameter, Any?>(fn.parameters[0] to res)
        params.forEachIndexed { i, p -> args[declared[i]] = value(a.opt(p), declared[i].type, p) }
        if (how.has("options")) {
            val rest = JSONObject().also { o -> a.keySet().filter { it !in params }.forEach { o.put(it, a.get(it)) } }
            args[declared[params.size]] = record(declared[params.size].type.jvmErasure, rest)
        }
        return unwrapped {
            val result = fn.callSuspendBy(args)
            if (how.optBoolean("pager")) collect(result!!) else result
        }
    }

    /** Reflection wraps what a call throws; the test wants the package's own exception. */
    private inline fun <T> unwrapped(f: () -> T): T = try { f() } catch (e: InvocationTargetException) { throw e.targetException }

    private suspend fun collect(pager: Any): List<Any> {
        val next = pager::class.memberFunctions.first { it.name == "next" }
        val all = mutableListOf<Any>()
        while (true) all.add(next.callSuspend(pager) ?: break)
        return all
    }

    private fun record(cls: KClass<*>, o: JSONObject): Any {
        val ctor = cls.primaryConstructor ?: fail("${cls.simpleName} is not a record")
        val args = ctor.parameters.mapNotNull { p ->
            val key = wire(p.name!!)
            when {
                o.has(key) -> p to value(o.get(key), p.type, key)
                p.isOptional -> null
                p.type.isMarkedNullable -> p to null
                p.type.jvmErasure == Boolean::class -> p to false
                else -> fail("${cls.simpleName}: missing $key")
            }
        }.toMap()
        return ctor.callBy(args)
    }

    /** A JSON value as the Kotlin type `t` (negative numbers for unsigned types become 0:
     *  Kotlin cannot hold them, and 0 is refused by the core like a negative would be). */
    private fun value(v: Any?, t: KType, field: String): Any? {
        if (v == null || v == JSONObject.NULL) return null
        val cls = t.jvmErasure
        return when {
            cls == String::class -> v as String
            cls == Boolean::class -> v as Boolean
            cls == Long::class -> (v as Number).toLong()
            cls == Int::class -> (v as Number).toInt()
            cls == UInt::class -> (v as Number).toLong().coerceAtLeast(0).toUInt()
            cls == ULong::class -> (v as Number).toLong().coerceAtLeast(0).toULong()
            cls == List::class -> (v as JSONArray).let { arr -> (0 until arr.length()).map { value(arr.get(it), t.arguments[0].type!!, "$field[$it]") } }
            // A value a closed Kotlin enum cannot hold is refused by the compiler in real code; the
            // runner reports it as the invalid_input the other languages get.
            cls.java.isEnum -> cls.java.enumConstants.firstOrNull { (it as Enum<*>).name.replace("_", "").equals((v as String).replace("_", ""), true) }
                ?: throw SendGridException.InvalidInput("$v is not a ${cls.simpleName}", null, emptyList(), null, null, 0u, field)
            cls.isSealed -> cls.sealedSubclasses.firstOrNull { it.objectInstance != null && it.simpleName.equals(v as String, true) }?.objectInstance
                ?: cls.sealedSubclasses.first { it.simpleName == "Other" }.primaryConstructor!!.call(v)
            v is JSONObject -> record(cls, v)
            else -> fail("cannot pass $v as $t")
        }
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
        is Region, is CreditType, is UserType, is PermissionType, is AccountState, is OfferingType ->
            if (v.javaClass.simpleName == "Other") v.javaClass.getDeclaredField("v1").let { it.isAccessible = true; it.get(v) } else v.javaClass.simpleName.lowercase()
        is List<*> -> JSONArray(v.map { toJson(it) ?: JSONObject.NULL })
        // An object, not a record (its secret stays out of toString); the core's JSON form
        // leaves the secret out too.
        is CreatedApiKey -> JSONObject().put("api_key_id", v.apiKeyId()).put("name", v.name()).put("scopes", JSONArray(v.scopes()))
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
        is SendGridException.NotApplied -> "not_applied" to Details(e.reason, e.status, e.errors, e.field, e.attempts)
        is SendGridException.Cancelled -> "cancelled" to Details(e.reason, e.status, e.errors, e.field, e.attempts)
    }
}
