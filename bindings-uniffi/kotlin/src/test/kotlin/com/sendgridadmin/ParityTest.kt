package com.sendgridadmin

import java.io.File
import kotlin.reflect.full.memberFunctions
import kotlin.reflect.jvm.jvmErasure
import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * Every operation of tests/operations.json (the manifest every language's scenario runner calls
 * from) is a method of the Kotlin client, found by reflection as the scenario runner finds it:
 * a binding that lacks one fails here, whether or not a scenario calls it.
 */
class ParityTest {
    private fun camel(s: String) = s.replace(Regex("_([a-z0-9])")) { it.groupValues[1].uppercase() }

    @Test
    fun everyOperationIsAMethod() {
        val ops = JSONObject(File(System.getProperty("sendgrid.operations")).readText()).getJSONObject("operations")
        val missing = ops.keySet().sorted().filter { op ->
            val (resource, name) = op.split('.')
            val method = camel(ops.getJSONObject(op).optString("method", name))
            val accessor = Client::class.memberFunctions.firstOrNull { it.name == camel(resource) && it.parameters.size == 1 }
            accessor == null || accessor.returnType.jvmErasure.memberFunctions.none { it.name == method }
        }
        assertEquals(emptyList<String>(), missing, "${missing.size} of ${ops.length()} operations missing")
        assertTrue(ops.length() >= 60)
    }
}
